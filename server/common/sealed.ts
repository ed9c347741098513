// What travels through the browser sealed (a wizard's state, an edit form's version and the values it
// showed): AES-256-GCM with a key derived from the newest of the app's keys for one purpose, so the
// browser can neither read it nor change it, and any process with the same ring opens it, across a
// rotation. A context (the wizard and its instance, the form) is its associated data: a token made for
// one does not open as another's.
import crypto from 'node:crypto';
import { derivedKeys, type KeyRing } from '../common/key-ring.js';

/** Why a token did not open. */
export type SealProblem = 'tampered';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  seal(plain: string, context: string): string;
  /** The plain text, or 'tampered' for anything that is not a token this key sealed for `context`. */
  open(token: string, context: string): string | SealProblem;
}

/** The sealer of a purpose with an app's ring: seals with its newest key, opens with any. */
export function sealer(ring: KeyRing, purpose: string): Sealer {
  // Keys of their own for each purpose: a wizard's token can never pass for an edit's, a CSRF or an upload token.
  const keys = derivedKeys(ring, `dijitize-${purpose}`);
  return {
    seal(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', keys[0] as Buffer, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(token, context) {
      if (!/^[A-Za-z0-9_-]+$/.test(token)) return 'tampered';
      const bytes = Buffer.from(token, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) return 'tampered';
      for (const key of keys) {
        const opened = openWith(key, bytes, context);
        if (opened !== null) return opened;
      }
      return 'tampered';
    },
  };
}

/** The plain text of a token sealed with `key` for `context`, else null. */
function openWith(key: Buffer, bytes: Buffer, context: string): string | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
