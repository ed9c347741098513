// A POSTed body -> the object the schema parses: each field's raw value read by its path, converted by
// its kind (field-values.ts; docs/forms.md lists the rules). Only the form's own field paths are read, so
// unknown keys such as `__proto__` never reach an object.
import type { CompiledField, CompiledForm } from '../model/compiled-form.js';
import { KIND_VALUES } from '../model/field-values.js';
import { setPath } from '../../common/object-path.js';
import type { RawValues } from '../model/form-state.js';

/**
 * Set by the body parser on a parsed body: the names whose posted bytes were not UTF-8 (the parser has
 * already turned them into U+FFFD, which would otherwise pass for text).
 */
export const NOT_UTF8 = Symbol('dijitize.notUtf8');
/** A body as the parser gives it, with the names it could not decode. */
export type ParsedBody = Record<string, unknown> & { [NOT_UTF8]?: ReadonlySet<string> };

/** Why a field's raw text cannot be a value, whatever the schema says: it is the field's invalid error. */
export type Unreadable = 'not UTF-8' | 'too long';

/** Reads a body (flat dotted names, as `express.urlencoded({ extended: false })` gives) into raw values. */
export function rawValues(fields: readonly CompiledField[], body: unknown): { raw: RawValues; unreadable: Map<string, Unreadable> } {
  const source = (body && typeof body === 'object' ? body : {}) as ParsedBody;
  const notUtf8 = source[NOT_UTF8];
  const raw: RawValues = {};
  const unreadable = new Map<string, Unreadable>();
  for (const field of fields) {
    if (!Object.hasOwn(source, field.name)) continue;
    const value = source[field.name];
    if (typeof value === 'string') raw[field.path] = value;
    else if (Array.isArray(value)) raw[field.path] = value.map(String);
    else continue;
    const cap = KIND_VALUES[field.kind].maxText;
    if (notUtf8?.has(field.name)) unreadable.set(field.path, 'not UTF-8');
    else if (cap !== undefined && typeof value === 'string' && value.trim().length > cap) unreadable.set(field.path, 'too long');
  }
  return { raw, unreadable };
}

/**
 * Coerces every field of a form into the nested object the schema parses; unreadable ones are left out.
 * Each list of rows becomes an array of its `rows[path]` rows (a row that posted nothing is `{}`).
 */
export function coerceValues(
  fields: readonly CompiledField[],
  raw: RawValues,
  unreadable: ReadonlyMap<string, Unreadable> = new Map(),
  shape: Pick<CompiledForm, 'lists' | 'unions'> = { lists: [], unions: [] },
  rows: Readonly<Record<string, number>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const list of shape.lists) setPath(out, list.path, Array.from({ length: rows[list.path] ?? 0 }, () => ({})));
  // A union is an object even when nothing of it was sent, so that zod names the missing discriminator.
  for (const union of shape.unions) setPath(out, union.path, {});
  for (const field of fields) {
    if (unreadable.has(field.path)) continue;
    const value = KIND_VALUES[field.kind].parse(raw[field.path], field.facts);
    if (value !== undefined) setPath(out, field.path, value);
  }
  return out;
}
