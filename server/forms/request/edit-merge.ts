// An edit sent after the record changed: a three-way merge of what the form showed (base), what the user
// sent (mine) and what is saved now (theirs), field by field. A field only one side changed takes that
// side's value; a field both changed, to different values, is a conflict: the user's value stays, and the
// saved one is said beside it. A list of rows merges row by row when each side only changed rows or added
// some (both sides' new rows are kept, the saved ones first); any other change of both to a list is a
// conflict of the whole list.
import type { RawValue } from '../model/field-values.js';
import type { RawValues } from '../model/form-state.js';
import type { CompiledForm, CompiledList } from '../model/compiled-form.js';
import { rowIndexes, rowKey } from '../model/shown-parts.js';

/** One side of an edit: its values by path, and how many rows each list has. */
export interface EditSide {
  values: RawValues;
  rows: Record<string, number>;
}

export interface MergedEdit extends EditSide {
  /** Each field both sides changed: the saved value, by the field's path. */
  conflicts: Record<string, RawValue | undefined>;
  /** Each list both sides changed beyond rows added: how many rows the saved one has, by the list's path. */
  listConflicts: Record<string, number>;
}

/**
 * A value as compared: missing and empty are one, one value posted alone is a list of one, and the order
 * of a multiple choice does not count.
 */
const norm = (v: RawValue | undefined): string => JSON.stringify((v === undefined ? [] : Array.isArray(v) ? [...v] : [v]).filter((x) => x !== '').sort());
export const sameValue = (a: RawValue | undefined, b: RawValue | undefined): boolean => norm(a) === norm(b);

/** A side's values outside lists, and each list's rows (field -> value, in order). */
function split(form: CompiledForm, values: RawValues): { plain: RawValues; lists: Map<CompiledList, RawValues[]> } {
  const plain: RawValues = {};
  const order = rowIndexes(form, Object.keys(values), false);
  const lists = new Map<CompiledList, RawValues[]>();
  // Each list's rows in order, and where each row's index puts it.
  const places = new Map<CompiledList, Map<number, RawValues>>();
  for (const list of form.lists) {
    const rows = (order.get(list) ?? []).map((): RawValues => ({}));
    lists.set(list, rows);
    places.set(list, new Map((order.get(list) ?? []).map((index, at) => [index, rows[at] as RawValues])));
  }
  for (const [path, value] of Object.entries(values)) {
    let inRow = false;
    for (const list of form.lists) {
      const row = rowKey(path, `${list.path}.`);
      if (!row) continue;
      inRow = true;
      // A row past what the list takes (rowIndexes reads one more, then stops) is left out.
      const target = places.get(list)?.get(row.index);
      if (target) target[row.rest] = value;
      break;
    }
    if (!inRow) plain[path] = value;
  }
  return { plain, lists };
}

/** Merges one field: the value to keep, and whether both sides changed it apart. */
function mergeValue(base: RawValue | undefined, mine: RawValue | undefined, theirs: RawValue | undefined): { value: RawValue | undefined; conflict: boolean } {
  if (sameValue(mine, base)) return { value: theirs, conflict: false };
  if (sameValue(theirs, base) || sameValue(mine, theirs)) return { value: mine, conflict: false };
  return { value: mine, conflict: true };
}

/**
 * Merges the three sides of an edit. `visible` says which paths the user's roles may see: only those are
 * merged (the others keep the saved record's values when the form is parsed).
 */
export function mergeEdit(form: CompiledForm, base: EditSide, mine: EditSide, theirs: EditSide, visible: (path: string) => boolean): MergedEdit {
  const [b, m, t] = [split(form, base.values), split(form, mine.values), split(form, theirs.values)];
  const merged: MergedEdit = { values: {}, rows: {}, conflicts: {}, listConflicts: {} };
  const put = (path: string, value: RawValue | undefined) => {
    if (value !== undefined) merged.values[path] = value;
  };
  for (const path of new Set([...Object.keys(b.plain), ...Object.keys(m.plain), ...Object.keys(t.plain)])) {
    if (!visible(path)) continue;
    const { value, conflict } = mergeValue(b.plain[path], m.plain[path], t.plain[path]);
    put(path, value);
    if (conflict) merged.conflicts[path] = t.plain[path];
  }
  for (const list of form.lists) {
    if (!visible(list.path)) continue;
    const [B, M, T] = [b.lists.get(list) ?? [], m.lists.get(list) ?? [], t.lists.get(list) ?? []];
    const rowsSame = (x: RawValues[], y: RawValues[]) => x.length === y.length && x.every((row, i) => [...new Set([...Object.keys(row), ...Object.keys(y[i] ?? {})])].every((k) => sameValue(row[k], y[i]?.[k])));
    let rows: RawValues[];
    if (rowsSame(M, B)) rows = T;
    else if (rowsSame(T, B) || rowsSame(M, T)) rows = M;
    else if (M.length >= B.length && T.length >= B.length) {
      // Rows changed in place, rows added on both sides: each old row merged field by field, then the new ones.
      rows = B.map((old, i) => {
        const row: RawValues = {};
        const [mineRow, theirRow] = [M[i] ?? {}, T[i] ?? {}];
        for (const rest of new Set([...Object.keys(old), ...Object.keys(mineRow), ...Object.keys(theirRow)])) {
          const { value, conflict } = mergeValue(old[rest], mineRow[rest], theirRow[rest]);
          if (value !== undefined) row[rest] = value;
          if (conflict) merged.conflicts[`${list.path}.${i}.${rest}`] = theirRow[rest];
        }
        return row;
      });
      rows.push(...T.slice(B.length), ...M.slice(B.length));
    } else {
      rows = M;
      merged.listConflicts[list.path] = T.length;
    }
    rows.forEach((row, i) => Object.entries(row).forEach(([rest, value]) => put(`${list.path}.${i}.${rest}`, value)));
    merged.rows[list.path] = rows.length;
  }
  return merged;
}
