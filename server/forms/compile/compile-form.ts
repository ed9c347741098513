// A form's schema and options -> the compiled form: its fields in order, each worked out once
// (compile-field.ts), and every module its widgets need. Everything that can be wrong with a definition is
// found here, at start-up, and named by form and field.
import { formFingerprint } from '../model/fingerprint.js';
import type * as z from 'zod';
import { compileField, humanize } from './compile-field.js';
import { compileUpload } from './compile-upload.js';
import { type CompiledField, type CompiledForm, type CompiledList, type CompiledUnion, type FormPart, DRAFT_DAYS, formModules } from '../model/compiled-form.js';
import type { FieldOptions, FormOptions } from '../model/form-options.js';
import { DefinitionProblem, FormDefinitionError } from '../../common/errors.js';
import { introspectObject } from '../schema/introspect.js';
import { isList, isUnion, isUpload, ROW, type ListFacts, type SchemaFacts, type UnionFacts } from '../model/schema-facts.js';
import { fieldAccess } from './field-rules.js';
import { plainOptions, textResolver, type TextLocale } from './field-texts.js';
import { ROW_TEXT_KEYS, rowTexts } from '../model/row-texts.js';
import { filled, wordsFor, type OurWords } from '../../words/our-words.js';

/** The options key of a path: a row field's path without its index (`items.$row.qty` -> `items.qty`). */
const optionsKey = (path: string) => path.split(`.${ROW}`).join('');

/**
 * The most rows a list without a `.max()` (or a `maxRows` option) takes: each row read is parsed and may
 * be re-rendered, so this bounds what one small POST can make the server do (SECURITY.md).
 */
export const DEFAULT_MAX_ROWS = 50;
const warnedLists = new Set<string>();

/** The options that only a list of rows has. */
const LIST_OPTIONS = ['itemLabel', 'rowTexts', 'maxRows'] as const;

/** A list's bound from its `maxRows` option, else the default, said once per list as a process warning. */
function listBound(form: string, path: string, maxRows: number | undefined): number {
  if (maxRows !== undefined) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new DefinitionProblem(path, `maxRows must be a whole number of at least 1, not ${maxRows}`, 'shapes');
    return maxRows;
  }
  const key = `${form}\u0000${path}`;
  if (!warnedLists.has(key) && warnedLists.size < 10_000) {
    warnedLists.add(key);
    process.emitWarning(`form "${form}", list "${path}" has no .max(): it takes at most ${DEFAULT_MAX_ROWS} rows from a POST (give the schema a .max(), or the field a maxRows option)`, { code: 'DIJITIZE_LIST_WITHOUT_MAX' });
  }
  return DEFAULT_MAX_ROWS;
}

/** The prefix a field's posted name has before its path (`bill-` of a prefixed form's `bill-street`). */
const namePrefixOf = (field: CompiledField): number => field.name.length - field.path.length;

