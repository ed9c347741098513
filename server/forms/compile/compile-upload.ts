// A file field's facts and options -> what rendering it, checking its files in the browser and parsing
// them need, worked out once per definition. Its messages are the server's and the browser's alike.
import type { UploadFacts } from '../model/schema-facts.js';
import type { CompiledUpload, UploadMessages } from '../model/compiled-form.js';
import type { FieldOptions } from '../model/form-options.js';
import { DefinitionProblem } from '../../common/errors.js';
import { humanize } from './compile-field.js';
import { FILE_PLACE } from '../model/posted-names.js';
import { readableSize } from '../../common/readable-size.js';
import { filled, type OurWords } from '../../words/our-words.js';

/** Options a file field takes: the rest are a widget's. */
const UPLOAD_OPTIONS = new Set(['label', 'help', 'messages', 'access']);


/** A type's name for people: `image/png` -> "PNG", `application/pdf` -> "PDF", `image/*` -> "image". */
const typeName = (type: string) => {
  const [kind, sub] = type.split('/');
  return sub === '*' || !sub ? (kind ?? type) : sub.replace(/^(x-|vnd\.)/, '').toUpperCase();
};

function uploadMessages(facts: UploadFacts, given: FieldOptions<string>['messages'], words: OurWords['uploads']): UploadMessages {
  const { minFiles, maxFiles = Infinity, minSize, maxSize, types } = facts;
  // {file} stays: it is filled in with each file's name where the message is said.
  const say = (text: string, values: Record<string, string> = {}) => filled(text, { file: FILE_PLACE, ...values });
  return {
    required: given?.required ?? (facts.multiple && minFiles > 1 ? words.fewest(minFiles) : words.required),
    tooLarge: given?.tooLarge ?? say(words.tooLarge, { size: readableSize(maxSize ?? 0) }),
    tooSmall: given?.tooSmall ?? say(words.tooSmall, { size: readableSize(minSize ?? 0) }),
    wrongType: given?.wrongType ?? say(words.wrongType, { types: types.map(typeName).join(', ') }),
    tooMany: given?.tooMany ?? words.most(maxFiles),
    tooFew: given?.tooFew ?? given?.required ?? words.fewest(minFiles),
    lost: given?.lost ?? say(words.lost),
  };
}

/** Compiles one file field; throws DefinitionProblem for an option a file field has not. */
export function compileUpload(formId: string, facts: UploadFacts, options: FieldOptions<string>, namePrefix: string, words: OurWords): CompiledUpload {
  const foreign = Object.keys(options).filter((key) => !UPLOAD_OPTIONS.has(key) && options[key as keyof FieldOptions] !== undefined);
  if (foreign.length) throw new DefinitionProblem(facts.path, `a file field takes ${[...UPLOAD_OPTIONS].join(', ')}, not ${foreign.join(', ')}`, 'uploads');
  if (options.access) throw new DefinitionProblem(facts.path, 'access rules on a file field are not supported yet', 'uploads');
  return {
    path: facts.path,
    name: namePrefix + facts.path,
    id: `${formId}-${facts.path.replace(/\./g, '-')}`,
    label: options.label ?? humanize(facts.path),
    ...(options.help ? { help: options.help } : {}),
    facts,
    accept: facts.types.join(','),
    messages: uploadMessages(facts, options.messages, words.uploads),
    texts: (({ kept, remove, replace, add, uploading, cancel, failed, waiting, dontSend, scanning, offline }) => ({ kept, remove, replace, add, uploading, cancel, failed, waiting, dontSend, scanning, offline }))(words.uploads),
  };
}
