// What an edit changes: each field whose value the POST sets apart from the record as it was (rows
// field by field, by their place), with its label and both values as a person reads them in the form's
// language (a choice by its label, a date and a number as the locale writes them, a box as yes or no).
// A password or a `sensitive` field is said to have changed, never what it held or holds now.
import type { CompiledField, CompiledForm } from '../model/compiled-form.js';
import type { FieldChange, RawValues } from '../model/form-state.js';
import type { RawValue } from '../model/field-values.js';
import { readableValue } from '../model/readable-value.js';
import { atRow } from '../model/shown-parts.js';
import { atPlace } from '../model/row-texts.js';
import { ROW } from '../model/schema-facts.js';
import { sameValue } from './edit-merge.js';

/** One side of an edit: its raw values, and how many rows each list has. */
export interface EditedValues {
  values: RawValues;
  rows?: Record<string, number>;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The labels of values of fields whose choices come from a source: by path, then by value. */
export type SourceLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A value as the form's locale writes it: numbers and days by Intl, the rest as readableValue says. */
function readable(form: CompiledForm, field: CompiledField, raw: RawValue | undefined, labels: SourceLabels): string {
  const locale = form.locale ?? 'en';
  const text = Array.isArray(raw) ? undefined : raw;
  if (text !== undefined && text !== '') {
    if (field.kind === 'number' && Number.isFinite(Number(text))) return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(Number(text));
    const day = (field.kind === 'date' || field.kind === 'isoDate') && ISO_DAY.exec(text);
    if (day) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
    if (field.kind === 'time') return text.replace(/^T/, '').slice(0, 5);
  }
  const label = text === undefined ? undefined : labels[field.path]?.[text];
  return readableValue(field, raw, form.words.wizard, label);
}

/** A field's change, or null when its value is the same. */
function changeOf(form: CompiledForm, field: CompiledField, label: string, before: EditedValues, after: EditedValues, labels: SourceLabels): FieldChange | null {
  const [was, now] = [before.values[field.path], after.values[field.path]];
  // A password is never kept in the record shown: any typed is a change.
  const password = field.inputType === 'password';
  if (password ? now === undefined || now === '' : sameValue(was, now)) return null;
  if (password || field.sensitive) return { path: field.path, label, sensitive: true };
  return { path: field.path, label, before: readable(form, field, was, labels), after: readable(form, field, now, labels) };
}

/**
 * The changes from `before` (the record as it was) to `after` (as the POST sets it), in the order the form
 * shows its fields. A field with a source reads its values by `labels` (see sourceValuesToRead).
 */
export function editChanges(form: CompiledForm, before: EditedValues, after: EditedValues, labels: SourceLabels = {}): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (change: FieldChange | null) => change && changes.push(change);
  for (const field of form.fields) if (!field.path.includes(`.${ROW}.`)) add(changeOf(form, field, field.label, before, after, labels));
  for (const list of form.lists) {
    const rows = Math.max(before.rows?.[list.path] ?? 0, after.rows?.[list.path] ?? 0);
    for (let i = 0; i < rows; i++) {
      for (const rowField of list.rowFields) add(changeOf(form, atRow(rowField, i), `${atPlace(list.texts.row, i + 1)}, ${rowField.label}`, before, after, labels));
    }
  }
  return changes;
}

/**
 * The values a change would show of fields whose choices come from a source (ids, such as "ada"): each
 * changed one's before and after, for their labels to be found (`source.get`) before the changes are read.
 */
export function sourceValuesToRead(form: CompiledForm, before: EditedValues, after: EditedValues): Array<{ field: CompiledField; value: string }> {
  const wanted: Array<{ field: CompiledField; value: string }> = [];
  for (const field of form.fields) {
    // A sensitive field's change says no value: none to look up.
    if (!field.source || field.sensitive) continue;
    const [was, now] = [before.values[field.path], after.values[field.path]];
    if (sameValue(was, now)) continue;
    for (const value of [was, now]) if (typeof value === 'string' && value !== '') wanted.push({ field, value });
  }
  return wanted;
}