/** The form's parts, compiled; throws DefinitionProblem. */
function compileParts<S extends z.ZodObject>(id: string, schema: S, options: FormOptions<S>, at: TextLocale | null, words: OurWords): FormPart[] {
  const nodes = introspectObject(schema);
  const known = nodes.flatMap((n) =>
    isList(n) ? [n.path, ...n.rows.map((r) => optionsKey(r.path))] : isUnion(n) ? [n.path, n.discriminator.path, ...n.branches.flatMap((b) => b.fields.map((f) => f.path))] : [n.path],
  );
  if (options.access && nodes.some((n) => isList(n) || isUnion(n) || isUpload(n))) {
    throw new DefinitionProblem(null, 'access rules on a form with lists of rows, discriminated unions or file fields are not supported yet', 'access');
  }
  const fieldOptions = (options.fields ?? {}) as Record<string, FieldOptions | undefined>;
  const unknown = Object.keys(fieldOptions).filter((path) => !known.includes(path));
  if (unknown.length) throw new DefinitionProblem(unknown[0] ?? null, `the schema has no such field (it has ${known.join(', ')})`);
  if (options.leaveGuard !== undefined && typeof options.leaveGuard !== 'boolean') throw new DefinitionProblem(null, `leaveGuard must be true or false, not ${JSON.stringify(options.leaveGuard)}`, 'nothing-lost');
  for (const key of ['check', 'warn'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') throw new DefinitionProblem(null, `${key} must be a function of the form's data (sync or async), not ${typeof options[key]}`, 'live-checks');
  }
  fieldAccess(null, undefined, options.access); // the form's own defaults, checked even when every field has its own
  const namePrefix = options.prefix ? `${options.prefix}-` : '';
  // Each place's options with their texts in this locale.
  const optionsOf = (key: string) => plainOptions(fieldOptions[key] ?? {}, textResolver(at, key));
  const field = (facts: SchemaFacts): CompiledField => {
    const own = optionsOf(optionsKey(facts.path));
    const listOnly = LIST_OPTIONS.filter((key) => own[key] !== undefined);
    if (listOnly.length) throw new DefinitionProblem(facts.path, `${listOnly.join(', ')} ${listOnly.length > 1 ? 'are options' : 'is an option'} of a list of rows (z.array(z.object(...))), not of this ${facts.kind} field`, 'shapes');
    const compiled = compileField(id, facts, own, options.attrMap ?? {}, namePrefix);
    const choicesButton = compiled.dependsOn?.length ? { choicesButton: { text: words.form.showChoices, label: filled(words.form.showChoicesOf, { field: compiled.label }) } } : {};
    const noChoice = compiled.choices.length ? { noChoice: words.form.noChoice } : {};
    const warnWords = compiled.warn ? { warnWords: { warning: words.form.warning, sendAnyway: words.form.sendAnyway } } : {};
    return { ...compiled, ...choicesButton, ...noChoice, ...warnWords, access: fieldAccess(facts.path, own.access, options.access) };
  };
  const list = (facts: ListFacts): CompiledList => {
    const own = optionsOf(facts.path);
    const unknownTexts = Object.keys(fieldOptions[facts.path]?.rowTexts ?? {}).filter((key) => !(ROW_TEXT_KEYS as readonly string[]).includes(key));
    if (unknownTexts.length) throw new DefinitionProblem(facts.path, `rowTexts has no ${unknownTexts.join(', ')} (it takes ${ROW_TEXT_KEYS.join(', ')})`, 'shapes');
    const itemLabel = own.itemLabel ?? words.rows.item;
    return {
      path: facts.path,
      name: namePrefix + facts.path,
      id: `${id}-${facts.path.replace(/\./g, '-')}`,
      label: own.label ?? humanize(facts.path),
      itemLabel,
      texts: rowTexts(itemLabel, own.rowTexts, words.rows),
      ...(own.help ? { help: own.help } : {}),
      min: facts.minItems,
      max: facts.maxItems ?? listBound(id, facts.path, own.maxRows),
      messages: own.messages ?? {},
      rowFields: facts.rows.map(field),
    };
  };
  const union = (facts: UnionFacts): CompiledUnion => {
    const own = optionsOf(facts.path);
    const discriminator = field(facts.discriminator);
    const labelOf = (value: string) => discriminator.choices.find((c) => c.value === value)?.label ?? value;
    return {
      path: facts.path,
      id: `${id}-${facts.path.replace(/\./g, '-')}`,
      label: own.label ?? humanize(facts.path),
      discriminator,
      branches: facts.branches.map((b) => ({ value: b.value, label: labelOf(b.value), fields: b.fields.map(field) })),
      switchText: words.form.switchSection,
    };
  };
  return nodes.map((n): FormPart => (isUpload(n) ? { upload: compileUpload(id, n, optionsOf(n.path), namePrefix, words) } : isList(n) ? { list: list(n) } : isUnion(n) ? { union: union(n) } : { field: field(n) }));
}

/**
 * Compiles a form's schema and options, with its texts in one locale (null: each text's own default);
 * throws FormDefinitionError.
 */
export function compileForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S>, at: TextLocale | null = null): CompiledForm {
  const { prefix } = options;
  if (prefix !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) throw new FormDefinitionError(name, null, `the prefix ${JSON.stringify(prefix)} must start with a letter and hold only letters, digits and _`);
  const id = options.id ?? prefix ?? name;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new FormDefinitionError(name, null, `the id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, _ and -`);
  const words = wordsFor(at?.locale);
  let parts: FormPart[];
  try {
    parts = compileParts(id, schema, options, at, words);
  } catch (err) {
    // Wrapped once, here; anything else is a bug of ours and must not pass for a definition mistake.
    if (err instanceof DefinitionProblem) throw new FormDefinitionError(name, err.path, err.message, err.docs);
    throw err;
  }
  const lists = parts.flatMap((p) => ('list' in p ? [p.list] : []));
  const unions = parts.flatMap((p) => ('union' in p ? [p.union] : []));
  const uploads = parts.flatMap((p) => ('upload' in p ? [p.upload] : []));
  const fields = parts.flatMap((p) => ('list' in p ? p.list.rowFields : 'union' in p ? [p.union.discriminator, ...p.union.branches.flatMap((b) => b.fields)] : 'field' in p ? [p.field] : []));
  // A source's choices depend on fields the form has: a name it lacks would never be posted to the source.
  const names = new Set(fields.map((f) => f.name));
  for (const field of fields) {
    const missing = (field.dependsOn ?? []).find((parent) => !names.has(parent));
    if (missing !== undefined) throw new FormDefinitionError(name, field.path, `dependsOn names ${JSON.stringify(missing.slice(namePrefixOf(field)))}, which is not a field of this form`, 'live-checks');
  }
  const modules = formModules(fields, uploads.length > 0);
  return {
    name,
    id,
    action: options.action ?? '',
    method: options.method ?? 'post',
    submitLabel: textResolver(at, '(form)')(options.submitLabel, 'submitLabel') ?? words.form.submit,
    locale: at?.locale ?? null,
    words,
    parts,
    fields,
    lists,
    unions,
    uploads,
    asksServer: fields.some((f) => f.check || f.warn || f.source),
    modules,
    prefix: prefix ?? null,
    acl: options.access?.acl ?? null,
    draft: draftOf(name, options.draft, fields),
    leaveGuard: options.leaveGuard !== false,
    fingerprint: formFingerprint(parts),
    migrate: options.migrate ?? null,
  };
}

/** The draft a form keeps in the browser: `draft: true` lasts 7 days; the sensitive fields are never in it. */
function draftOf(name: string, option: FormOptions<z.ZodObject>['draft'], fields: readonly CompiledField[]): CompiledForm['draft'] {
  if (!option) return null;
  const days = option === true ? DRAFT_DAYS : (option.days ?? DRAFT_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new FormDefinitionError(name, null, `draft.days must be a whole number of days from 1 to 365; got ${JSON.stringify(days)}`, 'nothing-lost');
  return { days, skip: fields.filter((f) => f.sensitive).map((f) => f.name) };
}
