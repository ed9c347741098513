// The words dijitize itself says on a page (a button, a message, a refusal), in each language it has
// them in, like a Dojo nls bundle: the shape in shape.ts, one file per language (en.ts, de.ts, ar.ts), each
// complete (the type checks it). A form's page, its spec for the client, a wizard and a refusal take the
// words of the request's locale: `de-at` takes `de`; a language we lack takes English. A field's or
// wizard's own texts always come first. Placeholders in braces are filled in where the words are used.
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import type { OurWords } from './shape.js';

export type { Counted, OurWords, PlainMessages } from './shape.js';

/** The languages dijitize's own words are written in. */
export const OUR_LANGUAGES = ['en', 'de', 'ar'] as const;
export type OurLanguage = (typeof OUR_LANGUAGES)[number];

const CATALOG: Readonly<Record<OurLanguage, OurWords>> = { en, de, ar };

/** The language of ours a locale takes (`de-at`: `de`), else `en`. */
export function ourLanguage(locale: string | null | undefined): OurLanguage {
  const language = (locale ?? 'en').split('-')[0] ?? 'en';
  return (OUR_LANGUAGES as readonly string[]).includes(language) ? (language as OurLanguage) : 'en';
}

/** Our words in a locale's language, else in English. */
export const wordsFor = (locale: string | null | undefined): OurWords => CATALOG[ourLanguage(locale)];

/**
 * A text with its `{placeholders}` filled in; a placeholder without a value stays as it is.
 * @example filled('Remove {file}', { file: 'a.pdf' }) // 'Remove a.pdf'
 */
export const filled = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
