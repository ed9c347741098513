// Where an instance's state is between two requests. Always a cookie of the instance (its path is the
// instance's URL, so two tabs, two instances, never see each other's), sealed with the app's secret: it
// says which wizard and instance it is, whose session, and until when. With no store the state itself is
// in it; with a store the state is there, and the cookie is what proves the browser started the instance.
import type { Request, Response } from 'express';
import { requestKeys } from '../http/request-keys.js';
import { sealer } from '../common/sealed.js';
import type { KeyRing } from '../common/key-ring.js';
import type { SharedStore } from '../stores/index.js';
import { defaultMachineStore } from './machine-store.js';
import { SEALED_STATE_LIMIT, type WizardState } from './wizard-model.js';

/** Why there is no state to go on with. */
export type StateProblem = 'missing' | 'tampered' | 'foreign' | 'expired';

/** What the cookie holds, sealed. */
interface Envelope {
  wizard: string;
  id: string;
  /** The session it was started in (csrf.sessionId), '' without one. */
  owner: string;
  expires: number;
  state?: WizardState;
}

const isState = (v: unknown): v is WizardState => {
  const s = v as Record<string, unknown> | null;
  return (
    typeof s === 'object' && s !== null && typeof s['at'] === 'string' &&
    Array.isArray(s['reached']) && typeof s['steps'] === 'object' && s['steps'] !== null
  );
};

const isEnvelope = (v: unknown): v is Envelope => {
  const e = v as Record<string, unknown> | null;
  return typeof e === 'object' && e !== null && typeof e['wizard'] === 'string' && typeof e['id'] === 'string' && typeof e['owner'] === 'string' && Number.isSafeInteger(e['expires']) && (e['state'] === undefined || isState(e['state']));
};

export interface StateKeeper {
  load(req: Request, id: string): Promise<WizardState | StateProblem>;
  /** Keeps the state; 'too large' (nothing kept) when it is over the bound. */
  save(req: Request, res: Response, id: string, state: WizardState, fresh?: boolean): Promise<'saved' | 'too large'>;
  /** True the first time it is asked for an instance: its Finish gives a result once. */
  finishOnce(id: string): Promise<boolean>;
  /** Takes back finishOnce's mark: the app's `done` failed, so Finish may be tried again. */
  unfinish(id: string): Promise<void>;
}

export function stateKeeper(wizard: string, { ttl, store, maxStateSize }: { ttl: number; store: SharedStore | undefined; maxStateSize: number }): StateKeeper {
  const cookieName = `dijitize_wizard_${wizard}`;
  const sealerOf = (ring: KeyRing) => sealer(ring, 'wizard-state');
  // Without a store, the marks of finished instances are kept in a folder of this machine: a Finish
  // replayed after a restart, or sent to another process of the machine, is still refused (docs/wizards.md).
  const marks = store ?? defaultMachineStore();
  const stateKey = (id: string) => `wizard:${wizard}:${id}`;
  const context = (id: string) => `${wizard}:${id}`;

  return {
    async load(req, id) {
      const keys = requestKeys(req, `wizard "${wizard}"`);
      const cookies = req.cookies as Record<string, unknown> | undefined;
      const token = cookies?.[cookieName];
      if (typeof token !== 'string' || token === '') return 'missing';
      const opened = sealerOf(keys.keys).open(token, context(id));
      if (opened === 'tampered') return 'tampered';
      let envelope: unknown;
      try {
        envelope = JSON.parse(opened);
      } catch {
        return 'tampered';
      }
      if (!isEnvelope(envelope)) return 'tampered';
      if (envelope.wizard !== wizard || envelope.id !== id || envelope.owner !== keys.owner) return 'foreign';
      if (envelope.expires < Date.now()) return 'expired';
      // A new instance's state is in its cookie even with a store: a start writes nothing to the store.
      if (envelope.state) return envelope.state;
      if (!store) return 'tampered';
      const kept = await store.get(stateKey(id));
      if (kept === null) return 'expired';
      let state: unknown;
      try {
        state = JSON.parse(kept);
      } catch {
        return 'tampered';
      }
      return isState(state) ? state : 'tampered';
    },

    async save(req, res, id, state, fresh = false) {
      const keys = requestKeys(req, `wizard "${wizard}"`);
      const envelope: Envelope = { wizard, id, owner: keys.owner, expires: Date.now() + ttl * 1000 };
      let token: string;
      if (store && !fresh) {
        const json = JSON.stringify(state);
        if (Buffer.byteLength(json) > maxStateSize) return 'too large';
        await store.set(stateKey(id), json, ttl);
        token = sealerOf(keys.keys).seal(JSON.stringify(envelope), context(id));
      } else {
        token = sealerOf(keys.keys).seal(JSON.stringify({ ...envelope, state }), context(id));
        if (token.length > (store ? SEALED_STATE_LIMIT : maxStateSize)) return 'too large';
      }
      res.cookie(cookieName, token, { path: `${req.baseUrl}/${id}`, httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: ttl * 1000 });
      return 'saved';
    },

    finishOnce: (id) => marks.claim(`${stateKey(id)}:finished`, ttl),
    unfinish: (id) => marks.delete(`${stateKey(id)}:finished`),
  };
}
