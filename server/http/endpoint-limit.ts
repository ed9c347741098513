// The rate limit of dijitize's own endpoints (live checks, remote choices), per client: express-rate-limit,
// counting in this process's memory, or in a store every process shares (rate-limit-redis) so that N
// processes hold one limit. Past it: 429 with a reason, and the standard RateLimit headers.
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { ResolvedSettings } from '../settings/settings.js';

export function endpointLimit(options: ResolvedSettings['rateLimit']): RequestHandler {
  return rateLimit({
    windowMs: options.window * 1000,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.store ? { store: options.store } : {}),
    // One limit for the endpoints of one dojo(), whatever the store is shared with.
    identifier: 'dijitize-endpoints',
    handler: (_req, res) => void res.status(429).json({ error: `Too many requests: at most ${options.limit} in ${options.window} seconds. Try again in a moment.` }),
  });
}
