// A form for one request: the raw values it shows, its errors, and how many rows each list shows; and
// what parsing a POST gives (the data, or the state to show again).
import type { RawValue } from './field-values.js';

/**
 * What a form shows: the user's raw values, an error per field path, and errors of the whole form.
 * @public
 */
export interface FormState {
  values: RawValues;
  errors: Record<string, string>;
  formErrors: string[];
  /** How many rows each list of rows shows, by its path (at least its minimum). */
  rows?: Record<string, number>;
  /** The files each file field keeps from an earlier POST, by its path: shown, and posted again as tokens. */
  files?: Record<string, KeptFile[]>;
  /** The labels of the values of fields whose choices come from a source, by path (their values are ids). */
  labels?: Record<string, string>;
  /** For a field whose typed text matched several choices of its source: those, to pick one from. */
  matches?: Record<string, Array<{ value: string; label: string }>>;
  /** An edit form's record as the form shows it: sealed into the page, so that its POST can tell what changed since. */
  edit?: EditedRecord;
  /**
   * The paths whose message (in `errors`) says a conflict, not an error: the saved value beside the
   * user's. Shown at the field like an error, but the widget keeps its value valid, so it can be sent again.
   */
  conflicts?: string[];
  /** Warnings to confirm (the `warn` options), by field path (`''`: the form's), each with its box's token. */
  warnings?: Record<string, OpenWarning>;
}

/** The message a field's widget shows as its own error: a conflict's is only said beside it. */
export const widgetError = (state: Partial<FormState>, path: string): string | undefined => (state.conflicts?.includes(path) ? undefined : state.errors?.[path]);

/**
 * A record as an edit form showed it: its version, and the values (and rows) the form showed of it.
 * @public
 */
export interface EditedRecord {
  version: string;
  values: RawValues;
  rows: Record<string, number>;
}

/**
 * A file the form keeps for its next POST: what the page shows of it, and the signed token it posts.
 * @public
 */
export interface KeptFile {
  id: string;
  name: string;
  size: number;
  token: string;
}

/**
 * A parsed POST: the data, or the state that shows the form again. `intent` is set when the POST was a
 * list's or a union's button (add, remove, move a row; switch a section) sent without JavaScript: show
 * the state, with no errors. `ignored` names the fields the body tried to change that the user's roles
 * may not (their values came from `current`). `warned` is set when the form passed but asks about
 * warnings not yet confirmed: show the state (200, not 422); a passing form's `warnings` are those the
 * user confirmed with "Send it anyway". `changes` (an edit, parsed with `changesFrom` or through
 * `req.dojo` with a `version`) says what the POST changes of the record.
 * @public
 */
export type ParseResult<T> = ({ ok: true; data: T; warnings?: ConfirmedWarning[]; changes?: FieldChange[] } | { ok: false; intent?: true; warned?: true }) & {
  state: FormState;
  ignored: string[];
  /**
   * An edit sent after the record changed (parse with `version`): the paths of the fields (and lists) both
   * sides changed, shown with the saved value beside the user's. Absent when the record had not changed.
   */
  conflicts?: string[];
  /** An edit sent after the record changed whose changes merged with the saved ones by themselves. */
  merged?: true;
};

/** The path a warning of the whole form is kept under. */
export const FORM_WARNING = '';

/**
 * A warning not yet confirmed: its message, and what its "Send it anyway" box posts.
 * @public
 */
export interface OpenWarning {
  message: string;
  token: string;
}

/**
 * A warning the user confirmed: the field's path (`''` for the form's) and what it said.
 * @public
 */
export interface ConfirmedWarning {
  path: string;
  message: string;
}

/**
 * A field an edit changes: its path and label (a row's field: "Item 2, Qty"), and its value before and
 * after as a person reads them in the form's language. A password or a `sensitive` field says only that
 * it changed. `merged`: the edit was merged with a save someone made after the form was opened.
 * @public
 */
export interface FieldChange {
  path: string;
  label: string;
  before?: string;
  after?: string;
  sensitive?: true;
  merged?: true;
}

/**
 * The raw values of a form, by dotted path.
 * @public
 */
export type RawValues = Record<string, RawValue>;
