// Typed data -> the raw values a form shows, for forms that edit existing data
// (`req.dojo.form(form, form.initial(record))`). Each value is formatted by its kind (field-values.ts).
import type { CompiledField } from './compile-field.js';
import type { RawValues } from './coerce.js';
import { formatValue } from './field-values.js';
import { getPath } from './object-path.js';

/** The raw values of `data` (nested objects by dotted path) for each field of a form. */
export function rawValuesOf(fields: readonly CompiledField[], data: unknown): RawValues {
  const values: RawValues = {};
  for (const field of fields) {
    const raw = formatValue(field.kind, getPath(data, field.path));
    if (raw !== undefined) values[field.path] = raw;
  }
  return values;
}
