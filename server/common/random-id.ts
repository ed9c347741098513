// Random ids (submissions, wizard instances, uploads): 128 bits from the CSPRNG, taken from a pool that is
// filled 4 KB at a time. A form page makes one; crypto.randomBytes(16) for each was a call into OpenSSL
// per page, 3.5% of a GET's CPU under bench:profile. No byte is handed out twice. (Node's randomUUID
// pools the same way.)
import crypto from 'node:crypto';

const POOL_BYTES = 4096;
const ID_BYTES = 16;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** A new random id of 128 bits: 22 base64url characters, or 32 hex ones. */
export function randomId(encoding: 'base64url' | 'hex' = 'base64url'): string {
  if (used + ID_BYTES > POOL_BYTES) {
    crypto.randomFillSync(pool);
    used = 0;
  }
  used += ID_BYTES;
  return pool.toString(encoding, used - ID_BYTES, used);
}
