// The names dijitize adds to a posted form besides the fields' own (the CSRF token's is request/csrf.ts).
/** The hidden field by which a prefixed form says it sent a POST. */
export const FORM_FIELD = '_form';

/** The name of the list and section buttons: their value says what to do (`add:items`, `remove:items:2`, `switch:delivery`). */
export const INTENT_FIELD = '_intent';
