// Edit conflicts: an edit form's page carries the record's version and the values it showed, sealed with
// the app's secret (the browser can neither read nor change them). Its POST, parsed with the record's
// version now, is parsed as usual when the version is the same; when the record changed meanwhile, what
// the user changed is merged with what was saved (forms/request/edit-merge.ts): changes of one side merge
// by themselves, and a field both changed comes back with the saved value said beside the user's, so
// that nothing is overwritten unseen.
import type { Request } from 'express';
import type { CompiledField, CompiledForm } from '../../forms/model/compiled-form.js';
import type { EditedRecord, ParseResult } from '../../forms/model/form-state.js';
import { VERSION_FIELD } from '../../forms/model/posted-names.js';
import { ROW } from '../../forms/model/schema-facts.js';
import { rowKey } from '../../forms/model/shown-parts.js';
import { readableValue } from '../../forms/model/readable-value.js';
import { mergeEdit } from '../../forms/request/edit-merge.js';
import { formForRoles } from '../../forms/request/role-view.js';
import { EditVersionError } from '../../common/errors.js';
import { sealer, type Sealer } from '../../common/sealed.js';
import { requestKeys } from '../request-keys.js';
import { filled, wordsFor } from '../../words/our-words.js';
import { requestWords } from '../refusals.js';
import type { FormDefinition } from '../../forms/define.js';


function sealerFor(req: Request | null): Sealer {
  if (!req) throw new Error('an edit form\'s version needs the request: render and parse it through req.dojo, after dojo()');
  return sealer(requestKeys(req, 'an edit form\'s version').keys, 'edit-version');
}

const isEdited = (v: unknown): v is EditedRecord => {
  const e = v as Record<string, unknown> | null;
  return typeof e === 'object' && e !== null && typeof e['version'] === 'string' && typeof e['values'] === 'object' && e['values'] !== null && typeof e['rows'] === 'object' && e['rows'] !== null;
};

/** The hidden field's value: the record as the form shows it, sealed for this form. */
export const sealEdit = (req: Request | null, form: string, edit: EditedRecord): string => sealerFor(req).seal(JSON.stringify(edit), `edit:${form}`);

/** What a refused version says, in the request's words (its page shows this message). */
const versionWords = (req: Request | null) => (req ? requestWords(req) : wordsFor(null)).refusals;

/** The record as the POST's page showed it; EditVersionError (400) when the page carried none, or a changed one. */
function openEdit(req: Request | null, form: string, body: unknown): EditedRecord {
  const token = (body as Record<string, unknown> | null)?.[VERSION_FIELD];
  if (typeof token !== 'string' || token === '') throw new EditVersionError(versionWords(req).noVersion);
  const opened = sealerFor(req).open(token, `edit:${form}`);
  let edit: unknown;
  try {
    edit = opened === 'tampered' ? null : JSON.parse(opened);
  } catch {
    edit = null;
  }
  if (!isEdited(edit)) throw new EditVersionError(versionWords(req).versionChanged);
  return edit;
}

/** The compiled field a concrete path names (`items.2.qty` is the list's `items.$row.qty`). */
function fieldAt(form: CompiledForm, path: string): CompiledField | undefined {
  const direct = form.fields.find((f) => f.path === path);
  if (direct) return direct;
  for (const list of form.lists) {
    const row = rowKey(path, `${list.path}.`);
    if (row) return list.rowFields.find((f) => f.path === `${list.path}.${ROW}.${row.rest}`);
  }
  return undefined;
}

/** What parsing an edit needs first: the result already (a conflict), or the body to parse and the record to show next. */
export type PreparedEdit = { done: ParseResult<never> } | { body: Record<string, unknown>; edit: EditedRecord; merged: boolean };

export interface EditParse {
  roles: readonly string[] | null;
  current: object | undefined;
  version: string | number;
  /** The form in the request's locale: its labels and choices say the saved values. */
  compiled: CompiledForm;
}

/** Compares the POST's version with the record's, and merges when the record changed meanwhile. */
export function prepareEdit(req: Request | null, definition: FormDefinition, body: unknown, { roles, current, version, compiled }: EditParse): PreparedEdit {
  const shown = openEdit(req, definition.name, body);
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const now = String(version);
  if (shown.version === now) return { body: source, edit: shown, merged: false };
  const theirs = definition.initial(current ?? {}) as { values: EditedRecord['values']; rows?: EditedRecord['rows'] };
  const saved: EditedRecord = { version: now, values: theirs.values, rows: theirs.rows ?? {} };
  const mine = definition.typed(body, roles ? { roles } : {});
  const view = formForRoles(compiled, roles);
  const seen = new Set(view.fields.map((f) => f.path));
  const visible = (path: string) => seen.has(path) || view.lists.some((l) => l.path === path || rowKey(path, `${l.path}.`) !== null);
  const merged = mergeEdit(compiled, shown, mine, saved, visible);
  const conflicts = [...Object.keys(merged.conflicts), ...Object.keys(merged.listConflicts)];
  if (conflicts.length === 0) {
    // Each side's changes merged: the merged values are parsed as if the user had sent them.
    const prefix = compiled.prefix ? `${compiled.prefix}-` : '';
    const mergedBody: Record<string, unknown> = Object.fromEntries(Object.entries(merged.values).map(([path, value]) => [prefix + path, value]));
    return { body: mergedBody, edit: saved, merged: true };
  }
  // Said in the form's language: the summary on top, and at each field both sides changed.
  const words = compiled.words.conflict;
  const errors: Record<string, string> = {};
  for (const [path, value] of Object.entries(merged.conflicts)) {
    const field = fieldAt(compiled, path);
    errors[path] = filled(words.saved, { value: field ? readableValue(field, value) : String(value ?? '') });
  }
  for (const [path, count] of Object.entries(merged.listConflicts)) errors[path] = words.savedRows(count);
  const state = { values: merged.values, rows: merged.rows, errors, formErrors: [words.summary], edit: saved, conflicts };
  return { done: { ok: false, state, ignored: [], conflicts } };
}

/** A result of an edit's parse, carrying the record to show next (and whether it was merged). */
export function withEdit<T>(result: ParseResult<T>, edit: EditedRecord, merged: boolean): ParseResult<T> {
  const next = { ...result, state: { ...result.state, edit } };
  if (!merged) return next;
  // Merged with a save made meanwhile: each change says so.
  return next.ok && next.changes ? { ...next, merged: true, changes: next.changes.map((c) => ({ ...c, merged: true as const })) } : { ...next, merged: true };
}
