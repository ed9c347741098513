// The names dijitize adds to a posted form besides the fields' own.

/** The hidden field that carries the CSRF token (request/csrf.ts checks it); first in every form. */
export const CSRF_FIELD = '_csrf';
/** The hidden field by which a prefixed form says it sent a POST. */
export const FORM_FIELD = '_form';

/** The name of the list and section buttons: their value says what to do (`add:items`, `remove:items:2`, `switch:delivery`). */
export const INTENT_FIELD = '_intent';

/** A file kept from an earlier POST: its signed token (uploads/file-tokens.ts), one hidden field a file. */
export const KEPT_FILE_FIELD = '_file';

/** A kept file the user removed: its "Remove" checkbox posts the file's id. */
export const REMOVE_FILE_FIELD = '_file_remove';

/**
 * Set by the browser's upload of a file chosen in a form (JavaScript on): the form's name. dojo() stores
 * the file and answers with its token itself; the app's route never sees the request.
 */
export const UPLOAD_ONLY_FIELD = '_file_upload';

/** Where a file's name goes in a file field's messages. */
export const FILE_PLACE = '{file}';

/**
 * A form whose fields ask dojo()'s endpoints (live checks, remote choices) names itself in this hidden
 * field: the page's requests say which defined form they are for.
 */
export const FORM_NAME_FIELD = '_form_name';

/** A live check (JavaScript on) names the field to check: dojo() answers it itself. */
export const CHECK_FIELD = '_check_field';

/**
 * A form's one-time submission id (http/nothing-lost/submitted-once.ts): a POST that repeats one gets the first one's
 * answer, and the app's handler runs once.
 */
export const SUBMISSION_FIELD = '_submission';

/** What a form's POST means (model/fingerprint.ts): a page of another definition of the form posts another. */
export const FINGERPRINT_FIELD = '_fingerprint';

/** An edit form's record version and the values it showed, sealed (http/nothing-lost/edit-versions.ts). */
export const VERSION_FIELD = '_version';

/** A warning's "Send it anyway" box: it posts the hash of what it confirms (forms/request/warnings.ts). */
export const WARNED_FIELD = '_warned';
