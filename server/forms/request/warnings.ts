// Warnings: questions, not refusals (the `warn` options). A form sent with a warning comes back with it and
// a "Send it anyway" box; the box posts a hash of the form, the field and the value it was asked about, so
// a warning confirmed for a value stays confirmed for that value, and asks again once the value changes.
// The hash needs no secret: confirming is the user's choice, not a permission, and any process, after any
// restart, reads it the same. A warning that throws asks nothing: it never stands between a user and a
// valid form.
import crypto from 'node:crypto';
import type { CompiledField } from '../model/compiled-form.js';
import type { CheckContext, FormWarning } from '../model/form-options.js';
import { FORM_WARNING, type ConfirmedWarning, type OpenWarning, type RawValues } from '../model/form-state.js';
import { WARNED_FIELD } from '../model/posted-names.js';
import { getPath } from '../../common/object-path.js';
import { guardedCheck } from './server-checks.js';

/** What the box of a warning about `shown` (the raw values it was asked about) posts. */
export function warningToken(form: string, path: string, shown: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify([form, path, shown ?? null])).digest('base64url').slice(0, 22);
}

/**
 * The raw values a warning is about: its field's, or every value for the form's own. A sensitive value
 * (a password) is never put in a page, not even hashed: its warning, once confirmed, stays so.
 */
function shownFor(path: string, values: RawValues, sensitive: (path: string) => boolean): unknown {
  if (path !== FORM_WARNING) return sensitive(path) ? null : (values[path] ?? null);
  return Object.fromEntries(Object.entries(values).filter(([p]) => !sensitive(p)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The boxes a POST ticked. */
export function confirmedTokens(body: Readonly<Record<string, unknown>>): Set<string> {
  const sent = body[WARNED_FIELD];
  return new Set((Array.isArray(sent) ? sent : [sent]).filter((t): t is string => typeof t === 'string'));
}

/** The warnings of the fields without an error whose value is not empty, by path; `only` asks one field alone. */
export async function fieldWarnings(fields: readonly CompiledField[], errors: Readonly<Record<string, string>>, values: Readonly<Record<string, unknown>>, ctx: CheckContext, only?: string): Promise<Record<string, string>> {
  const asked = fields.filter((f) => f.warn && !errors[f.path] && (only === undefined || f.path === only));
  const said = await Promise.all(
    asked.map(async (field) => {
      const value = getPath(values, field.path);
      if (value === undefined || value === null || value === '') return null;
      return (await guardedCheck(`the warning of ${field.path}`, () => field.warn?.(value, ctx), null)) ?? null;
    }),
  );
  const out: Record<string, string> = {};
  asked.forEach((field, i) => {
    const message = said[i];
    if (message) out[field.path] = message;
  });
  return out;
}

/** The form's own warning, once every field passed: for the form (FORM_WARNING) and by field. */
export async function formWarnings<T>(warn: FormWarning<T>, data: T, ctx: CheckContext): Promise<Record<string, string>> {
  const said = await guardedCheck('the form\'s warning', () => warn(data, ctx), null);
  if (typeof said === 'string') return said ? { [FORM_WARNING]: said } : {};
  return Object.fromEntries(Object.entries(said ?? {}).filter(([, message]) => typeof message === 'string' && message !== ''));
}

/** Warnings split by the boxes the POST ticked: those still to confirm (with their boxes' tokens), and those confirmed. */
export function settleWarnings(
  form: string,
  said: Readonly<Record<string, string>>,
  values: RawValues,
  ticked: ReadonlySet<string>,
  sensitive: (path: string) => boolean,
): { open: Record<string, OpenWarning>; confirmed: ConfirmedWarning[] } {
  const open: Record<string, OpenWarning> = {};
  const confirmed: ConfirmedWarning[] = [];
  for (const [path, message] of Object.entries(said)) {
    const token = warningToken(form, path, shownFor(path, values, sensitive));
    if (ticked.has(token)) confirmed.push({ path, message });
    else open[path] = { message, token };
  }
  return { open, confirmed };
}
