// Locales: what one may be, which one a request gets (its Accept-Language among the app's locales), how
// `<html>` says it (lang, dir), and texts given per locale with their fallback to the default locale.
import Negotiator from 'negotiator';

/** A locale as Dojo names it: lower case (`en-us`, `de`, `ar`). */
export const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** Languages written right to left. */
const RTL = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'ur', 'yi']);

/** The text direction of a locale's script: `rtl` for Arabic, Hebrew, Persian..., else `ltr`. */
export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr');

/** A locale as `<html lang>` says it (BCP 47: `en-US`). */
export const htmlLang = (locale: string): string => locale.replace(/-([a-z]{2})$/, (_, region: string) => `-${region.toUpperCase()}`);

/** The most of an Accept-Language header that is read: far more than any browser sends. */
export const MAX_ACCEPT_LANGUAGE = 1024;

/**
 * The app's locale that best answers an Accept-Language header, else the default one.
 * @example negotiateLocale('de-DE,de;q=0.9', ['en-us', 'de'], 'en-us') // 'de'
 */
export function negotiateLocale(acceptLanguage: string | undefined, locales: readonly string[], fallback: string): string {
  if (!acceptLanguage || locales.length < 2) return fallback;
  // Browsers send a few dozen bytes; only the first of a longer header are read (its work is bounded).
  const header = acceptLanguage.slice(0, MAX_ACCEPT_LANGUAGE);
  return new Negotiator({ headers: { 'accept-language': header } }).language([...locales]) ?? fallback;
}

/**
 * A text for every locale: one string for all, a catalog by locale, or a function of the locale. A
 * missing translation falls back to the default locale's.
 * @example { en-us: 'Hours', de: 'Stunden' }
 * @public
 */
export type Localized = string | Readonly<Record<string, string>> | ((locale: string) => string | undefined);

/** The text of a Localized in a locale, else in the default locale; `missing` hears of each fallback. */
export function localize(text: Localized, locale: string, defaultLocale: string, missing?: () => void): string {
  if (typeof text === 'string') return text;
  const read = (l: string) => (typeof text === 'function' ? text(l) : Object.hasOwn(text, l) ? text[l] : undefined);
  const own = read(locale) ?? (locale.includes('-') ? read(locale.split('-')[0] as string) : undefined);
  if (own !== undefined) return own;
  if (locale !== defaultLocale) missing?.();
  return read(defaultLocale) ?? (typeof text === 'function' ? '' : (Object.values(text)[0] ?? ''));
}
