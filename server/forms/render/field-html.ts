// One field as plain, accessible HTML: its label tied to its control by id, native constraint
// attributes, the user's value, help, and the error as text beside it (a live region, empty without one).
// The ids of a field's parts are ids.ts's.
import { attributes, escapeHtml } from '../../common/escape.js';
import { firstText, formatValue, isCheckedValue } from '../model/field-values.js';
import type { CompiledField } from '../model/compiled-form.js';
import type { FormState, OpenWarning } from '../model/form-state.js';
import { WARNED_FIELD } from '../model/posted-names.js';
import { choicesButtonId, isGroup, partIds } from './ids.js';
import { intentButton } from './intent-button.js';

/**
 * The raw text a field shows: what the user sent, else the schema's default. A password is never sent
 * back: not in the HTML, not in the widget's properties, not from existing data.
 */
export function shownValue(field: CompiledField, state: Partial<FormState>): string | string[] {
  if (field.inputType === 'password') return '';
  const sent = state.values?.[field.path];
  if (sent !== undefined) return sent;
  return formatValue(field.kind, field.facts.defaultValue) ?? (field.kind === 'multiEnum' ? [] : '');
}

/** Whether a single checkbox's shown value checks it. */
export const isChecked = (value: string | string[]) => isCheckedValue(firstText(value));
/** Whether a shown value selects a choice (one value, or several for a multiple choice). */
export const includes = (value: string | string[], choice: string) => (Array.isArray(value) ? value.includes(choice) : value === choice);

/**
 * A field with a source, as plain HTML: a text input showing the choice's label (the user types one, looked
 * up when the form is sent), or, when typed text matched several, those to pick one from.
 */
function sourceControl(field: CompiledField, value: string | string[], state: Partial<FormState>, common: Record<string, string | number | boolean | null | undefined>): string {
  const matches = state.matches?.[field.path];
  if (matches) {
    const options = matches.map((c) => `<option${attributes({ value: c.value })}>${escapeHtml(c.label)}</option>`);
    return `<select${attributes({ ...common, ...field.native })}><option value=""></option>${options.join('')}</select>`;
  }
  const label = state.labels?.[field.path] ?? firstText(value);
  const input = `<input${attributes({ type: 'text', ...common, value: label, placeholder: field.placeholder, autocomplete: 'off', ...field.native })}>`;
  // Choices that depend on other fields: a button shows those that fit the values chosen (JavaScript off).
  const button = field.choicesButton;
  return button ? `${input} ${intentButton(`choices:${field.path}`, button.text, 'choices', { id: choicesButtonId(field), label: button.label })}` : input;
}

function control(field: CompiledField, value: string | string[], described: string | undefined, invalid: boolean, state: Partial<FormState>): string {
  const ids = partIds(field);
  // A read-only field is disabled in plain HTML: shown, never posted (the widget is readOnly instead).
  const common = { id: field.id, name: field.name, 'aria-describedby': described, 'aria-invalid': invalid ? 'true' : undefined, disabled: field.readOnly };
  if (field.source) return sourceControl(field, value, state, common);
  const text = firstText(value);
  switch (field.markup) {
    case 'input':
      return `<input${attributes({ type: field.inputType, ...common, value: text, placeholder: field.placeholder, ...field.native })}>`;
    case 'range':
      return `<input${attributes({ type: 'range', ...common, value: text || undefined, ...field.native })}>`;
    case 'textarea':
      return `<textarea${attributes({ ...common, rows: 4, placeholder: field.placeholder, ...field.native })}>${escapeHtml(text)}</textarea>`;
    case 'select':
    case 'multiselect': {
      const multiple = field.markup === 'multiselect';
      const options = field.choices.map((c) => `<option${attributes({ value: c.value, selected: includes(value, c.value) })}>${escapeHtml(c.label)}</option>`);
      if (!multiple) options.unshift(`<option value=""></option>`);
      return `<select${attributes({ ...common, multiple, size: multiple ? Math.min(field.choices.length, 8) : undefined, ...field.native })}>${options.join('')}</select>`;
    }
    case 'checkbox':
      return `<input${attributes({ type: 'checkbox', ...common, value: 'on', checked: isChecked(value), ...field.native })}>`;
    case 'checkboxes':
    case 'radios': {
      const type = field.markup === 'radios' ? 'radio' : 'checkbox';
      const items = field.choices.map((c, i) => {
        const input = attributes({ type, id: ids.choice(i), name: field.name, value: c.value, checked: includes(value, c.value), required: i === 0 ? field.native['required'] : undefined, disabled: field.readOnly });
        return `<span class="dijitize-choice"><input${input}><label${attributes({ for: ids.choice(i) })}>${escapeHtml(c.label)}</label></span>`;
      });
      return `<span class="dijitize-choices">${items.join(' ')}</span>`;
    }
  }
}

