// The words dijitize itself says, in each language it has them in: a table by language (`en`, `de`,
// `ar`), and the pick for a locale (`de-at` takes `de`; a language it lacks takes English).

/** The languages dijitize's own words are written in. */
export const OUR_LANGUAGES = ['en', 'de', 'ar'] as const;
export type OurLanguage = (typeof OUR_LANGUAGES)[number];

/** The entry of `table` for a locale's language, else the English one. */
export function inLanguageOf<T>(table: Record<OurLanguage, T>, locale: string | null | undefined): T {
  const language = (locale ?? 'en').split('-')[0] ?? 'en';
  return (OUR_LANGUAGES as readonly string[]).includes(language) ? table[language as OurLanguage] : table.en;
}
