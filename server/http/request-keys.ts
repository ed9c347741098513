// What dojo() knows of a request that dijitize's own routers need besides `req.dojo`: the app's secret
// (wizards seal their state with a key derived from it) and whose session the request is (csrf.sessionId).
// Kept beside the request, not on `req.dojo`: a handler or a template never needs them.
import type { Request } from 'express';

export interface RequestKeys {
  /** The app's secret: csrf.secret, else DIJITIZE_CSRF_SECRET, else this process's own. */
  secret: string;
  /** The request's session (csrf.sessionId), '' without one. */
  owner: string;
}

const keys = new WeakMap<Request, RequestKeys>();

export function setRequestKeys(req: Request, value: RequestKeys): void {
  keys.set(req, value);
}

/** The keys dojo() set for this request; `who` names the caller in the error when dojo() did not run. */
export function requestKeys(req: Request, who: string): RequestKeys {
  const found = keys.get(req);
  if (!found) throw new Error(`${who} needs dijitize's dojo() middleware to run first: app.use(dojo(settings)) before it`);
  return found;
}
