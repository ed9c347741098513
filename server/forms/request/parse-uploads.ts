// A POST's files, field by field: the files each file field got (kept ones from earlier POSTs first, then
// new ones), each checked with the field's own file schema before it is kept, the count checked, and the
// files to keep for the next POST when the form is refused. A file the field refuses is not kept (and its
// bytes go); a kept file that is gone is the field's error, never a failure of the request.
import type * as z from 'zod';
import type { CompiledForm, CompiledUpload } from '../model/compiled-form.js';
import type { KeptFile } from '../model/form-state.js';
import { FILE_PLACE } from '../model/posted-names.js';
import { LostUpload, UploadedFile } from '../../files/uploaded-file.js';
import { takeFiles } from '../../files/taken-files.js';

/** What a form's file fields give: the values the schema parses, their errors, and the files to keep. */
export interface PostedUploads {
  values: Record<string, File | File[] | undefined>;
  errors: Record<string, string>;
  files: Record<string, KeptFile[]>;
}

const named = (message: string, name: string) => message.replaceAll(FILE_PLACE, name);

/** The message for an issue of one file: too large, too small, or a type the field does not take. */
function fileMessage(upload: CompiledUpload, issue: z.core.$ZodIssue, name: string): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'too_big') return named(upload.messages.tooLarge, name);
  if (issue.code === 'too_small') return named(upload.messages.tooSmall, name);
  return named(upload.messages.wrongType, name);
}

/** The message for a zod issue on the field as a whole (the count of files, or none where one is needed). */
export function uploadMessage(upload: CompiledUpload, issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0 && upload.facts.required)) return upload.messages.required;
  if (issue.code === 'too_big' && issue.origin === 'array') return upload.messages.tooMany;
  if (issue.code === 'too_small' && issue.origin === 'array') return upload.messages.tooFew;
  return issue.message;
}

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The files of a body for the form's file fields. */
export function postedUploads(form: CompiledForm, body: Readonly<Record<string, unknown>>): PostedUploads {
  const out: PostedUploads = { values: {}, errors: {}, files: {} };
  if (form.uploads.length) takeFiles(body);
  for (const upload of form.uploads) {
    const posted = Object.hasOwn(body, upload.name) ? asList(body[upload.name]) : [];
    const accepted: File[] = [];
    let error: string | undefined;
    for (const item of posted) {
      if (item instanceof LostUpload) {
        error ??= item.message ?? named(upload.messages.lost, item.name);
        continue;
      }
      if (!(item instanceof File)) continue; // text under a file's name: no file
      const checked = upload.facts.file.safeParse(item);
      if (checked.success) accepted.push(item);
      else {
        error ??= fileMessage(upload, checked.error.issues[0] as z.core.$ZodIssue, item.name);
        if (item instanceof UploadedFile) void item.discard().catch(() => {});
      }
    }
    const { multiple, maxFiles = Infinity } = upload.facts;
    // One file: the last chosen replaces a kept one (kept files come first). Several: the first that fit.
    const kept = multiple ? accepted.slice(0, maxFiles) : accepted.slice(-1);
    if (multiple && accepted.length > maxFiles) error ??= upload.messages.tooMany;
    if (error) out.errors[upload.path] = error;
    out.values[upload.path] = multiple ? kept : kept[0];
    const keepable = kept.filter((f): f is UploadedFile => f instanceof UploadedFile);
    if (keepable.length) out.files[upload.path] = keepable.map((f) => ({ id: f.id, name: f.name, size: f.size, token: f.token }));
  }
  return out;
}
