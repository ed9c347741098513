import { inLanguageOf, type OurLanguage } from '../../common/our-words.js';

// The messages a refused value gets when its field gives none: plain words for people, one per kind of
// check ("Use at least 2 characters."), where zod's own are a developer's ("Too small: expected string to
// have >=2 characters"). In each language the package speaks (English, German, Arabic); any other
// locale gets English. A field's `messages` (invalid, range, required) always come first.

/** A bound as the page shows it: a number in the locale's digits and separators, a day as the locale writes it. */
export type ShownBound = string;

export interface PlainMessages {
  minLength(n: number): string;
  maxLength(n: number): string;
  atLeast(bound: ShownBound): string;
  moreThan(bound: ShownBound): string;
  atMost(bound: ShownBound): string;
  lessThan(bound: ShownBound): string;
  multipleOf(step: ShownBound): string;
  email: string;
  url: string;
  number: string;
  date: string;
  choice: string;
}

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

const CATALOG: Record<OurLanguage, PlainMessages> = {
  en: {
    minLength: (n) => `Use at least ${n} ${plural(n, 'character', 'characters')}.`,
    maxLength: (n) => `Use at most ${n} ${plural(n, 'character', 'characters')}.`,
    atLeast: (b) => `Enter ${b} or more.`,
    moreThan: (b) => `Enter more than ${b}.`,
    atMost: (b) => `Enter ${b} or less.`,
    lessThan: (b) => `Enter less than ${b}.`,
    multipleOf: (s) => `Enter a multiple of ${s}.`,
    email: 'Enter an email address, such as name@example.com.',
    url: 'Enter a web address, such as https://example.com.',
    number: 'Enter a number.',
    date: 'Enter a date.',
    choice: 'Choose one of the choices.',
  },
  de: {
    minLength: (n) => `Verwenden Sie mindestens ${n} ${plural(n, 'Zeichen', 'Zeichen')}.`,
    maxLength: (n) => `Verwenden Sie höchstens ${n} ${plural(n, 'Zeichen', 'Zeichen')}.`,
    atLeast: (b) => `Geben Sie ${b} oder mehr ein.`,
    moreThan: (b) => `Geben Sie mehr als ${b} ein.`,
    atMost: (b) => `Geben Sie ${b} oder weniger ein.`,
    lessThan: (b) => `Geben Sie weniger als ${b} ein.`,
    multipleOf: (s) => `Geben Sie ein Vielfaches von ${s} ein.`,
    email: 'Geben Sie eine E-Mail-Adresse ein, etwa name@example.com.',
    url: 'Geben Sie eine Webadresse ein, etwa https://example.com.',
    number: 'Geben Sie eine Zahl ein.',
    date: 'Geben Sie ein Datum ein.',
    choice: 'Wählen Sie eine der Möglichkeiten.',
  },
  ar: {
    minLength: (n) => `استخدم ${n} ${plural(n, 'حرفًا', 'أحرف')} على الأقل.`,
    maxLength: (n) => `استخدم ${n} ${plural(n, 'حرفًا', 'أحرف')} على الأكثر.`,
    atLeast: (b) => `أدخل ${b} أو أكثر.`,
    moreThan: (b) => `أدخل قيمة أكبر من ${b}.`,
    atMost: (b) => `أدخل ${b} أو أقل.`,
    lessThan: (b) => `أدخل قيمة أقل من ${b}.`,
    multipleOf: (s) => `أدخل مضاعفًا للعدد ${s}.`,
    email: 'أدخل عنوان بريد إلكتروني، مثل name@example.com.',
    url: 'أدخل عنوان موقع، مثل https://example.com.',
    number: 'أدخل رقمًا.',
    date: 'أدخل تاريخًا.',
    choice: 'اختر أحد الخيارات.',
  },
};

/** The plain messages of a locale (`de-at` takes `de`); English for a language the package lacks. */
export const plainMessages = (locale: string | null | undefined): PlainMessages => inLanguageOf(CATALOG, locale);

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
