// A kept upload travels from one POST to the next as a signed, expiring token in a hidden field, never as
// a path: the token names the stored bytes (a random id), what the file is called and what type its bytes
// are, and the field it was posted in. Signed with a key derived from the newest of the app's keys and taken
// with any of its ring, so any process with the same ring takes it, across a rotation; stateless, so nothing is shared but the store.
import crypto from 'node:crypto';
import { UPLOAD_ID } from './upload-store.js';
import { derivedKeys, type KeyRing } from '../common/key-ring.js';

/** What a token says of a kept upload. */
export interface KeptUpload {
  /** The defined form it was posted to: another form with a field of the same name does not take it. */
  form: string;
  /** The posted name of the field it belongs to (`receipt`, `bill-receipt`). */
  field: string;
  id: string;
  name: string;
  /** The type its bytes were found to be (sniffed-type.ts). */
  type: string;
  size: number;
  /** When the token stops being taken (ms since 1970). */
  expires: number;
  /** The session it was uploaded in (csrf.sessionId), '' without one: another session's token is not taken. */
  owner: string;
}

/** Why a token was not taken. */
export type TokenProblem = 'malformed' | 'forged' | 'expired';

export interface FileTokens {
  sign(upload: KeptUpload): string;
  /** The upload a token names, or why it is not taken. */
  verify(token: string): KeptUpload | TokenProblem;
}

/** The most a token may be: a field name, a file name and a type, base64 and signed. */
export const MAX_TOKEN_LENGTH = 2048;

const isKept = (v: unknown): v is KeptUpload => {
  const u = v as Record<string, unknown>;
  return (
    typeof u === 'object' && u !== null &&
    typeof u['form'] === 'string' && typeof u['field'] === 'string' && typeof u['id'] === 'string' && UPLOAD_ID.test(u['id']) &&
    typeof u['name'] === 'string' && typeof u['type'] === 'string' &&
    Number.isSafeInteger(u['size']) && Number.isSafeInteger(u['expires']) && typeof u['owner'] === 'string'
  );
};

export function fileTokens(ring: KeyRing): FileTokens {
  // Keys of their own: a token can never pass for a CSRF token, nor the reverse.
  const keys = derivedKeys(ring, 'dijitize-upload-token');
  const mac = (key: Buffer, payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');
  /** Whether `given` is the MAC of `payload` with any key of the ring. */
  const signed = (payload: string, given: Buffer) =>
    keys.some((key) => {
      const expected = Buffer.from(mac(key, payload));
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
  return {
    sign(upload) {
      const payload = Buffer.from(JSON.stringify(upload)).toString('base64url');
      return `${payload}.${mac(keys[0] as Buffer, payload)}`;
    },
    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return 'malformed';
      const dot = token.indexOf('.');
      if (dot < 0) return 'malformed';
      const payload = token.slice(0, dot);
      if (!signed(payload, Buffer.from(token.slice(dot + 1)))) return 'forged';
      let upload: unknown;
      try {
        upload = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return 'malformed';
      }
      if (!isKept(upload)) return 'malformed';
      return upload.expires < Date.now() ? 'expired' : upload;
    },
  };
}
