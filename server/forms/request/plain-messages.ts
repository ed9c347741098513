// The messages a refused value gets when its field gives none: plain words for people, one per kind of
// check ("Use at least 2 characters."), where zod's own are a developer's ("Too small: expected string to
// have >=2 characters"). Their words are in the catalog (server/words/, `plain`), per language; any other
// locale gets English. A field's `messages` (invalid, range, required) always come first.
import { wordsFor, type PlainMessages } from '../../words/our-words.js';

/** A bound as the page shows it: a number in the locale's digits and separators, a day as the locale writes it. */
export type ShownBound = string;

/** The plain messages of a locale (`de-at` takes `de`); English for a language the package lacks. */
export const plainMessages = (locale: string | null | undefined): PlainMessages => wordsFor(locale).plain;

/** A bound of a number or date check, shown in the locale (`1.5` is `1,5` in German). */
export function shownBound(value: unknown, locale: string | null | undefined, asDate: boolean): ShownBound {
  const tag = locale ?? 'en-us';
  try {
    if (asDate) return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value as number | string | Date));
    return typeof value === 'number' || typeof value === 'bigint' ? new Intl.NumberFormat(tag, { maximumFractionDigits: 20 }).format(value) : String(value);
  } catch {
    return String(value);
  }
}
