// The classes and names by which the page marks a list's rows and buttons: written by list-html.ts, and
// handed to the client in the spec, so that dijitize/rowLists finds them without a copy of its own.
import { INTENT_FIELD } from '../model/posted-names.js';

/** The class of a list's or a union's button of this kind (`dijitize-remove`). */
export const buttonClass = (kind: string) => `dijitize-${kind}`;

/** How the page marks a list's rows and buttons, for the client (dijitize/rowLists) to find them. */
export const LIST_MARKUP = {
  intent: INTENT_FIELD,
  row: 'dijitize-row',
  add: buttonClass('add'),
  remove: buttonClass('remove'),
  up: buttonClass('up'),
  down: buttonClass('down'),
} as const;
export type ListMarkup = typeof LIST_MARKUP;
