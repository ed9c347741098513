// A form's fingerprint: a short hash of what its POST means (fields, their types and whether they are
// required, their choices, lists of rows, unions, file fields, access), never of its words, so that one
// definition has one fingerprint in every locale. Every form carries it (`_fingerprint`): a POST made from
// a page of another definition (an older release, during a deploy) is known as such and parsed with care
// (forms/request/changed-form.ts) instead of blindly.
import crypto from 'node:crypto';
import type { CompiledField, FormPart } from './compiled-form.js';

const fieldMeaning = (f: CompiledField) => [f.name, f.kind, f.facts.required, f.choices.map((c) => c.value), f.access];

const partMeaning = (part: FormPart): unknown => {
  if ('field' in part) return fieldMeaning(part.field);
  if ('upload' in part) {
    const { required, multiple, minSize, maxSize, types, minFiles, maxFiles } = part.upload.facts;
    return ['file', part.upload.name, required, multiple, minSize, maxSize, types, minFiles, maxFiles];
  }
  if ('list' in part) return ['rows', part.list.name, part.list.min, part.list.max, part.list.rowFields.map(fieldMeaning)];
  return ['union', fieldMeaning(part.union.discriminator), part.union.branches.map((b) => [b.value, b.fields.map(fieldMeaning)])];
};

/** 72 bits of SHA-256 of the parts' meaning, as 12 base64url characters. */
export const formFingerprint = (parts: readonly FormPart[]): string =>
  crypto.createHash('sha256').update(JSON.stringify(parts.map(partMeaning))).digest('base64url').slice(0, 12);
