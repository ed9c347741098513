// The Dijit form widgets dijitize can create: which field kinds each fits, what markup it is created on,
// and what it can do (capabilities decide which rows of the mapping table apply to it).
import type { FieldKind } from './schema-facts.js';

/** What a widget supports, as the mapping table needs to know it. */
export type Capability =
  | 'text' // a text input: maxLength
  | 'validation' // ValidationTextBox and its subclasses: required, messages, promptMessage
  | 'pattern' // validates by a regular expression (`pattern`)
  | 'range' // RangeBoundTextBox: constraints.min/max, rangeMessage
  | 'number' // constraints.places
  | 'spinner' // smallDelta
  | 'slider' // minimum, maximum, discreteValues
  | 'select' // dijit/form/Select: required
  | 'store'; // takes its choices as a dojo/store (ComboBox, FilteringSelect): no <option> reading in the browser

/** The plain HTML element a widget is created on; it is also what works with JavaScript off. */
export type Markup = 'input' | 'textarea' | 'select' | 'multiselect' | 'checkbox' | 'checkboxes' | 'radios' | 'range';

export interface WidgetInfo {
  kinds: readonly FieldKind[];
  markup: Markup;
  capabilities: readonly Capability[];
}

/** Text, and a list of texts typed as one (`a, b, c`). */
const TEXT_KINDS = ['string', 'textList'] as const;
const CHOICE_KINDS = ['enum', 'string'] as const;

/** Every widget of `dijit/form` that fits a field, by module id. */
export const WIDGETS = {
  'dijit/form/TextBox': { kinds: TEXT_KINDS, markup: 'input', capabilities: ['text'] },
  'dijit/form/ValidationTextBox': { kinds: TEXT_KINDS, markup: 'input', capabilities: ['text', 'validation', 'pattern'] },
  'dijit/form/SimpleTextarea': { kinds: TEXT_KINDS, markup: 'textarea', capabilities: ['text'] },
  'dijit/form/Textarea': { kinds: TEXT_KINDS, markup: 'textarea', capabilities: ['text'] },
  'dijit/form/ComboBox': { kinds: CHOICE_KINDS, markup: 'select', capabilities: ['validation', 'pattern', 'store'] },
  'dijit/form/FilteringSelect': { kinds: CHOICE_KINDS, markup: 'select', capabilities: ['validation', 'store'] },
  'dijit/form/Select': { kinds: CHOICE_KINDS, markup: 'select', capabilities: ['select'] },
  'dijit/form/RadioButton': { kinds: CHOICE_KINDS, markup: 'radios', capabilities: [] },
  'dijit/form/NumberTextBox': { kinds: ['number'], markup: 'input', capabilities: ['validation', 'range', 'number'] },
  'dijit/form/NumberSpinner': { kinds: ['number'], markup: 'input', capabilities: ['validation', 'range', 'number', 'spinner'] },
  'dijit/form/CurrencyTextBox': { kinds: ['number'], markup: 'input', capabilities: ['validation', 'range', 'number'] },
  'dijit/form/HorizontalSlider': { kinds: ['number'], markup: 'range', capabilities: ['slider'] },
  'dijit/form/VerticalSlider': { kinds: ['number'], markup: 'range', capabilities: ['slider'] },
  'dijit/form/DateTextBox': { kinds: ['date', 'isoDate'], markup: 'input', capabilities: ['validation', 'range'] },
  'dijit/form/TimeTextBox': { kinds: ['time'], markup: 'input', capabilities: ['validation', 'range'] },
  'dijit/form/CheckBox': { kinds: ['boolean', 'multiEnum'], markup: 'checkbox', capabilities: [] },
  'dijit/form/MultiSelect': { kinds: ['multiEnum'], markup: 'multiselect', capabilities: [] },
} as const satisfies Record<string, WidgetInfo>;

/**
 * A Dijit class dijitize knows, by module id.
 * @public
 */
export type DijitClass = keyof typeof WIDGETS;

/**
 * A widget of your own, created and mapped like the known class it extends.
 * @public
 */
export interface CustomWidget {
  module: string;
  base: DijitClass;
}

export const isDijitClass = (value: unknown): value is DijitClass => typeof value === 'string' && Object.hasOwn(WIDGETS, value);

/** A widget and why it was chosen, in words (the inspector and `dijitize explain` show it). */
export interface WidgetChoice {
  widget: DijitClass;
  why: string;
}

/** The widget a field gets when its options name none. Long strings (max > 255) become text areas. */
export function defaultWidget(kind: FieldKind, facts: { maxLength?: number; step?: number; choices: boolean }): WidgetChoice {
  switch (kind) {
    case 'string':
      if (facts.choices) return { widget: 'dijit/form/FilteringSelect', why: 'text with choices' };
      return (facts.maxLength ?? 0) > 255
        ? { widget: 'dijit/form/SimpleTextarea', why: `text longer than 255 (max ${facts.maxLength})` }
        : { widget: 'dijit/form/ValidationTextBox', why: facts.maxLength === undefined ? 'text' : 'text of at most 255' };
    case 'number':
      return facts.step !== undefined ? { widget: 'dijit/form/NumberSpinner', why: `a number with a step (${facts.step})` } : { widget: 'dijit/form/NumberTextBox', why: 'a number without a step' };
    case 'boolean':
      return { widget: 'dijit/form/CheckBox', why: 'a boolean' };
    case 'date':
    case 'isoDate':
      return { widget: 'dijit/form/DateTextBox', why: 'a date' };
    case 'time':
      return { widget: 'dijit/form/TimeTextBox', why: 'a time' };
    case 'enum':
      return { widget: 'dijit/form/FilteringSelect', why: 'one of an enum' };
    case 'multiEnum':
      return { widget: 'dijit/form/MultiSelect', why: 'an array of an enum' };
    case 'textList':
      return { widget: 'dijit/form/ValidationTextBox', why: 'an array of text, typed as one' };
  }
}
