// What the page says of a list's rows: each row's name ("Item 2"), its buttons' texts ("Remove") and names
// ("Remove item 2"), and the add button's. Made once per list and locale from its item label, its
// `rowTexts` option and our words (server/words/, `rows`); the server writes them into the HTML and hands
// them to the client in the spec, which says them again as rows are added, removed and moved.
import { en } from '../../words/en.js';
import type { RowTexts } from '../../words/shape.js';

/** The place of a row (1, 2, ...) in a row text. */
export const ROW_PLACE = '{n}';

export type { RowTexts } from '../../words/shape.js';

/** The names of a list's row texts, as the rowTexts option takes them. */
export const ROW_TEXT_KEYS: ReadonlyArray<keyof RowTexts> = ['row', 'add', 'remove', 'removeRow', 'up', 'upRow', 'down', 'downRow'];

/**
 * The row texts of a list whose rows are called `itemLabel`: the given texts (in the form's locale), else
 * our words in its language (`defaults`; English), with the item label put in (`{Item}` as given, `{item}`
 * in lower case).
 * @example rowTexts('Item').removeRow // 'Remove item {n}'
 * @example rowTexts('Posten', { removeRow: '{Item} {n} entfernen' }).removeRow // 'Posten {n} entfernen'
 */
export function rowTexts(itemLabel: string, given: Partial<RowTexts> = {}, defaults: Readonly<RowTexts> = en.rows): RowTexts {
  const out = {} as RowTexts;
  for (const key of ROW_TEXT_KEYS) {
    out[key] = (given[key] ?? defaults[key]).replaceAll('{Item}', itemLabel).replaceAll('{item}', itemLabel.toLowerCase());
  }
  return out;
}

/**
 * A row text at a row's place.
 * @example atPlace('Remove item {n}', 2) // 'Remove item 2'
 */
export const atPlace = (text: string, place: number): string => text.replaceAll(ROW_PLACE, String(place));
