// What dijitize refuses, answered as a short page that says why: no stack trace in the log (a refusal is
// not a fault), and nothing of the error but its message in the page. dojo() answers its own refusals
// (a form not accepted: CSRF, cross-site); `dojoErrors()`, mounted after the app's routes, answers the
// ones that the app's handlers throw (a form the user's roles may not see).
import type { ErrorRequestHandler, Request, Response } from 'express';
import { escapeHtml } from '../common/escape.js';
import { AccessDeniedError, CsrfError, EditVersionError, RefusalError, UnknownIntentError } from '../common/errors.js';
import { log } from '../common/log.js';
import { wordsFor, type OurWords } from '../words/our-words.js';

/** Our words in the request's locale (dojo() negotiated it); English before dojo() has run. */
export const requestWords = (req: Request): OurWords => wordsFor((req as { dojo?: Request['dojo'] }).dojo?.locale);

/** A page's language: `<html lang>` and `dir`. */
export interface PageLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The language of the request's pages (English before dojo() has run). */
export const requestLanguage = (req: Request): PageLanguage => {
  const dojo = (req as { dojo?: Request['dojo'] }).dojo;
  return dojo ? { lang: dojo.lang, dir: dojo.dir } : { lang: 'en', dir: 'ltr' };
};

/** Sends a refusal: the status, and a page with a heading and the reason in `language` (a developer tool's: English). */
export function sendRefusal(res: Response, status: number, heading: string, reason: string, language: PageLanguage = { lang: 'en', dir: 'ltr' }): void {
  res
    .status(status)
    .type('html')
    .send(`<!DOCTYPE html><html lang="${escapeHtml(language.lang)}" dir="${language.dir}"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(reason)}</p></body></html>`);
}

/**
 * A refusal's page: dijitize's own in the request's words (the error's message, a developer's, goes to the
 * log); a CSRF or edit-version refusal's reason as it was made, in those words; an app's own RefusalError
 * as it says.
 */
function refusalPage(err: RefusalError, words: OurWords): [string, string] {
  if (err instanceof AccessDeniedError) return words.refusals.notAllowed;
  if (err instanceof UnknownIntentError) return words.refusals.badRequest;
  if (err instanceof EditVersionError) return [words.refusals.badRequest[0], err.message];
  if (err instanceof CsrfError) return [words.refusals.notAccepted, err.message];
  return [err.heading, err.message];
}

/** Answers a RefusalError with its page. */
export function sendRefusalError(req: Request, res: Response, err: RefusalError): void {
  const [heading, reason] = refusalPage(err, requestWords(req));
  sendRefusal(res, err.status, heading, reason, requestLanguage(req));
}

/**
 * An error handler for what dijitize's calls throw in a route: AccessDeniedError becomes a 403 page, and
 * UnknownIntentError (a button value that is not one of the form's) a 400, each saying why (Express's own
 * handler would print a stack trace). Anything else goes on to the app's handlers.
 * Mount it after the routes; an app with a page of its own for 403s handles AccessDeniedError before it.
 * @example
 * app.get('/timecard', (req, res) => res.render('form.html', { form: req.dojo.form(timecard) }));
 * app.use(dojoErrors());
 * @public
 */
export function dojoErrors(): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof RefusalError) {
      log.request('%s %s refused: %d %s: %s', req.method, req.originalUrl, err.status, err.name, err.message);
      return sendRefusalError(req, res, err);
    }
    next(err);
  };
}
