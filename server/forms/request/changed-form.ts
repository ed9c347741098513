// A POST made from a page of another definition of the form (the page was opened before a deploy changed
// the form): its `_fingerprint` is not the form's. The body is migrated by the form's `migrate` option, then
// parsed by the definition of now: a field removed since is ignored, as any name the form does not have; a
// field added since, which the page did not show, comes back marked new to be checked, with a notice; and
// what the user typed is shown again, never lost.
import type { CompiledField, CompiledForm } from '../model/compiled-form.js';
import { FINGERPRINT_FIELD } from '../model/posted-names.js';
import { ROW } from '../model/schema-facts.js';

/** The body as this definition reads it, and the fingerprint of the page it came from when that was another's. */
export function bodyOfNow(form: CompiledForm, body: Record<string, unknown>): { body: Record<string, unknown>; changedFrom: string | null } {
  const posted = body[FINGERPRINT_FIELD];
  // A POST without one (an older page of dijitize, a script) is read as it is, as before fingerprints.
  if (typeof posted !== 'string' || posted === form.fingerprint) return { body, changedFrom: null };
  const changedFrom = posted.slice(0, 40); // a page's, or a client's: a fingerprint is 12 characters
  return { body: form.migrate ? form.migrate(body, changedFrom) : body, changedFrom };
}

/**
 * Controls a page always posts, empty or not: a text box, a number, a date, a single select. A checkbox
 * not ticked, a multiple select or a radio group with nothing chosen post nothing, so their absence says
 * nothing of the page that was sent.
 */
const alwaysPosted = (field: CompiledField) => field.kind !== 'boolean' && field.kind !== 'multiEnum' && field.widget !== 'dijit/form/RadioButton';

/** Of the fields this POST is checked by (as its roles see them), those the page it came from did not have. */
export function fieldsNew(validated: readonly CompiledField[], shown: readonly CompiledField[], body: Readonly<Record<string, unknown>>): CompiledField[] {
  // A field the roles may see but not change is shown disabled, and a disabled control posts nothing.
  const seen = new Set(shown.filter((f) => !f.readOnly).map((f) => f.path));
  return validated.filter((f) => alwaysPosted(f) && !Object.hasOwn(body, f.name) && (seen.has(f.path) || seen.has(f.path.replace(/\.\d+\./, `.${ROW}.`))));
}
