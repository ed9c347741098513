// What dojo() knows of a request that dijitize's own routers need besides `req.dojo`: the app's key ring
// (wizards seal their state with keys derived from it) and whose session the request is (csrf.sessionId).
// Kept beside the request, not on `req.dojo`: a handler or a template never needs them.
import type { Request } from 'express';
import type { KeyRing } from '../common/key-ring.js';

export interface RequestKeys {
  /** The app's keys: `secrets`, else DIJITIZE_SECRETS, else this process's own. */
  keys: KeyRing;
  /** The request's session (csrf.sessionId), '' without one. */
  owner: string;
}

const known = new WeakMap<Request, RequestKeys>();

export function setRequestKeys(req: Request, value: RequestKeys): void {
  known.set(req, value);
}

/** The keys dojo() set for this request; `who` names the caller in the error when dojo() did not run. */
export function requestKeys(req: Request, who: string): RequestKeys {
  const found = known.get(req);
  if (!found) throw new Error(`${who} needs dijitize's dojo() middleware to run first: app.use(dojo(settings)) before it`);
  return found;
}
