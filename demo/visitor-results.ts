// What a visitor last saved on a demo form, shown on the "done" page to that visitor only: a random id in
// a cookie names the visitor. (The demo has no database and no sign-in; a shared "last saved" would show
// one visitor's answers, and a manager's notes, to everyone.)
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

const COOKIE = 'demo-visitor';
/** The most results kept: the oldest go first (a Map keeps insertion order). */
const MAX_RESULTS = 1000;
const results = new Map<string, unknown>();

function visitorOf(req: Request, res: Response): string {
  const known = (req.cookies as Record<string, string> | undefined)?.[COOKIE];
  if (known && /^[0-9a-f]{32}$/.test(known)) return known;
  const id = crypto.randomBytes(16).toString('hex');
  res.cookie(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' });
  return id;
}

/**
 * Names the visitor when a page is shown, before any POST: a double-clicked POST whose first answer the
 * browser dropped (and with it a cookie set there) is still counted for the visitor who sent it.
 */
export const nameVisitor: RequestHandler = (req, res, next) => {
  if (req.method === 'GET') visitorOf(req, res);
  next();
};

/** Keeps `value` as what this visitor saved on the page at `page`. */
export function saveResult(req: Request, res: Response, page: string, value: unknown): void {
  const key = `${visitorOf(req, res)} ${page}`;
  results.delete(key);
  results.set(key, value);
  if (results.size > MAX_RESULTS) results.delete(results.keys().next().value as string);
}

/** What this visitor saved on the page at `page`, if anything. */
export function savedResult(req: Request, page: string): unknown {
  const id = (req.cookies as Record<string, string> | undefined)?.[COOKIE];
  return id ? results.get(`${id} ${page}`) : undefined;
}

/** How many times this visitor's POSTs reached the handler of the page at `page` (one more now). */
const counts = new Map<string, number>();
export function countFor(req: Request, res: Response, page: string): number {
  const key = `${visitorOf(req, res)} ${page}`;
  const count = (counts.get(key) ?? 0) + 1;
  counts.delete(key);
  counts.set(key, count);
  if (counts.size > MAX_RESULTS) counts.delete(counts.keys().next().value as string);
  return count;
}
