// Typed data -> the raw strings a form shows: the reverse of coercion, for forms that edit existing data
// (`req.dojo.form(form, form.initial(record))`).
import type { CompiledField } from './compile.js';
import { toIsoDay, type RawValue, type RawValues } from './coerce.js';
import { getPath } from './object-path.js';

/** One field's typed value as the raw text (or texts) the form shows; undefined for no value. */
export function rawValueOf(field: CompiledField, value: unknown): RawValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'multiEnum') return Array.isArray(value) ? value.map(String) : [String(value)];
  if (field.kind === 'boolean') return value === true ? 'on' : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : toIsoDay(value);
  return String(value);
}

/** The raw values of `data` (nested objects by dotted path) for each field of a form. */
export function rawValuesOf(fields: readonly CompiledField[], data: unknown): RawValues {
  const values: RawValues = {};
  for (const field of fields) {
    const raw = rawValueOf(field, getPath(data, field.path));
    if (raw !== undefined) values[field.path] = raw;
  }
  return values;
}