/**
 * A warning, its mark and its "Send it anyway" box (a plain checkbox: it works without JavaScript); `at`
 * names the box's id. Its text is not a widget's: the client fills it in when a live check asks.
 */
export function warningHtml(warning: OpenWarning, words: { warning: string; sendAnyway: string }, at: string): string {
  const box = attributes({ type: 'checkbox', id: `${at}-anyway`, name: WARNED_FIELD, value: warning.token });
  return (
    `<span class="dijitize-warning-text"><span class="dijitize-warning-icon" aria-hidden="true">⚠</span> <strong>${escapeHtml(words.warning)}</strong> ${escapeHtml(warning.message)}</span> ` +
    `<span class="dijitize-send-anyway"><input${box}> <label${attributes({ for: `${at}-anyway` })}>${escapeHtml(words.sendAnyway)}</label></span>`
  );
}

/** A field with `warn`: where its warning goes, always there (a polite live region), empty without one. */
function warningBox(field: CompiledField, warning: OpenWarning | undefined): string {
  if (!field.warnWords) return '';
  const id = partIds(field).warning;
  return `<div${attributes({ class: 'dijitize-warning', id, 'aria-live': 'polite' })}>${warning ? warningHtml(warning, field.warnWords, id) : ''}</div>`;
}

/** One field: its label, control, help, error text, and its warning (a field with `warn`). */
export function fieldHtml(field: CompiledField, state: Partial<FormState>): string {
  const ids = partIds(field);
  const error = state.errors?.[field.path];
  const warning = state.warnings?.[field.path];
  const described = [field.help ? ids.help : '', error ? ids.error : '', warning ? ids.warning : ''].filter(Boolean).join(' ') || undefined;
  const input = control(field, shownValue(field, state), described, Boolean(error), state);
  const help = field.help ? `<span${attributes({ class: 'dijitize-help', id: ids.help })}>${escapeHtml(field.help)}</span>` : '';
  // Always there (empty without an error): a live region that exists before its text changes is announced.
  const errorText = `<span${attributes({ class: 'dijitize-error', id: ids.error, role: 'alert' })}>${error ? escapeHtml(error) : ''}</span>${warningBox(field, warning)}`;
  const label = escapeHtml(field.label);
  const classes = `dijitize-field dijitize-${field.kind}${error ? ' dijitize-invalid' : ''}`;
  if (isGroup(field)) {
    // A group's help and error describe the group (its role), not one of its choices.
    return `<fieldset${attributes({ class: classes, id: ids.wrapper, 'aria-describedby': described })}><legend>${label}</legend>${input}${help}${errorText}</fieldset>`;
  }
  if (field.markup === 'checkbox') {
    return `<div${attributes({ class: classes, id: ids.wrapper })}>${input} <label${attributes({ for: field.id })}>${label}</label>${help}${errorText}</div>`;
  }
  return `<div${attributes({ class: classes, id: ids.wrapper })}><label${attributes({ for: field.id })}>${label}</label>${input}${help}${errorText}</div>`;
}

