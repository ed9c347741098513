// A list of rows as plain HTML: a fieldset of rows, each a fieldset of its fields, with buttons that add,
// remove and move rows. Without JavaScript they are submit buttons with an intent (rows.ts applies it on
// the server); with it, dijitize/rowLists does the same in the page, from the row template below.
import { attributes, escapeHtml } from '../escape.js';
import type { CompiledField } from './compile-field.js';
import type { CompiledList } from './compile.js';
import { ROW } from './introspect.js';
import { fieldHtml } from './render-html.js';
import { atRow, INTENT_FIELD, type ShownList } from './shapes.js';
import type { FormState } from './validate.js';

/** Ids of a list's parts, shared with the widget spec and the client. */
export const listIds = (list: CompiledList) => ({
  rows: `${list.id}-rows`,
  template: `${list.id}-template`,
  help: `${list.id}-help`,
  error: `${list.id}-error`,
  row: (index: number | string) => `${list.id}-${index}-row`,
});

/** A list button: a submit button whose intent the server applies when JavaScript is off. */
function intentButton(intent: string, text: string, label: string, disabled: boolean, kind: string): string {
  // formnovalidate: changing the rows must not be blocked by the browser's checks of the values.
  return `<button${attributes({ type: 'submit', name: INTENT_FIELD, value: intent, formnovalidate: true, class: `dijitize-${kind}`, 'aria-label': label, disabled })}>${escapeHtml(text)}</button>`;
}

/** One row: a fieldset named "Item 2", its fields, and its remove and move buttons. */
function rowHtml(list: CompiledList, fields: CompiledField[], index: number | string, position: number, count: number, state: Partial<FormState>): string {
  const name = `${list.itemLabel} ${position + 1}`;
  const lower = name.toLowerCase();
  const buttons = [
    intentButton(`remove:${list.path}:${index}`, 'Remove', `Remove ${lower}`, count <= list.min, 'remove'),
    intentButton(`up:${list.path}:${index}`, 'Move up', `Move up ${lower}`, position === 0, 'up'),
    intentButton(`down:${list.path}:${index}`, 'Move down', `Move down ${lower}`, position === count - 1, 'down'),
  ];
  return (
    `<fieldset${attributes({ class: 'dijitize-row', id: listIds(list).row(index) })}><legend>${escapeHtml(name)}</legend>` +
    `${fields.map((f) => fieldHtml(f, state)).join('\n')}<div class="dijitize-row-actions">${buttons.join(' ')}</div></fieldset>`
  );
}

/** A list of rows, with the template of a new row (for the client) and its add button. */
export function listHtml(shown: ShownList, state: Partial<FormState>): string {
  const { list, rows } = shown;
  const ids = listIds(list);
  const error = state.errors?.[list.path];
  const described = [list.help ? ids.help : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
  const shownRows = rows.map((fields, position) => rowHtml(list, fields, position, position, rows.length, state));
  const template = rowHtml(list, list.rowFields.map((f) => atRow(f, ROW)), ROW, rows.length, rows.length + 1, {});
  const help = list.help ? `<span${attributes({ class: 'dijitize-help', id: ids.help })}>${escapeHtml(list.help)}</span>` : '';
  const errorText = `<span${attributes({ class: 'dijitize-error', id: ids.error, role: 'alert' })}>${error ? escapeHtml(error) : ''}</span>`;
  const add = intentButton(`add:${list.path}`, `Add ${list.itemLabel.toLowerCase()}`, `Add ${list.itemLabel.toLowerCase()}`, list.max !== null && rows.length >= list.max, 'add');
  return (
    `<fieldset${attributes({ class: `dijitize-list${error ? ' dijitize-invalid' : ''}`, id: list.id, 'aria-describedby': described })}><legend>${escapeHtml(list.label)}</legend>` +
    `<div${attributes({ class: 'dijitize-rows', id: ids.rows })}>${shownRows.join('\n')}</div>` +
    `<template${attributes({ id: ids.template })}>${template}</template>${help}${errorText}<div class="dijitize-list-actions">${add}</div></fieldset>`
  );
}
