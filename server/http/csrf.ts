// CSRF protection for form POSTs. Two checks, both on every unsafe request outside the exempt paths:
// the browser's own word that the request is same-origin (cross-site.ts), then the stateless
// double-submit cookie of csrf-csrf, whose token is rendered into every form (`_csrf`). Tokens expire,
// may be bound to the app's session, and a Secure cookie gets the `__Host-` prefix, so a sibling
// subdomain cannot plant a cookie of its own. A refusal says which check failed and what to do.
import crypto from 'node:crypto';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { crossSiteReason } from './cross-site.js';
import { requestWords, sendRefusalError } from './refusals.js';
import { filled } from '../words/our-words.js';
import type { KeyRing } from '../common/key-ring.js';
import { type ResolvedSettings } from '../settings/settings.js';
import { CsrfError } from '../common/errors.js';
import { CSRF_FIELD } from '../forms/model/posted-names.js';
import { log } from '../common/log.js';


export interface CsrfGuard {
  protect: RequestHandler;
  /** The refusal of an unsafe request (null: accepted, or not checked), from the body read so far. */
  check(req: Request): CsrfError | null;
  /** This request's token; sets the cookie and marks the response `Cache-Control: no-store`. */
  token(req: Request, res: Response): string;
}

/**
 * Token lifetime comes from time-windowed secrets (csrf-csrf's secret rotation): a token is signed with
 * its window's secret and checked against the last WINDOWS + 1, so it lives between `lifetime` and
 * 4/3 of it. A page reuses the cookie's token only while it has at least 2/3 of its life left.
 */
const WINDOWS = 3;
/** How far back an outdated token is still recognised, to say "expired" rather than "invalid". */
const EXPIRED_WINDOWS = 24;

export function createCsrfGuard(settings: ResolvedSettings, ring: KeyRing): CsrfGuard | null {
  const options = settings.csrf;
  if (options === false) return null;
  const secure = options.secure ?? process.env['NODE_ENV'] === 'production';
  const cookieName = secure && !options.cookieName.startsWith('__Host-') ? `__Host-${options.cookieName}` : options.cookieName;
  const windowMs = (options.lifetime * 1000) / WINDOWS;
  const trusted = new Set(options.trustedOrigins);
  const exempt = (path: string) => options.exempt.some((p) => (typeof p === 'string' ? p === path : p.test(path)));

  const secrets = new Map<string, string>();
  const secretOf = (key: string, window: number): string => {
    const id = `${window}\n${key}`;
    let secret = secrets.get(id);
    if (secret === undefined) {
      secret = crypto.createHmac('sha256', key).update(`dijitize-csrf-window:${window}`).digest('hex');
      if (secrets.size > 2 * EXPIRED_WINDOWS * ring.keys.length) secrets.clear();
      secrets.set(id, secret);
    }
    return secret;
  };
  /** The secrets of `count` windows of every key of the ring, starting `skip` windows back; the newest key's newest first. */
  const windowSecrets = (skip: number, count: number) => {
    const now = Math.floor(Date.now() / windowMs);
    return ring.keys.flatMap((key) => Array.from({ length: count }, (_, i) => secretOf(key, now - skip - i)));
  };
  const issuing = new WeakSet<Request>();

  const config = (getSecret: (req?: Request) => string[]) =>
    doubleCsrf({
      getSecret,
      getSessionIdentifier: (req) => options.sessionId?.(req) ?? '',
      cookieName,
      cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: true, maxAge: options.lifetime * 1000 },
      getCsrfTokenFromRequest: tokenOf,
    });
  // A new token is made with the newest key. A cookie's token of an older key of the ring is reused while
  // young, as one of the newest is: replacing it would refuse every other tab the browser has open.
  const current: DoubleCsrfUtilities = config((req) => (req && issuing.has(req) ? windowSecrets(0, 2) : windowSecrets(0, WINDOWS + 1)));
  const outdated: DoubleCsrfUtilities = config(() => windowSecrets(WINDOWS + 1, EXPIRED_WINDOWS));

  const refusal = (req: Request): string | null => {
    const crossSite = crossSiteReason(req, trusted);
    const words = requestWords(req).refusals;
    if (crossSite) return crossSite === 'sibling' ? words.crossSibling : words.crossSite;
    if (current.validateRequest(req)) return null;
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    if (!cookies?.[cookieName]) return words.noCookie;
    const field = tokenOf(req);
    if (field === undefined || field === '') return words.noToken;
    if (outdated.validateRequest(req)) {
      const lifetime = options.lifetime >= 7200 ? words.hours(Math.round(options.lifetime / 3600)) : words.minutes(Math.round(options.lifetime / 60));
      return filled(words.expired, { lifetime });
    }
    return words.mismatch;
  };

  const check = (req: Request): CsrfError | null => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || exempt(req.path)) return null;
    const reason = refusal(req);
    return reason ? new CsrfError(reason) : null;
  };
  const protect: RequestHandler = (req, _res, next) => next(check(req) ?? undefined);
  const token = (req: Request, res: Response) => {
    issuing.add(req);
    try {
      res.set('Cache-Control', 'no-store'); // a page with a token is this visitor's alone
      return current.generateCsrfToken(req, res);
    } finally {
      issuing.delete(req);
    }
  };
  return { protect, check, token };
}

/** The header a request without a form body (a resumable upload's chunk) carries the token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** A request's token: the form's field, else the header. */
function tokenOf(req: Request): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (typeof value === 'string') return value;
  return req.get(CSRF_HEADER);
}

/** A refused request: 403 with a page that says what happened and what to do. */
export const csrfErrors: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (!(err instanceof CsrfError)) return next(err);
  log.request('%s %s refused: 403 CsrfError: %s', req.method, req.originalUrl, err.message);
  sendRefusalError(req, res, err);
};
