// The intents of a POST: what the list, section and choices buttons ask for without JavaScript (add, remove,
// move a row; switch a section; show a source's choices), read from `_intent` and applied to the rows; and which fields a body posts.
import type { CompiledField, CompiledForm, CompiledList, CompiledUnion } from '../model/compiled-form.js';
import { INTENT_FIELD } from '../model/posted-names.js';
import { atRow, chosenBranch, ROW_INDEX, rowIndexes, rowKey } from '../model/shown-parts.js';
import { UnknownIntentError } from '../../common/errors.js';

/** What a list's or a union's button asks for. */
export type ListIntent = { action: 'add' | 'remove' | 'up' | 'down'; list: CompiledList; row: number };
export type Intent = ListIntent | { action: 'switch'; union: CompiledUnion } | { action: 'choices'; field: CompiledField };

/** The intent a body carries for this form's lists and sections, if any; throws UnknownIntentError for one it has not. */
export function intentOf(form: CompiledForm, body: Record<string, unknown>): Intent | null {
  if (!Object.hasOwn(body, INTENT_FIELD)) return null;
  const value = body[INTENT_FIELD];
  const refuse = (why: string) => new UnknownIntentError(`${INTENT_FIELD} ${JSON.stringify(String(value).slice(0, 60))}: ${why}`);
  if (typeof value !== 'string') throw refuse('one button sends one intent');
  const [action, path, row, ...rest] = value.split(':');
  if (rest.length) throw refuse('too many parts');
  if (action === 'switch') {
    const union = form.unions.find((u) => u.path === path);
    if (!union || row !== undefined) throw refuse(`the form has no sections "${path ?? ''}" (switch:<sections>)`);
    return { action, union };
  }
  if (action === 'choices') {
    const field = form.fields.find((f) => f.path === path && f.source);
    if (!field || row !== undefined) throw refuse(`the form has no field "${path ?? ''}" with choices from a source (choices:<field>)`);
    return { action, field };
  }
  if (action !== 'add' && action !== 'remove' && action !== 'up' && action !== 'down') throw refuse('not one of add, remove, up, down, switch, choices');
  const list = form.lists.find((l) => l.path === path);
  if (!list) throw refuse(`the form has no list "${path ?? ''}"`);
  if (action === 'add') {
    if (row !== undefined) throw refuse('add:<list> names no row');
    return { action, list, row: -1 };
  }
  if (row === undefined || !ROW_INDEX.test(row)) throw refuse(`${action}:<list>:<row> names a row by its number`);
  return { action, list, row: Number(row) };
}

/**
 * The rows after an intent, as positions into `rows`: `null` for a new, blank row. Bounds are honoured:
 * no row is added beyond the list's maximum nor removed below its minimum.
 */
export function applyIntent(intent: ListIntent, count: number): Array<number | null> {
  const order: Array<number | null> = Array.from({ length: count }, (_, i) => i);
  const { action, list, row } = intent;
  const inRange = Number.isInteger(row) && row >= 0 && row < count;
  if (action === 'add' && (list.max === null || count < list.max)) order.push(null);
  else if (action === 'remove' && inRange && count > list.min) order.splice(row, 1);
  else if (action === 'up' && inRange && row > 0) order.splice(row - 1, 2, row, row - 1);
  else if (action === 'down' && inRange && row < count - 1) order.splice(row, 2, row + 1, row);
  return order;
}

/**
 * The fields of a POST: each list's rows in the order they were posted, read by the names they were
 * posted under and numbered from 0 (so gaps left by rows removed in the page close up).
 */
export function postedFields(form: CompiledForm, body: Readonly<Record<string, unknown>>): { fields: CompiledField[]; validated: CompiledField[]; rows: Record<string, number> } {
  const posted = rowIndexes(form, Object.keys(body), true);
  const rows: Record<string, number> = {};
  const fields: CompiledField[] = [];
  const validated: CompiledField[] = [];
  for (const part of form.parts) {
    if ('field' in part) {
      fields.push(part.field);
      validated.push(part.field);
    } else if ('list' in part) {
      const indexes = posted.get(part.list) ?? [];
      rows[part.list.path] = indexes.length;
      const rowFields = indexes.flatMap((index, position) => part.list.rowFields.map((f) => atRow(f, position, index)));
      fields.push(...rowFields);
      validated.push(...rowFields);
    } else if ('union' in part) {
      // Every branch's values are read (a re-rendered form keeps them); only the chosen branch is validated.
      const { discriminator, branches } = part.union;
      const chosen = chosenBranch(part.union, body[discriminator.name]);
      fields.push(discriminator, ...branches.flatMap((b) => b.fields));
      validated.push(discriminator, ...(branches.find((b) => b.value === chosen)?.fields ?? []));
    }
  }
  return { fields, validated, rows };
}

/**
 * Raw values with a list's rows put in a new order (`null`: a new, blank row), written row by row in that
 * order: the page shows rows in the order their values come (see rowIndexes). Linear: the values are
 * grouped by row once.
 */
export function reorderRows<V>(values: Readonly<Record<string, V>>, list: CompiledList, order: Array<number | null>): Record<string, V> {
  const stem = `${list.path}.`;
  const out: Record<string, V> = {};
  const byRow = new Map<number, Array<[string, V]>>();
  for (const [path, value] of Object.entries(values)) {
    const row = rowKey(path, stem);
    if (!row) out[path] = value;
    else if (row.rest) {
      const entries = byRow.get(row.index);
      if (entries) entries.push([row.rest, value]);
      else byRow.set(row.index, [[row.rest, value]]);
    }
  }
  order.forEach((old, position) => {
    for (const [rest, value] of old === null ? [] : (byRow.get(old) ?? [])) out[`${stem}${position}.${rest}`] = value;
  });
  return out;
}
