// A form's shape for one request: which rows each list holds (in the order the page had them), with
// each row's fields made concrete (`items.$row.qty` -> `items.2.qty`); which section each discriminated
// union shows; and the intents by which their buttons change them without JavaScript (add, remove, move
// a row; switch a section).
import type { CompiledField } from './compile-field.js';
import type { CompiledForm, CompiledList, CompiledUnion, FormPart } from './compile.js';
import { ROW } from './introspect.js';

/** The name of the list and section buttons: their value says what to do (`add:items`, `remove:items:2`, `switch:delivery`). */
export const INTENT_FIELD = '_intent';

/** What a list's or a union's button asks for. */
export type ListIntent = { action: 'add' | 'remove' | 'up' | 'down'; list: CompiledList; row: number };
export type Intent = ListIntent | { action: 'switch'; union: CompiledUnion };

const replaceRow = (text: string, index: number | string) => text.split(ROW).join(String(index));

/** Rows a row field keeps made (see atRow): more than a form shows, fewer than a flood of rows. */
const KEPT_ROWS = 256;
const rowsMade = new WeakMap<CompiledField, Map<string, CompiledField>>();

/**
 * A row field at a row: its path and id with the row's position, its name with the index it was posted
 * under. Made once per row (and kept, up to KEPT_ROWS), so that the field's templates serve its rows.
 */
export function atRow(field: CompiledField, index: number | string, postedIndex: number | string = index): CompiledField {
  let made = rowsMade.get(field);
  if (!made) rowsMade.set(field, (made = new Map()));
  const key = `${index}:${postedIndex}`;
  let row = made.get(key);
  if (!row) {
    row = { ...field, path: replaceRow(field.path, index), name: replaceRow(field.name, postedIndex), id: replaceRow(field.id, index) };
    if (made.size < KEPT_ROWS) made.set(key, row);
  }
  return row;
}

/** A form part made concrete: a field as it is, a list as its rows' fields, a union with its chosen branch. */
export interface ShownList {
  list: CompiledList;
  rows: CompiledField[][];
}
export interface ShownUnion {
  union: CompiledUnion;
  /** The branch shown: the discriminator's value, when it is one of the branches. */
  chosen: string | null;
}
export type ShownPart = { field: CompiledField } | ShownList | ShownUnion;

/** The branch a discriminator's raw value chooses, if any. */
function chosenBranch(union: CompiledUnion, raw: unknown): string | null {
  return typeof raw === 'string' && union.branches.some((b) => b.value === raw) ? raw : null;
}

/** A key of a list's row (`items.2.qty` under the stem `items.`): the row's index and the rest, else null. */
function rowKey(key: string, stem: string): { index: number; rest: string } | null {
  if (!key.startsWith(stem)) return null;
  const dot = key.indexOf('.', stem.length);
  const index = key.slice(stem.length, dot < 0 ? undefined : dot);
  return /^\d{1,4}$/.test(index) ? { index: Number(index), rest: dot < 0 ? '' : key.slice(dot + 1) } : null;
}

/**
 * The row indexes of each list in `keys` (a body's names or a state's paths), in the order they first
 * appear: browsers post a form's controls in page order, so rows moved in the page keep their new order.
 */
export function rowIndexes(form: CompiledForm, keys: Iterable<string>, byName: boolean): Map<CompiledList, number[]> {
  const found = new Map<CompiledList, number[]>(form.lists.map((l) => [l, []]));
  const seen = new Map<CompiledList, Set<number>>(form.lists.map((l) => [l, new Set()]));
  for (const key of keys) {
    for (const list of form.lists) {
      const row = rowKey(key, `${byName ? list.name : list.path}.`);
      const rows = found.get(list) as number[];
      const known = seen.get(list) as Set<number>;
      // One row past the maximum is read, so that "too many" can be said; a flood of rows is not.
      if (!row || known.has(row.index) || rows.length > list.max) continue;
      known.add(row.index);
      rows.push(row.index);
    }
  }
  return found;
}

/**
 * The parts to show for a state: each list with its rows: those its values have, as many as it counts
 * (`state.rows`), and at least the list's minimum (blank rows are added).
 */
export function shownParts(form: CompiledForm, values: Readonly<Record<string, unknown>>, counts: Readonly<Record<string, number>> = {}): ShownPart[] {
  const rows = rowIndexes(form, Object.keys(values), false);
  return form.parts.map((part: FormPart): ShownPart => {
    if ('field' in part) return part;
    if ('union' in part) return { union: part.union, chosen: chosenBranch(part.union, values[part.union.discriminator.path]) };
    const indexes = rows.get(part.list) ?? [];
    const count = Math.max(part.list.min, counts[part.list.path] ?? 0);
    for (let next = indexes.length ? Math.max(...indexes) + 1 : 0; indexes.length < count; next++) indexes.push(next);
    return { list: part.list, rows: indexes.map((i) => part.list.rowFields.map((f) => atRow(f, i))) };
  });
}

/** Every concrete field of shown parts, in order: every branch's, the hidden ones too (the page holds them all). */
export const shownFields = (parts: ShownPart[]): CompiledField[] =>
  parts.flatMap((p) => ('field' in p ? [p.field] : 'rows' in p ? p.rows.flat() : [p.union.discriminator, ...p.union.branches.flatMap((b) => b.fields)]));

/**
 * A button's intent that is not one of the form's: a 400, never taken for a plain submit (a mistyped
 * button must not place an order). Express's error handling (or dojoErrors()) reads `status`.
 */
export class UnknownIntentError extends Error {
  override name = 'UnknownIntentError';
  readonly status = 400;
  readonly expose = true;
}

const ROW_INDEX = /^\d{1,4}$/;

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
  if (action !== 'add' && action !== 'remove' && action !== 'up' && action !== 'down') throw refuse('not one of add, remove, up, down, switch');
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
    } else {
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
