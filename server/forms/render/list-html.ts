// A list of rows as plain HTML: a fieldset of rows, each a fieldset of its fields, with buttons that add,
// remove and move rows. Without JavaScript they are submit buttons with an intent (request/intents.ts applies it on
// the server); with it, dijitize/rowLists does the same in the page, from the row template below.
import { attributes, escapeHtml } from '../../common/escape.js';
import type { CompiledField, CompiledList } from '../model/compiled-form.js';
import { ROW } from '../model/schema-facts.js';
import { fieldHtmlOf } from './field-templates.js';
import type { ShownList } from '../model/shown-parts.js';
import type { FormState } from '../model/form-state.js';
import { listIds } from './ids.js';
import { LIST_MARKUP } from './list-markup.js';
import { intentButton } from './intent-button.js';
import { atPlace } from '../model/row-texts.js';

/** One row: a fieldset named "Item 2", its fields, and its remove and move buttons. */
function rowHtml(list: CompiledList, fields: CompiledField[], index: number | string, position: number, count: number, state: Partial<FormState>): string {
  const { texts } = list;
  const place = position + 1;
  const buttons = [
    intentButton(`remove:${list.path}:${index}`, texts.remove, 'remove', { label: atPlace(texts.removeRow, place), disabled: count <= list.min }),
    intentButton(`up:${list.path}:${index}`, texts.up, 'up', { label: atPlace(texts.upRow, place), disabled: position === 0 }),
    intentButton(`down:${list.path}:${index}`, texts.down, 'down', { label: atPlace(texts.downRow, place), disabled: position === count - 1 }),
  ];
  return (
    `<fieldset${attributes({ class: LIST_MARKUP.row, id: listIds(list).row(index) })}><legend>${escapeHtml(atPlace(texts.row, place))}</legend>` +
    `${fields.map((f) => fieldHtmlOf(f, state)).join('\n')}<div class="dijitize-row-actions">${buttons.join(' ')}</div></fieldset>`
  );
}

/** A list of rows, with the template of a new row (for the client) and its add button. */
export function listHtml(shown: ShownList, state: Partial<FormState>): string {
  const { list, rows } = shown;
  const ids = listIds(list);
  const error = state.errors?.[list.path];
  const described = [list.help ? ids.help : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
  const shownRows = rows.map((fields, position) => rowHtml(list, fields, position, position, rows.length, state));
  // The compiled row fields hold `$row` already: they are the template.
  const template = rowHtml(list, list.rowFields, ROW, rows.length, rows.length + 1, {});
  const help = list.help ? `<span${attributes({ class: 'dijitize-help', id: ids.help })}>${escapeHtml(list.help)}</span>` : '';
  const errorText = `<span${attributes({ class: 'dijitize-error', id: ids.error, role: 'alert' })}>${error ? escapeHtml(error) : ''}</span>`;
  const add = intentButton(`add:${list.path}`, list.texts.add, 'add', { label: list.texts.add, disabled: list.max !== null && rows.length >= list.max });
  return (
    `<fieldset${attributes({ class: `dijitize-list${error ? ' dijitize-invalid' : ''}`, id: list.id, 'aria-describedby': described })}><legend>${escapeHtml(list.label)}</legend>` +
    `<div${attributes({ class: 'dijitize-rows', id: ids.rows })}>${shownRows.join('\n')}</div>` +
    `<template${attributes({ id: ids.template })}>${template}</template>${help}${errorText}<div class="dijitize-list-actions">${add}</div></fieldset>`
  );
}
