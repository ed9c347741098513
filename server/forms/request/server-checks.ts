// The checks only the server can make (a field's `check` option): each runs once its field's schema has
// passed, all at once, and says the field's error or nothing. A check that throws is the app's bug and
// fails the parse: a check that cannot be made must not pass a value it was meant to stop.
import type { CompiledField } from '../model/compiled-form.js';
import type { CheckContext } from '../model/form-options.js';
import { getPath } from '../../common/object-path.js';

/** The errors of the fields' checks, by path; `only` runs one field's alone (a live check). */
export async function serverCheckErrors(
  fields: readonly CompiledField[],
  errors: Readonly<Record<string, string>>,
  values: Readonly<Record<string, unknown>>,
  ctx: CheckContext,
  only?: string,
): Promise<Record<string, string>> {
  const checked = fields.filter((f) => f.check && !errors[f.path] && (only === undefined || f.path === only));
  const verdicts = await Promise.all(
    checked.map(async (field) => {
      const value = getPath(values, field.path);
      // An empty optional field has nothing to check.
      if (value === undefined || value === null || value === '') return null;
      return (await field.check?.(value, ctx)) ?? null;
    }),
  );
  const out: Record<string, string> = {};
  checked.forEach((field, i) => {
    const message = verdicts[i];
    if (message) out[field.path] = message;
  });
  return out;
}
