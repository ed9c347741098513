// POSTed strings -> the values the schema expects. The rules are explicit (README lists them) and keyed
// by field kind; only the form's own field paths are read, so unknown keys such as `__proto__` never reach
// an object.
import type { CompiledField } from './compile.js';
import type { FieldKind } from './introspect.js';
import { setPath } from './object-path.js';

/** A raw value as urlencoded parsing gives it: one string, or several for a repeated name. */
export type RawValue = string | string[];
/** The raw values of a form, by dotted path. */
export type RawValues = Record<string, RawValue>;

/**
 * Decimal text as forms post it (NumberTextBox posts `1234.5`, no grouping). Linear time: after the
 * integer digits, a fraction must start with "." and an exponent with "e", so no two quantifiers can trade
 * digits when a match fails (`\d+\.?\d*` could, which made 16,000 digits and an "x" cost seconds).
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The longest text a valid value of a kind has, with room to spare: longer text is not read at all. */
const MAX_NUMBER_TEXT = 100;
const MAX_TEXT: Partial<Record<FieldKind, number>> = { number: MAX_NUMBER_TEXT, date: 10, isoDate: 10, time: 32 };

/**
 * Set by the body parser on a parsed body: the names whose posted bytes were not UTF-8 (the parser has
 * already turned them into U+FFFD, which would otherwise pass for text).
 */
export const NOT_UTF8 = Symbol('dijitize.notUtf8');
/** A body as the parser gives it, with the names it could not decode. */
export type ParsedBody = Record<string, unknown> & { [NOT_UTF8]?: ReadonlySet<string> };

/** Why a field's raw text cannot be a value, whatever the schema says: it is the field's invalid error. */
export type Unreadable = 'not UTF-8' | 'too long';

/** Decimal text -> number; null when it is not decimal text. */
export function parseDecimal(text: string): number | null {
  return text.length <= MAX_NUMBER_TEXT && DECIMAL.test(text) ? Number(text) : null;
}
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE = new Set(['on', 'true', '1', 'yes']);

/** Whether a posted checkbox value means checked. */
export const isCheckedValue = (text: string): boolean => TRUE.has(text.toLowerCase());
const FALSE = new Set(['off', 'false', '0', 'no', '']);

/** A Date as the calendar day `yyyy-mm-dd` (UTC) that DateTextBox and `<input type=date>` use. */
export const toIsoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A valid calendar day `yyyy-mm-dd` as a Date at UTC midnight, else null. */
export function isoDayToDate(text: string): Date | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return toIsoDay(date) === text ? date : null;
}

/**
 * One field's raw value -> its typed value. What cannot be coerced is passed on unchanged, so that the
 * schema reports it as the field's error.
 */
export function coerceValue(field: CompiledField, raw: RawValue | undefined): unknown {
  const { kind, facts } = field;
  if (kind === 'multiEnum') return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (kind === 'boolean') {
    if (raw === undefined) return false; // an unchecked checkbox posts nothing
    if (typeof raw === 'string' && isCheckedValue(raw)) return true;
    if (typeof raw === 'string' && FALSE.has(raw.toLowerCase())) return false;
    return raw;
  }
  if (Array.isArray(raw)) return raw; // several values for a single field: the schema says it is invalid
  const text = kind === 'string' ? raw : raw?.trim();
  if (text === undefined || text === '') return facts.nullable && facts.required === false && facts.defaultValue === undefined ? null : undefined;
  switch (kind) {
    case 'number':
      return parseDecimal(text) ?? text;
    case 'date':
      return isoDayToDate(text) ?? text;
    case 'time':
      // TimeTextBox posts `THH:mm:ss`; a native time input posts `HH:mm`.
      return text.startsWith('T') ? text.slice(1) : text;
    default:
      return text;
  }
}

/** Reads a body (flat dotted names, as `express.urlencoded({ extended: false })` gives) into raw values. */
export function rawValues(fields: readonly CompiledField[], body: unknown): { raw: RawValues; unreadable: Map<string, Unreadable> } {
  const source = (body && typeof body === 'object' ? body : {}) as ParsedBody;
  const notUtf8 = source[NOT_UTF8];
  const raw: RawValues = {};
  const unreadable = new Map<string, Unreadable>();
  for (const field of fields) {
    if (!Object.hasOwn(source, field.path)) continue;
    const value = source[field.path];
    if (typeof value === 'string') raw[field.path] = value;
    else if (Array.isArray(value)) raw[field.path] = value.map(String);
    else continue;
    const cap = MAX_TEXT[field.kind];
    if (notUtf8?.has(field.path)) unreadable.set(field.path, 'not UTF-8');
    else if (cap !== undefined && typeof value === 'string' && value.trim().length > cap) unreadable.set(field.path, 'too long');
  }
  return { raw, unreadable };
}

/** Coerces every field of a form into the nested object the schema parses; unreadable ones are left out. */
export function coerceValues(fields: readonly CompiledField[], raw: RawValues, unreadable: ReadonlyMap<string, Unreadable> = new Map()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (unreadable.has(field.path)) continue;
    const value = coerceValue(field, raw[field.path]);
    if (value !== undefined) setPath(out, field.path, value);
  }
  return out;
}
