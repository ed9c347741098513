// A form's texts in one locale: every label, help, placeholder, choice label and message of the options,
// given per locale (Localized), made a string before compilation. A text with no translation for the
// locale falls back to the default locale's, and is reported (docs/locales.md).
import { localize, type Localized } from '../../settings/locales.js';
import { isChoiceSource, type ChoiceSource, type ChoicesOption, type FieldMessages, type FieldOptions } from '../model/form-options.js';
import { ROW_TEXT_KEYS } from '../model/row-texts.js';

const MESSAGE_KEYS: ReadonlyArray<keyof FieldMessages> = ['required', 'invalid', 'range', 'tooLarge', 'tooSmall', 'wrongType', 'tooMany', 'tooFew', 'lost'];

/** Which texts to take: a locale and the app's default one; null takes each text's own default. */
export interface TextLocale {
  locale: string;
  defaultLocale: string;
  /** Hears of each text that fell back, by where it is (`hours: label`). */
  missing?: (where: string) => void;
}

/** Makes the texts of one place strings: `text(value, 'label')`. */
export type TextOf = (value: Localized | undefined, what: string) => string | undefined;

/**
 * The resolver of a locale. With none, a catalog gives its first text, and a function gives nothing, so
 * that the field's own default (its name in words, the default message) shows, never an empty text.
 */
export function textResolver(at: TextLocale | null, place: string): TextOf {
  return (value, what) => {
    if (value === undefined) return undefined;
    if (!at) return typeof value === 'function' ? undefined : localize(value, '', Object.keys(value)[0] ?? '');
    return localize(value, at.locale, at.defaultLocale, () => at.missing?.(`${place}: ${what}`));
  };
}

/** A group of texts (a field's messages, a list's row texts) in one locale: its `keys`, each named `${group}.${key}`. */
function plainGroup<K extends string>(texts: Partial<Record<K, Localized>> | undefined, group: string, keys: readonly K[], text: TextOf): Partial<Record<K, string>> | undefined {
  if (!texts) return undefined;
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const resolved = text(texts[key], `${group}.${key}`);
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}

function plainChoices(choices: ChoicesOption | ChoiceSource | undefined, text: TextOf): ChoicesOption<string> | ChoiceSource | undefined {
  if (!choices || isChoiceSource(choices)) return choices; // a source's labels are its own
  if (Array.isArray(choices)) {
    return (choices as ReadonlyArray<string | { value: string; label: Localized }>).map((c) =>
      typeof c === 'string' ? c : { value: c.value, label: text(c.label, `choices.${c.value}`) ?? c.value },
    );
  }
  return Object.fromEntries(Object.entries(choices).map(([value, label]) => [value, text(label as Localized, `choices.${value}`) ?? value]));
}

/** A field's options with every text in one locale. */
export function plainOptions(options: FieldOptions, text: TextOf): FieldOptions<string> {
  const { label, help, placeholder, itemLabel, messages, choices, rowTexts, ...rest } = options;
  const plain: FieldOptions<string> = { ...rest };
  const set = <K extends 'label' | 'help' | 'placeholder' | 'itemLabel'>(key: K, value: Localized | undefined) => {
    const resolved = text(value, key);
    if (resolved !== undefined) plain[key] = resolved;
  };
  set('label', label);
  set('help', help);
  set('placeholder', placeholder);
  set('itemLabel', itemLabel);
  const plainM = plainGroup(messages, 'messages', MESSAGE_KEYS, text);
  if (plainM) plain.messages = plainM;
  const plainC = plainChoices(choices, text);
  if (plainC) plain.choices = plainC;
  const plainR = plainGroup(rowTexts, 'rowTexts', ROW_TEXT_KEYS, text);
  if (plainR) plain.rowTexts = plainR;
  return plain;
}

/** Whether every text of a form's options is one string for all locales (then one compilation serves all). */
export function textsArePlain(fields: Readonly<Record<string, FieldOptions | undefined>>, formTexts: ReadonlyArray<Localized | undefined>): boolean {
  const plain = (t: unknown) => t === undefined || typeof t === 'string';
  return (
    formTexts.every(plain) &&
    Object.values(fields).every(
      (o) =>
        !o ||
        ([o.label, o.help, o.placeholder, o.itemLabel, ...Object.values(o.messages ?? {}), ...Object.values(o.rowTexts ?? {})].every(plain) &&
          (isChoiceSource(o.choices) || (Array.isArray(o.choices) ? o.choices.every((c) => typeof c === 'string' || plain(c.label)) : Object.values(o.choices ?? {}).every(plain)))),
    )
  );
}
