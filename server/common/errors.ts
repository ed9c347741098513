// Every error dijitize throws on purpose, in two families.
// - Mistakes of the app, thrown at start-up: SettingsError names the key, FormDefinitionError the form and
//   field, AccessError the role. Introspection, the mapping table and field compilation throw the internal
//   DefinitionProblem (what is wrong, and in which field); compileForm wraps it, once, into the public
//   FormDefinitionError that names the form too.
// - Refusals of a request (RefusalError): the status to answer, a heading, and a message that says why,
//   which the refusal page shows. Express's own handler reads `status` and `expose` too.
// Any other error is a bug of ours and passes unwrapped.

/**
 * A page of the docs that ship with the package, where the fix of a mistake is explained.
 * @public
 */
export type DocsPage = (typeof DOCS_PAGES)[number];

/** The pages errors point to, each a file `docs/<page>.md` of the package. */
export const DOCS_PAGES = ['forms', 'shapes', 'uploads', 'live-checks', 'wizards', 'nothing-lost', 'access', 'locales', 'build-and-deploy', 'inspector'] as const;

/** The line a start-up mistake ends with: where to read how to do it right. */
export const seeDocs = (page: DocsPage): string => `\nSee node_modules/dijitize/docs/${page}.md`;

/** What is wrong with a definition, in which field (null: the whole form), and the page that explains it. */
export class DefinitionProblem extends Error {
  constructor(
    readonly path: string | null,
    message: string,
    readonly docs: DocsPage = 'forms',
  ) {
    super(message);
  }
}

/**
 * A definition mistake: names the form and the field.
 * @example
 * try { defineForm('signup', z.object({ age: z.number() }), { fields: { age: { widget: 'dijit/form/CheckBox' } } }); }
 * catch (err) { if (err instanceof FormDefinitionError) console.error(err.message); } // form "signup", field "age": ...
 * @public
 */
export class FormDefinitionError extends Error {
  override name = 'FormDefinitionError';
  constructor(
    readonly form: string,
    readonly field: string | null,
    problem: string,
    readonly docs: DocsPage = 'forms',
  ) {
    super(`Form "${form}"${field ? `, field "${field}"` : ''}: ${problem}${seeDocs(docs)}`);
  }
}

/**
 * Thrown at start-up when a setting is wrong; the message names the key.
 * @example dojo({ theme: 'nope' }); // SettingsError: Invalid dijitize settings:\n  theme: Invalid option: expected one of ...
 * @public
 */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(
    message: string,
    readonly docs: DocsPage = 'forms',
  ) {
    super(`${message}${seeDocs(docs)}`);
  }
}

/**
 * A role that the access list does not know, or a list that cannot be built; names what is wrong.
 * @example new Acl().role('clerk', ['nobody']); // AccessError: role "clerk" inherits from "nobody", which is not defined ...
 * @public
 */
export class AccessError extends Error {
  override name = 'AccessError';
  constructor(message: string) {
    super(`${message}${seeDocs('access')}`);
  }
}

/**
 * A request dijitize refuses: `status` and `heading` say what kind of refusal, the message says why (it is
 * shown to the user, so it names nothing secret). dojoErrors() answers each as a short page.
 * @example
 * app.use((err, req, res, next) => (err instanceof RefusalError ? res.status(err.status).send(err.message) : next(err)));
 * @public
 */
export abstract class RefusalError extends Error {
  abstract readonly status: 400 | 403;
  abstract readonly heading: string;
  readonly expose = true;
}

/**
 * A form the user's roles may not see at all: a 403.
 * @example req.dojo.roles = ['guest']; req.dojo.form(payroll); // AccessDeniedError, answered by dojoErrors()
 * @public
 */
export class AccessDeniedError extends RefusalError {
  override name = 'AccessDeniedError';
  readonly status = 403;
  readonly heading = 'Not allowed';
}

/**
 * An `_intent` that is not one of the form's buttons (miscased, repeated, a row or list it has not): a
 * 400 that says why, never taken as a plain submit (a mistyped "remove" button must not place an order).
 * @example order.parse({ _intent: 'Remove:items:1' }); // UnknownIntentError: _intent "Remove:items:1": not one of add, ...
 * @public
 */
export class UnknownIntentError extends RefusalError {
  override name = 'UnknownIntentError';
  readonly status = 400;
  readonly heading = 'Bad request';
}

/**
 * A POST without a valid CSRF token or from another site: a 403 that says what to do (reload the form).
 * dojo() answers it itself; an app's own error handler sees it only if it comes first.
 * @example app.use((err, req, res, next) => (err instanceof CsrfError ? res.redirect(req.originalUrl) : next(err)));
 * @public
 */
export class CsrfError extends RefusalError {
  override name = 'CsrfError';
  readonly code = 'EBADCSRFTOKEN';
  readonly status = 403;
  readonly heading = 'This form was not accepted';
}

/**
 * A wizard defined wrong: names the wizard and the step.
 * @example defineWizard('claim', []); // WizardDefinitionError: Wizard "claim": it needs at least one step
 * @public
 */
export class WizardDefinitionError extends Error {
  override name = 'WizardDefinitionError';
  constructor(
    readonly wizard: string,
    readonly step: string | null,
    problem: string,
  ) {
    super(`Wizard "${wizard}"${step ? `, step "${step}"` : ''}: ${problem}${seeDocs('wizards')}`);
  }
}

/**
 * An edit form's POST without the record version its page carried, or with one changed on the way: a 400.
 * @example req.dojo.parse(card, { hours: '8' }, { current: saved, version: saved.version }); // EditVersionError
 * @public
 */
export class EditVersionError extends RefusalError {
  override name = 'EditVersionError';
  readonly status = 400;
  readonly heading = 'Bad request';
}
