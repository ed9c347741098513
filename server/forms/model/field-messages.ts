// The messages a field falls back on when its definition gives none: Dijit's own wording, so that the
// server's and the browser's checks say the same thing.
import type { CompiledField } from './compiled-form.js';
import type { OurWords } from '../../words/our-words.js';

/** Dijit's own default for an empty required field. */
export const DEFAULT_REQUIRED_MESSAGE = 'This value is required.';

/** Dijit's own default for a value it cannot accept: said for a pattern, whose text means nothing to a user. */
export const DEFAULT_INVALID_MESSAGE = 'The value entered is not valid.';

/**
 * The messages of a multiple-choice field for too few and too many choices: the server's, and the
 * browser's check of the same counts.
 */
export function countMessages(field: CompiledField, words: OurWords, required = DEFAULT_REQUIRED_MESSAGE): { tooFew: string; tooMany: string } {
  return {
    tooFew: field.messages.required ?? required,
    tooMany: field.messages.invalid ?? words.form.tooManyChoices(field.facts.maxItems ?? 0),
  };
}
