// The server's messages in a request's locale, from the same sources as the page's: Dijit's own nls
// bundle for "required" (what its widgets say), and zod's locales for the schema's own messages, applied
// per parse (never through zod's global config: one server answers in several languages at once).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as z from 'zod';
import { BoundedCache } from '../../common/bounded-cache.js';
import { LOCALE } from '../../settings/locales.js';
import { packageFolder } from '../../settings/package-folders.js';

/** Dijit's validation messages (dijit/form/nls/validate): what its widgets say, in one locale. */
export interface DijitMessages {
  invalidMessage: string;
  missingMessage: string;
  rangeMessage: string;
}

/** Locales whose messages are kept: far more than an app has, far fewer than a request could name. */
const KEPT_LOCALES = 64;
const bundles = new BoundedCache<string, DijitMessages>(KEPT_LOCALES);

/**
 * Runs one of Dijit's nls files (an AMD `define({...})` of data; trusted, from the installed dijit) and
 * returns its object. No timeout: a CPU starved by other work made a 100 ms one throw (a 500).
 */
function readBundle(file: string): Record<string, unknown> | null {
  if (!fs.existsSync(file)) return null;
  let defined: unknown = null;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { define: (value: unknown) => void (defined = value) });
  return defined && typeof defined === 'object' ? (defined as Record<string, unknown>) : null;
}

/** A locale as Dojo names it, else a TypeError: it becomes a path of Dijit's nls files below. */
function checkedLocale(locale: string): string {
  if (!LOCALE.test(locale)) throw new TypeError(`${JSON.stringify(locale)} is not a locale (Dojo's lower-case names, such as "de" or "en-us")`);
  return locale;
}

/** Dijit's validation messages in a locale (`de`, `pt-pt`), else its language's, else English. */
export function dijitMessages(locale: string): DijitMessages {
  const cached = bundles.get(locale);
  if (cached) return cached;
  checkedLocale(locale);
  const folder = path.join(packageFolder('dijit'), 'form/nls');
  const candidates = [locale, locale.split('-')[0] ?? locale];
  let found: DijitMessages | null = null;
  for (const name of candidates) {
    found = readBundle(path.join(folder, name, 'validate.js')) as DijitMessages | null;
    if (found) break;
  }
  found ??= readBundle(path.join(folder, 'validate.js'))?.['root'] as DijitMessages;
  // Dijit's texts end some sentences with a space; the server's do not.
  const trimmed = { invalidMessage: found.invalidMessage.trim(), missingMessage: found.missingMessage.trim(), rangeMessage: found.rangeMessage.trim() };
  bundles.set(locale, trimmed);
  return trimmed;
}

type ZodLocales = Record<string, () => { localeError: z.core.$ZodErrorMap }>;

const errorMaps = new BoundedCache<string, z.core.$ZodErrorMap | null>(KEPT_LOCALES);

/** zod's error map for a locale (`de`, `pt-br` -> ptBR), else null (zod's default, English); made once per locale. */
export function zodErrorMap(locale: string): z.core.$ZodErrorMap | null {
  const known = errorMaps.get(locale);
  if (known !== undefined) return known;
  const [language = '', region = ''] = checkedLocale(locale).split('-');
  const locales = z.locales as unknown as ZodLocales;
  const make = locales[`${language}${region.toUpperCase()}`] ?? locales[language];
  const map = make ? make().localeError : null;
  errorMaps.set(locale, map);
  return map;
}
