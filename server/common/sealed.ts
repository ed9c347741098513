// What travels through the browser sealed (a wizard's state, an edit form's version and the values it
// showed): AES-256-GCM with a key derived from the app's secret for one purpose, so the browser can
// neither read it nor change it, and any process with the same secret opens it. A context (the wizard
// and its instance, the form) is its associated data: a token made for one does not open as another's.
import crypto from 'node:crypto';
import { BoundedCache } from './bounded-cache.js';

/** Why a token did not open. */
export type SealProblem = 'tampered';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  seal(plain: string, context: string): string;
  /** The plain text, or 'tampered' for anything that is not a token this key sealed for `context`. */
  open(token: string, context: string): string | SealProblem;
}

/** Sealers made, by purpose and secret: an app has one secret, so a few serve every request. */
const made = new BoundedCache<string, Sealer>(16);

/** The sealer of a purpose with an app's secret, made once (its key is derived on the first call). */
export function sealer(secret: string, purpose: string): Sealer {
  const id = `${purpose}\n${secret}`;
  return made.get(id) ?? made.set(id, makeSealer(secret, purpose));
}

function makeSealer(secret: string, purpose: string): Sealer {
  // A key of its own for each purpose: a wizard's token can never pass for an edit's, a CSRF or an upload token.
  const key = crypto.createHmac('sha256', secret).update(`dijitize-${purpose}`).digest();
  return {
    seal(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(token, context) {
      if (!/^[A-Za-z0-9_-]+$/.test(token)) return 'tampered';
      const bytes = Buffer.from(token, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) return 'tampered';
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(context));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return 'tampered';
      }
    },
  };
}
