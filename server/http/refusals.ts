// What dijitize refuses, answered as a short page that says why: no stack trace in the log (a refusal is
// not a fault), and nothing of the error but its message in the page. dojo() answers its own refusals
// (a form not accepted: CSRF, cross-site); `dojoErrors()`, mounted after the app's routes, answers the
// ones that the app's handlers throw (a form the user's roles may not see).
import type { ErrorRequestHandler, Response } from 'express';
import { escapeHtml } from '../common/escape.js';
import { RefusalError } from '../common/errors.js';
import { log } from '../common/log.js';

/** Sends a refusal: the status, and a page with a heading and the reason. */
export function sendRefusal(res: Response, status: number, heading: string, reason: string): void {
  res
    .status(status)
    .type('html')
    .send(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(reason)}</p></body></html>`);
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
      return sendRefusal(res, err.status, err.heading, err.message);
    }
    next(err);
  };
}
