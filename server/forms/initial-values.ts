// Typed data -> the raw strings a form shows: the reverse of coercion, for forms that edit existing data
// (`req.dojo.form(form, form.initial(record))`).
import type { CompiledField } from './compile.js';
import type { RawValue, RawValues } from './coerce.js';
import { getPath } from './object-path.js';

function rawOf(field: CompiledField, value: unknown): RawValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'multiEnum') return Array.isArray(value) ? value.map(String) : [String(value)];
  if (field.kind === 'boolean') return value === true ? 'on' : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return String(value);
}

/** The raw values of `data` (nested objects by dotted path) for each field of a form. */
export function rawValuesOf(fields: readonly CompiledField[], data: unknown): RawValues {
  const values: RawValues = {};
  for (const field of fields) {
    const raw = rawOf(field, getPath(data, field.path));
    if (raw !== undefined) values[field.path] = raw;
  }
  return values;
}
