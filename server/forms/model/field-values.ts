// Each field kind's values, both ways, in one table: posted text -> the value the schema parses
// (`parse`), a typed value -> the text a form shows (`format`), and shown text -> the widget's value
// properties (`widgetValue`). Coercion, edit forms and widget specs all read it; nothing else converts.
import type { JsonValue } from '../../common/escape.js';
import type { FieldKind, SchemaFacts } from './schema-facts.js';
import { isoDayToDate, toIsoDay } from '../../common/iso-day.js';

/**
 * A raw value as urlencoded parsing gives it: one string, or several for a repeated name.
 * @public
 */
export type RawValue = string | string[];

interface KindValues {
  /** The longest text a valid value has, with room to spare: longer text is not read at all. */
  maxText?: number;
  /** Posted text -> typed value. What cannot be converted is passed on unchanged: zod reports it. */
  parse(raw: RawValue | undefined, facts: SchemaFacts): unknown;
  /** A typed value (not null or undefined) -> the text the form shows; undefined for none. */
  format(value: unknown): RawValue | undefined;
  /** Shown text -> the widget's properties: `value` when it parses, else the text as typed. */
  widgetValue(raw: RawValue): Record<string, JsonValue>;
}

/**
 * Decimal text as forms post it (NumberTextBox posts `1234.5`, no grouping). Linear time: after the
 * integer digits, a fraction must start with "." and an exponent with "e", so no two quantifiers can trade
 * digits when a match fails (`\d+\.?\d*` could, which made 16,000 digits and an "x" cost seconds).
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_NUMBER_TEXT = 100;
/** TimeTextBox posts `THH:mm:ss`; a native time input posts `HH:mm`. */
const TIME = /^T?(\d{2}:\d{2})(:\d{2})?$/;
const TRUE = new Set(['on', 'true', '1', 'yes']);
const FALSE = new Set(['off', 'false', '0', 'no', '']);

/** Decimal text -> number; null when it is not decimal text. */
export function parseDecimal(text: string): number | null {
  return text.length <= MAX_NUMBER_TEXT && DECIMAL.test(text) ? Number(text) : null;
}

/** Whether a posted checkbox value means checked. */
export const isCheckedValue = (text: string): boolean => TRUE.has(text.toLowerCase());

/** The text a single-value control shows of a raw value: its first, for a name posted twice. */
export const firstText = (raw: RawValue): string => (Array.isArray(raw) ? (raw[0] ?? '') : raw);

/** The widget's value when the text is one (`value` not null), else the text as the user typed it. */
const shown = (value: JsonValue | null, text: string): Record<string, JsonValue> => (value === null ? { displayedValue: text } : { value });

/**
 * A kind with one value. Its text is trimmed (but a string's), empty text is no value (null for a
 * nullable field without a default), and several values are left for zod to refuse.
 */
function singleValue(kind: { trim: boolean; maxText?: number; read(text: string): unknown; widget(text: string): Record<string, JsonValue> }): KindValues {
  return {
    maxText: kind.maxText,
    parse(raw, facts) {
      if (Array.isArray(raw)) return raw;
      const text = kind.trim ? raw?.trim() : raw;
      if (text === undefined || text === '') return facts.nullable && !facts.required && facts.defaultValue === undefined ? null : undefined;
      return kind.read(text);
    },
    format: (value) => (value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : toIsoDay(value)) : String(value)),
    widgetValue(raw) {
      const text = firstText(raw).trim();
      return text === '' ? {} : kind.widget(text);
    },
  };
}

/** Text kinds: the widget shows the text as it was sent, spaces and all. */
const text = (trim: boolean): KindValues => ({
  ...singleValue({ trim, read: (t) => t, widget: () => ({}) }),
  widgetValue: (raw) => ({ value: firstText(raw) }),
});

const day = (read: (text: string) => unknown): KindValues =>
  singleValue({ trim: true, maxText: 10, read, widget: (t) => shown(isoDayToDate(t) ? t : null, t) });

export const KIND_VALUES: Record<FieldKind, KindValues> = {
  string: text(false),
  enum: text(true),
  number: singleValue({
    trim: true,
    maxText: MAX_NUMBER_TEXT,
    read: (t) => parseDecimal(t) ?? t,
    widget: (t) => shown(parseDecimal(t), t),
  }),
  date: day((t) => isoDayToDate(t) ?? t),
  isoDate: day((t) => t),
  time: singleValue({
    trim: true,
    maxText: 32,
    read: (t) => (t.startsWith('T') ? t.slice(1) : t),
    widget: (t) => {
      const m = TIME.exec(t);
      return shown(m ? `T${m[1]}${m[2] ?? ':00'}` : null, t);
    },
  }),
  boolean: {
    parse(raw) {
      if (raw === undefined) return false; // an unchecked checkbox posts nothing
      if (typeof raw === 'string' && isCheckedValue(raw)) return true;
      if (typeof raw === 'string' && FALSE.has(raw.toLowerCase())) return false;
      return raw;
    },
    format: (value) => (value === true ? 'on' : ''),
    widgetValue: (raw) => ({ checked: isCheckedValue(firstText(raw).trim()) }),
  },
  textList: {
    // Several values for the one text field are left for zod to refuse, as for any single field.
    parse: (raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : raw.split(',').map((t) => t.trim()).filter((t) => t !== '')),
    format: (value) => (Array.isArray(value) ? value.map(String).join(', ') : String(value)),
    widgetValue: (raw) => ({ value: firstText(raw) }),
  },
  multiEnum: {
    parse: (raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]),
    format: (value) => (Array.isArray(value) ? value.map(String) : [String(value)]),
    widgetValue: () => ({}), // the <option selected> / checked markup carries the selection
  },
};

/** A field's typed value as the text the form shows; undefined for no value. */
export function formatValue(kind: FieldKind, value: unknown): RawValue | undefined {
  return value === undefined || value === null ? undefined : KIND_VALUES[kind].format(value);
}
