// What the page says of a list's rows: each row's name ("Item 2") and the names of its buttons ("Remove
// item 2"). Made once per list from its item label (in the form's locale); the server writes them into
// the HTML and hands them to the client in the spec, which says them again as rows are added, removed and
// moved. The one copy of these words.

/** The place of a row (1, 2, ...) in a row text. */
export const ROW_PLACE = '{n}';

/** A list's row texts, each with ROW_PLACE for the row's place. */
export interface RowTexts {
  row: string;
  remove: string;
  up: string;
  down: string;
  /** The add button's text and name (no place). */
  add: string;
}

/** The visible texts of a row's buttons: short, since each one's name (aria-label) says which row. */
export const ROW_BUTTON_TEXTS = { remove: 'Remove', up: 'Move up', down: 'Move down' } as const;

/**
 * The row texts of a list whose rows are called `itemLabel`.
 * @example rowTexts('Item').remove // 'Remove item {n}'
 */
export function rowTexts(itemLabel: string): RowTexts {
  const lower = itemLabel.toLowerCase();
  return {
    row: `${itemLabel} ${ROW_PLACE}`,
    remove: `${ROW_BUTTON_TEXTS.remove} ${lower} ${ROW_PLACE}`,
    up: `${ROW_BUTTON_TEXTS.up} ${lower} ${ROW_PLACE}`,
    down: `${ROW_BUTTON_TEXTS.down} ${lower} ${ROW_PLACE}`,
    add: `Add ${lower}`,
  };
}

/**
 * A row text at a row's place.
 * @example atPlace('Remove item {n}', 2) // 'Remove item 2'
 */
export const atPlace = (text: string, place: number): string => text.split(ROW_PLACE).join(String(place));
