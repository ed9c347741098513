// The buttons that send an intent: without JavaScript, a submit button whose intent the server applies (a
// list's row added, a section switched, a source's choices shown); with it, the page does the same itself.
import { attributes, escapeHtml } from '../../common/escape.js';
import { INTENT_FIELD } from '../model/posted-names.js';
import { buttonClass } from './list-markup.js';

/**
 * A list's, a union's or a source's button: a submit button whose intent the server applies when JavaScript is off.
 * `label` names it where its text alone would not ("Remove item 2").
 */
export function intentButton(intent: string, text: string, kind: string, more: { label?: string; disabled?: boolean; id?: string } = {}): string {
  // formnovalidate: changing the rows or the section must not be blocked by the browser's checks of the values.
  return `<button${attributes({ type: 'submit', id: more.id, name: INTENT_FIELD, value: intent, formnovalidate: true, class: buttonClass(kind), 'aria-label': more.label, disabled: more.disabled })}>${escapeHtml(text)}</button>`;
}

