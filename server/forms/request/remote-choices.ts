// Fields whose choices come from a source (a ChoiceSource): a posted value is checked by the source before
// the schema sees it. With JavaScript the widget posts a choice's value; without it, the user typed a
// label, which is looked up: one exact match is chosen, several are shown again as a short list to pick
// from, none is the field's error. Every choice the form shows again has its label, for the page.
import type { CompiledField } from '../model/compiled-form.js';
import type { CheckContext } from '../model/form-options.js';
import { getPath, setPath } from '../../common/object-path.js';
import { guardedCheck } from './server-checks.js';
import { filled, type OurWords } from '../../words/our-words.js';

/**
 * The longest text a source is asked for, in characters, by the choices endpoint and at submit alike: a
 * longer posted value is the field's error, and the source is not called.
 */
export const MAX_QUERY = 100;

/** The most matches shown to pick from when typed text matches several choices. */
export const MATCHES_SHOWN = 8;

/** The most choices a choices button (JavaScript off) lists to pick from; a source with more stays a text box. */
export const LISTED_CHOICES = 50;

export interface ResolvedChoices {
  errors: Record<string, string>;
  labels: Record<string, string>;
  matches: Record<string, Array<{ value: string; label: string }>>;
  /** The values chosen for typed labels, by path (they replace the text in the form's values). */
  chosen: Record<string, string>;
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Checks (and, for typed labels, chooses) the values of fields with sources; `values` gets the chosen values. */
export async function resolveChoices(fields: readonly CompiledField[], values: Record<string, unknown>, ctx: CheckContext, words: OurWords, only?: string): Promise<ResolvedChoices> {
  const out: ResolvedChoices = { errors: {}, labels: {}, matches: {}, chosen: {} };
  await Promise.all(
    fields.map(async (field) => {
      const { source } = field;
      const text = getPath(values, field.path);
      if (!source || typeof text !== 'string' || text === '' || (only !== undefined && only !== field.path)) return;
      if (text.length > MAX_QUERY) {
        out.errors[field.path] = field.messages.invalid ?? words.form.choiceTooLong(MAX_QUERY);
        return;
      }
      const failed = Symbol('failed');
      const byValue = await guardedCheck(`the choices of ${field.path}`, () => source.get(text, ctx), failed);
      if (byValue === failed) {
        out.errors[field.path] = words.form.fieldNotChecked;
        return;
      }
      if (byValue) {
        out.labels[field.path] = byValue.label;
        return;
      }
      const found = await guardedCheck(`the choices of ${field.path}`, () => source.search(text, { offset: 0, limit: MATCHES_SHOWN }, ctx), failed);
      if (found === failed) {
        out.errors[field.path] = words.form.fieldNotChecked;
        return;
      }
      const exact = found.items.filter((item) => sameText(item.label, text));
      const one = exact.length === 1 ? exact[0] : undefined;
      if (one) {
        setPath(values, field.path, one.value);
        out.chosen[field.path] = one.value;
        out.labels[field.path] = one.label;
      } else if (found.items.length) {
        out.matches[field.path] = found.items.slice(0, MATCHES_SHOWN);
        out.errors[field.path] = filled(words.form.severalMatch, { text });
      } else {
        out.errors[field.path] = field.messages.invalid ?? filled(words.form.noMatch, { text });
      }
    }),
  );
  return out;
}
