// Submitted once: every form a page renders carries a random submission id, and a POST whose id was
// answered already (a double click, a reload of the POST, a retry after a timeout) gets that answer again,
// the same redirect, or a page that says the form was sent, without reaching the app's handler. The
// first POST claims the id in a store every process shares (SET NX), so two POSTs of one id at the same
// moment on two processes run the handler once; the second waits for the first's answer. A POST the form
// refused (its parse not ok, a list's button, any 4xx or 5xx) gives its id back: fixed, it may be sent. A
// client that goes away gives nothing back: the handler still runs, and its answer is what a repeat gets.
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { requestKeys } from '../request-keys.js';
import { derivedKeys } from '../../common/key-ring.js';
import { SUBMISSION_FIELD } from '../../forms/model/posted-names.js';
import { memoryStore, type SharedStore } from '../../stores/index.js';
import type { SubmissionSettings } from '../../settings/settings.js';
import { requestLanguage, requestWords, sendRefusal } from '../refusals.js';
import { log } from '../../common/log.js';
import { randomId } from '../../common/random-id.js';

/** Its MAC: the random part, the form and the session, with a key of its own derived from one of the app's. */
function submissionMac(key: Buffer, random: string, form: string, owner: string): string {
  return crypto.createHmac('sha256', key).update(`${random}\n${form}\n${owner}`).digest('base64url').slice(0, 22);
}
const submissionKeys = (req: Request) => {
  const { keys, owner } = requestKeys(req, 'a submission id');
  return { keys: derivedKeys(keys, 'dijitize-submission-id'), owner };
};

/**
 * A new submission id for a form, in this request's session: 128 random bits, a MAC of them with the
 * form and the session (csrf.sessionId), and the form's name. Only ids this app made are kept: made-up
 * ids cannot fill the store, and an id made for one form or session is nothing in another.
 */
export function newSubmissionId(req: Request, form: string): string {
  const { keys, owner } = submissionKeys(req);
  const random = randomId();
  return `${random}${submissionMac(keys[0] as Buffer, random, form, owner)}.${Buffer.from(form).toString('base64url')}`;
}
const SUBMISSION_ID = /^([A-Za-z0-9_-]{22})([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{1,400})$/;

/** Whether an id is one this app made (with any key of its ring), for the session of this request. */
function isOurs(req: Request, id: string): boolean {
  const [, random = '', mac = '', form = ''] = SUBMISSION_ID.exec(id) ?? [];
  if (!random) return false;
  const { keys, owner } = submissionKeys(req);
  const given = Buffer.from(mac);
  return keys.some((key) => {
    const expected = Buffer.from(submissionMac(key, random, Buffer.from(form, 'base64url').toString('utf8'), owner));
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

/** What the first POST of an id was answered, as a repeat gets it again. */
interface Answered {
  status: number;
  location?: string;
}
const PENDING = 'pending';
/** How often a repeat looks whether the first POST has been answered. */
const POLL_MS = 100;

/** POSTs whose submission was not completed (the form refused it): their ids are given back. */
const refused = new WeakSet<Request>();

/** Says that this request's form was refused, or was a button's (not a submission): its id may be sent again. */
export function releaseSubmission(req: Request | null): void {
  if (req) refused.add(req);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The middleware: after dojo()'s own endpoints, before the app's routes. */
export function submittedOnce(settings: SubmissionSettings): RequestHandler {
  const store: SharedStore = settings.store ?? memoryStore();
  // A claim outlives the slowest handler a repeat waits for, and no more: a process that died mid-POST
  // does not keep its id forever.
  const pendingTtl = Math.max(60, settings.wait * 4);
  const key = (id: string) => `submission:${id}`;

  /** Answers a repeat as the first POST was answered. */
  const replay = (req: Request, res: Response, answered: Answered) => {
    if (answered.location && answered.status >= 300 && answered.status < 400) return res.redirect(answered.status, answered.location);
    const [heading, reason] = requestWords(req).refusals.alreadySent;
    sendRefusal(res, 409, heading, reason, requestLanguage(req));
  };

  return (req, res, next) => {
    const id = (req.body as Record<string, unknown> | undefined)?.[SUBMISSION_FIELD];
    if (req.method !== 'POST' || typeof id !== 'string') return next();
    if (!isOurs(req, id)) {
      // Made up, or made for another session: not kept (the handler runs as for a form without an id).
      log.request('%s %s: submission id not ours, not kept', req.method, req.originalUrl);
      return next();
    }
    void (async () => {
      const deadline = Date.now() + settings.wait * 1000;
      for (;;) {
        if (await store.claim(key(id), pendingTtl, PENDING)) break;
        const seen = await store.get(key(id));
        if (seen !== null && seen !== PENDING) {
          log.request('%s %s: submission %s answered already', req.method, req.originalUrl, id);
          return replay(req, res, JSON.parse(seen) as Answered);
        }
        // Claimed by a POST still being answered (or given back in between: claim again).
        if (Date.now() > deadline) return sendRefusal(res, 409, ...requestWords(req).refusals.stillSending, requestLanguage(req));
        await sleep(POLL_MS);
      }
      // The answer is kept, or the id given back, when the handler answers (res.end), even when the client
      // went away meanwhile: a repeat sent by a double click that dropped the first connection waits for
      // this answer, and never runs the handler a second time while the first still runs.
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      let settled = false;
      res.end = ((...args: unknown[]) => {
        if (!settled) {
          settled = true;
          const done = !refused.has(req) && res.statusCode < 400;
          const answered: Answered = { status: res.statusCode, ...(res.statusCode >= 300 && res.statusCode < 400 ? { location: String(res.getHeader('location') ?? '') } : {}) };
          (done ? store.set(key(id), JSON.stringify(answered), settings.ttl) : store.delete(key(id))).catch((err: unknown) => log.request('submission %s not kept: %s', id, (err as Error).message));
        }
        return end(...args);
      }) as Response['end'];
      next();
    })().catch(next);
  };
}
