// Random ids from a pooled CSPRNG: the right shape, and never the same bytes twice across pool refills.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomId } from '../../server/common/random-id.js';

describe('random ids', () => {
  it('are 128 bits in base64url or hex, and none repeats across many refills of the pool', () => {
    assert.match(randomId(), /^[A-Za-z0-9_-]{22}$/);
    assert.match(randomId('hex'), /^[0-9a-f]{32}$/);
    const seen = new Set(Array.from({ length: 2000 }, () => randomId()));
    assert.equal(seen.size, 2000);
  });
});
