// A form's fields compiled, once, into templates: a re-rendered form (a refused POST) fills each field's
// value and error into slots instead of rendering its markup and its widget's properties again.
//
// A field's template is what fieldHtml and fieldInstances make with markers in place of the value and
// the error (slot-template.ts), so those stay the one home of the markup. What the markers cannot stand
// for is part of a template's key: whether there is an error (it adds classes and aria links), what of the
// value chooses markup (which choices it selects, whether a box is checked: never the posted text itself,
// so no request's text is kept), and which value properties the widget gets. A field keeps at most
// VARIANTS templates (a multiple choice has many combinations); others render directly.
import { escapeHtml, scriptJson, type JsonValue } from '../../common/escape.js';
import { firstText, type RawValue } from '../model/field-values.js';
import type { CompiledField } from '../model/compiled-form.js';
import { fieldHtml, includes, isChecked, shownValue } from './field-html.js';
import { isGroup } from './ids.js';
import { hasMarker, slot, SlotTemplate } from './slot-template.js';
import { widgetError, type FormState } from '../model/form-state.js';
import { isKept } from '../model/shown-parts.js';
import { fieldInstances, widgetValueOf } from './widget-spec.js';

/** Templates a field keeps: enough for a select's choices; a multiple choice's combinations are not all kept. */
const VARIANTS = 32;

/** Markups that show the value as text (its only place in the markup), so one template serves every value. */
const showsText = (field: CompiledField, raw: RawValue): boolean =>
  field.markup === 'input' || field.markup === 'textarea' || (field.markup === 'range' && firstText(raw) !== '');

/** What of a value decides markup that no slot holds: the choices it selects, or a checkbox's state. */
const choiceKey = (field: CompiledField, raw: RawValue): string =>
  field.markup === 'checkbox' ? (isChecked(raw) ? 'on' : 'off') : field.choices.map((c) => (includes(raw, c.value) ? '1' : '0')).join('');

/** A field's templates by key; null for a field whose own texts hold the marker character (rendered each time). */
type Variants = Map<string, SlotTemplate | null> | null;
const htmlTemplates = new WeakMap<CompiledField, Variants>();
const jsonTemplates = new WeakMap<CompiledField, Variants>();

/** `blank` renders the field with no value and no error: if that holds a marker, the field's own text does. */
function variant(cache: WeakMap<CompiledField, Variants>, field: CompiledField, key: string, make: () => string, blank: () => string, quoted: boolean): SlotTemplate | null {
  let variants = cache.get(field);
  if (variants === undefined) cache.set(field, (variants = hasMarker(blank()) ? null : new Map()));
  if (variants === null) return null;
  let template = variants.get(key);
  if (template === undefined) {
    if (variants.size >= VARIANTS) return null;
    variants.set(key, (template = SlotTemplate.cut(make(), quoted)));
  }
  return template;
}

/**
 * A field's HTML for a state, from its template (fieldHtml's output, the same to the byte). A list's row
 * fields are kept per row (model/shown-parts.ts, atRow), so they have templates too.
 */
export function fieldHtmlOf(field: CompiledField, state: Partial<FormState>): string {
  // A field with a source shows a label the state holds (or matches to pick from): rendered each time; so
  // is a row field made for this request only (templates would cost three renderings, for one use).
  // A warning is rare, and holds its box's token: rendered each time too.
  if (field.source || !isKept(field) || state.warnings?.[field.path]) return fieldHtml(field, state);
  const raw = shownValue(field, state);
  const error = state.errors?.[field.path];
  const text = showsText(field, raw);
  const key = `${error ? 'e' : '-'}${text ? '' : choiceKey(field, raw)}`;
  const make = () => fieldHtml(field, { values: { [field.path]: text ? slot('value') : raw }, errors: error ? { [field.path]: slot('error') } : {} });
  const template = variant(htmlTemplates, field, key, make, () => fieldHtml(field, {}), false);
  if (!template) return fieldHtml(field, state);
  return template.fill({ value: escapeHtml(firstText(raw)), error: escapeHtml(error ?? '') });
}

/**
 * A field's widget instances for a state as script-safe JSON, comma-separated, from its template
 * (`fieldInstances` made into JSON, the same values).
 */
export function fieldJsonOf(field: CompiledField, state: Partial<FormState>): string {
  const raw = shownValue(field, state);
  const error = widgetError(state, field.path);
  if (field.source || !isKept(field)) return fieldInstances(field, raw, error).map(scriptJson).join(',');
  const value = widgetValueOf(field, raw);
  const names = Object.keys(value);
  // A group checks a widget per choice by the value; other widgets take it in their value properties.
  const key = `${error ? 'e' : '-'}${isGroup(field) ? choiceKey(field, raw) : names.join(',')}`;
  const make = () => {
    const marked: Record<string, JsonValue> = Object.fromEntries(names.map((name, i) => [name, slot(`v${i}`)]));
    return fieldInstances(field, raw, error ? slot('error') : undefined, marked).map(scriptJson).join(',');
  };
  const template = variant(jsonTemplates, field, key, make, () => fieldInstances(field, '', undefined).map(scriptJson).join(','), true);
  if (!template) return fieldInstances(field, raw, error, value).map(scriptJson).join(',');
  const values: Record<string, string> = { error: scriptJson(escapeHtml(error ?? '')) };
  names.forEach((name, i) => (values[`v${i}`] = scriptJson(value[name])));
  return template.fill(values);
}
