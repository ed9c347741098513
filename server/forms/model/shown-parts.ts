// A form's shape for one state: which rows each list holds (in the order the page had them), each row's
// fields made concrete (`items.$row.qty` -> `items.2.qty`), and which section each union shows. Rendering
// and parsing both start from it.
import type { CompiledField, CompiledForm, CompiledList, CompiledUnion, CompiledUpload, FormPart } from './compiled-form.js';
import { ROW } from './schema-facts.js';

const replaceRow = (text: string, index: number | string) => text.replaceAll(ROW, String(index));

/** Rows a row field keeps made (see atRow): more than a form shows, fewer than a flood of rows. */
const KEPT_ROWS = 256;

const rowsMade = new WeakMap<CompiledField, Map<string, CompiledField>>();
/** Row fields made for one request only (past KEPT_ROWS): a template cut for them would serve no other. */
const passingRows = new WeakSet<CompiledField>();

/** Whether a field lives beyond this request, so that templates made for it are used again. */
export const isKept = (field: CompiledField): boolean => !passingRows.has(field);

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
    else passingRows.add(row);
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

export type ShownPart = { field: CompiledField } | { upload: CompiledUpload } | ShownList | ShownUnion;

/** The branch a discriminator's raw value chooses, if any. */
export function chosenBranch(union: CompiledUnion, raw: unknown): string | null {
  return typeof raw === 'string' && union.branches.some((b) => b.value === raw) ? raw : null;
}

/** A row's index as a posted name or an intent says it: up to four digits (more rows than a list takes). */
export const ROW_INDEX = /^\d{1,4}$/;

/** A key of a list's row (`items.2.qty` under the stem `items.`): the row's index and the rest, else null. */
export function rowKey(key: string, stem: string): { index: number; rest: string } | null {
  if (!key.startsWith(stem)) return null;
  const dot = key.indexOf('.', stem.length);
  const index = key.slice(stem.length, dot < 0 ? undefined : dot);
  return ROW_INDEX.test(index) ? { index: Number(index), rest: dot < 0 ? '' : key.slice(dot + 1) } : null;
}

/** Whether a concrete path (`items.2.secret`) is the compiled path of a row field (`items.$row.secret`), or is it. */
export function isPathOf(path: string, compiledPath: string): boolean {
  const a = path.split('.');
  const b = compiledPath.split('.');
  return a.length === b.length && b.every((part, i) => part === a[i] || (part === ROW && /^\d+$/.test(a[i] ?? '')));
}

/** The test of a form's concrete paths for the sensitive fields' (passwords, `sensitive: true`), rows included. */
export function sensitivePaths(form: CompiledForm): (path: string) => boolean {
  const sensitive = form.fields.filter((f) => f.sensitive).map((f) => f.path);
  return (path) => sensitive.some((s) => isPathOf(path, s));
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
    if ('field' in part || 'upload' in part) return part;
    if ('union' in part) return { union: part.union, chosen: chosenBranch(part.union, values[part.union.discriminator.path]) };
    const indexes = rows.get(part.list) ?? [];
    const count = Math.max(part.list.min, counts[part.list.path] ?? 0);
    for (let next = indexes.length ? Math.max(...indexes) + 1 : 0; indexes.length < count; next++) indexes.push(next);
    return { list: part.list, rows: indexes.map((i) => part.list.rowFields.map((f) => atRow(f, i))) };
  });
}

/** Every concrete field of shown parts, in order: every branch's, the hidden ones too (the page holds them all). */
export const shownFields = (parts: ShownPart[]): CompiledField[] =>
  parts.flatMap((p) => ('field' in p ? [p.field] : 'upload' in p ? [] : 'rows' in p ? p.rows.flat() : [p.union.discriminator, ...p.union.branches.flatMap((b) => b.fields)]));
