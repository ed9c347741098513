// The checks only the server can make (a field's `check` option): each runs once its field's schema has
// passed, all at once, and says the field's error or nothing. A check that throws (its database is down)
// refuses the value, never passes it: the form is shown again with what was typed and "could not be
// checked, try again", as a live check's failure shows nothing and leaves the decision to the submit.
import type { CompiledField } from '../model/compiled-form.js';
import type { CheckContext } from '../model/form-options.js';
import { getPath } from '../../common/object-path.js';
import { log } from '../../common/log.js';
import type { OurWords } from '../../words/our-words.js';


/** Runs a check; one that throws is logged and answered with `failed`. */
export async function guardedCheck<T, F>(what: string, check: () => Promise<T> | T, failed: F): Promise<T | F> {
  try {
    return await check();
  } catch (err) {
    log.request('%s failed: %s', what, err instanceof Error ? err.message : String(err));
    return failed;
  }
}

/** The errors of the fields' checks, by path; `only` runs one field's alone (a live check). */
export async function serverCheckErrors(
  fields: readonly CompiledField[],
  errors: Readonly<Record<string, string>>,
  values: Readonly<Record<string, unknown>>,
  ctx: CheckContext,
  words: OurWords,
  only?: string,
): Promise<Record<string, string>> {
  const checked = fields.filter((f) => f.check && !errors[f.path] && (only === undefined || f.path === only));
  const verdicts = await Promise.all(
    checked.map(async (field) => {
      const value = getPath(values, field.path);
      // An empty optional field has nothing to check.
      if (value === undefined || value === null || value === '') return null;
      // A live check (`only`) that fails answers 503 and shows nothing; a submit shows "try again".
      if (only !== undefined) return (await field.check?.(value, ctx)) ?? null;
      return (await guardedCheck(`the check of ${field.path}`, () => field.check?.(value, ctx), words.form.fieldNotChecked)) ?? null;
    }),
  );
  const out: Record<string, string> = {};
  checked.forEach((field, i) => {
    const message = verdicts[i];
    if (message) out[field.path] = message;
  });
  return out;
}
