// CSRF protection for form POSTs: the stateless double-submit cookie pattern of csrf-csrf. The token is
// rendered into every form (`_csrf`) and checked on every unsafe request, except on exempt paths.
import crypto from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { ResolvedSettings } from './settings.js';

/** The name of the hidden field that carries the token. */
export const CSRF_FIELD = '_csrf';

export interface CsrfGuard {
  protect: RequestHandler;
  token(req: Request, res: Response): string;
}

export function createCsrfGuard(settings: ResolvedSettings): CsrfGuard | null {
  const options = settings.csrf;
  if (options === false) return null;
  const secret = options.secret ?? crypto.randomBytes(32).toString('hex');
  const exempt = (path: string) => options.exempt.some((p) => (typeof p === 'string' ? p === path : p.test(path)));
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    // Stateless: no session to bind to; the HMAC'd cookie and the form field must match.
    getSessionIdentifier: () => '',
    cookieName: options.cookieName,
    cookieOptions: { sameSite: 'strict', path: '/', secure: options.secure ?? process.env['NODE_ENV'] === 'production', httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const value = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof value === 'string' ? value : undefined;
    },
    skipCsrfProtection: (req) => exempt(req.path),
  });
  return { protect: doubleCsrfProtection, token: (req, res) => generateCsrfToken(req, res) };
}

/** A failed check: 403 with a page that says what happened and what to do. */
export const csrfErrors: ErrorRequestHandler = (err: { code?: string }, _req, res, next) => {
  if (err.code !== 'EBADCSRFTOKEN') return next(err);
  res
    .status(403)
    .type('html')
    .send(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Form expired</title></head><body>' +
        '<h1>This form could not be accepted</h1><p>It has expired, or it was not sent from this site ' +
        '(missing or invalid CSRF token). Go back, reload the page and send the form again.</p></body></html>',
    );
};
