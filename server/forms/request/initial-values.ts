// Typed data -> the raw values a form shows, for forms that edit existing data
// (`req.dojo.form(form, form.initial(record))`). Each value is formatted by its kind (field-values.ts);
// a list of rows shows a row per element of its array.
import type { CompiledField, CompiledList } from '../model/compiled-form.js';
import type { RawValues } from '../model/form-state.js';
import { formatValue } from '../model/field-values.js';
import { getPath } from '../../common/object-path.js';
import { ROW } from '../model/schema-facts.js';
import { atRow } from '../model/shown-parts.js';

/** The raw values of `data` (nested objects by dotted path) for each field, and each list's row count. */
export function rawValuesOf(fields: readonly CompiledField[], data: unknown, lists: readonly CompiledList[] = []): { values: RawValues; rows: Record<string, number> } {
  const values: RawValues = {};
  const rows: Record<string, number> = {};
  const add = (field: CompiledField) => {
    const raw = formatValue(field.kind, getPath(data, field.path));
    if (raw !== undefined) values[field.path] = raw;
  };
  for (const list of lists) {
    const items = getPath(data, list.path);
    rows[list.path] = Array.isArray(items) ? items.length : 0;
    for (let i = 0; i < rows[list.path]!; i++) list.rowFields.forEach((f) => add(atRow(f, i)));
  }
  for (const field of fields) if (!field.path.includes(`.${ROW}.`)) add(field);
  return { values, rows };
}
