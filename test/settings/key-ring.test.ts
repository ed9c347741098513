// The app's key ring (`secrets`, DIJITIZE_SECRETS): checked at start-up naming the key by its place, never
// by its value; shared by two apps (as two processes); rotated: what the old key made is taken while it is
// in the ring and refused, saying why, once it has left. The old single secret still works, with a warning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { dojo, type DojoSettings } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';
import { keyRing } from '../../server/common/key-ring.js';
import { sealer } from '../../server/common/sealed.js';
import { fileTokens } from '../../server/files/file-tokens.js';
import { warningsOf, withEnv } from '../process-env.js';

const form = new FormDefinition('ring', z.object({ name: z.string() }));

function app(settings: DojoSettings = {}) {
  const a = express();
  a.use(dojo(settings));
  a.get('/form', (req, res) => res.type('html').send(req.dojo.form(form).html));
  a.post('/form', (req, res) => res.json(form.parse(req.body).ok));
  return a;
}

const A = 'the first key of the ring';
const B = 'the second key of the ring';
const C = 'a key that was never in the ring';

describe('the key ring: settings', () => {
  it('a short or repeated key fails at start-up naming its place, never its value', () => {
    assert.throws(() => dojo({ secrets: [A, 'short'] }), (err: Error) => /secrets\.1: at least 16 characters/.test(err.message) && !err.message.includes('short'));
    assert.throws(() => dojo({ secrets: [A, B, A] }), (err: Error) => /secrets\.2: the same key as secrets\.0/.test(err.message) && !err.message.includes(A));
    assert.throws(() => dojo({ secrets: [] }), /secrets: at least one key/);
  });

  it('so does a bad DIJITIZE_SECRETS, and an empty place in it', async () => {
    await withEnv({ DIJITIZE_SECRETS: `${A},tiny` }, () => assert.throws(() => dojo(), (err: Error) => /DIJITIZE_SECRETS key 2: at least 16 characters/.test(err.message) && !err.message.includes('tiny')));
    await withEnv({ DIJITIZE_SECRETS: `${A},${A}` }, () => assert.throws(() => dojo(), /DIJITIZE_SECRETS key 2: the same key as DIJITIZE_SECRETS key 1/));
    await withEnv({ DIJITIZE_SECRETS: `${A},,${B}` }, () => assert.throws(() => dojo(), /DIJITIZE_SECRETS key 2: at least 16 characters/));
    await withEnv({ DIJITIZE_SECRETS: 'a key whose first part is long, and a comma' }, () => assert.throws(() => dojo(), /DIJITIZE_SECRETS key 2: at least 16 characters \(DIJITIZE_SECRETS separates its keys by commas: a key holds none\)/));
  });

  it('in production a missing ring fails at start-up, naming the setting and the variable', async () => {
    await withEnv({ NODE_ENV: 'production', DIJITIZE_SECRETS: undefined, DIJITIZE_CSRF_SECRET: undefined }, () => {
      assert.throws(() => dojo(), /secrets: required when NODE_ENV=production .*DIJITIZE_SECRETS/);
      assert.doesNotThrow(() => dojo({ secrets: [A] }));
      assert.doesNotThrow(() => dojo({ csrf: false }));
    });
  });

  it('the old single secret (csrf.secret, DIJITIZE_CSRF_SECRET) still works, as a ring of one, with a warning naming the new name', async () => {
    const warnings = await warningsOf(async () => {
      await withEnv({ DIJITIZE_CSRF_SECRET: A, DIJITIZE_SECRETS: undefined }, async () => {
        await withServer(app(), async (old) => {
          await withServer(app({ secrets: [A] }), async (ring) => {
            const s = await openForm(old, '/form');
            const res = await fetch(`${ring}/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie }, body: `${tokenField(s)}name=ada` });
            assert.equal(res.status, 200, 'a token of the old secret is taken by the ring of that key');
          });
        });
      });
      assert.doesNotThrow(() => dojo({ csrf: { secret: B } }));
    });
    assert.ok(warnings.some((w) => w.startsWith('DIJITIZE_CSRF_SECRET is now DIJITIZE_SECRETS')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.startsWith('csrf.secret is now secrets')), warnings.join('\n'));
    assert.throws(() => dojo({ secrets: [A], csrf: { secret: B } }), /csrf\.secret: give secrets only/);
  });
});

describe('the key ring: rotation', () => {
  /** A form opened on `from`, posted to `to`: the status. */
  async function sent(from: string, to: string): Promise<{ status: number; text: string }> {
    const s = await openForm(from, '/form');
    const res = await fetch(`${to}/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie }, body: `${tokenField(s)}name=ada` });
    return { status: res.status, text: await res.text() };
  }

  it('two apps (as two processes) with the ring from DIJITIZE_SECRETS take each other\'s tokens', async () => {
    await withEnv({ DIJITIZE_SECRETS: `${A},${B}` }, async () => {
      await withServer(app(), async (first) => {
        await withServer(app(), async (second) => assert.equal((await sent(first, second)).status, 200));
      });
    });
  });

  it('a form of the old key is taken by the ring [new, old], and refused with the way back by [new] alone', async () => {
    await withServer(app({ secrets: [A] }), async (before) => {
      await withServer(app({ secrets: [B, A] }), async (during) => {
        await withServer(app({ secrets: [B] }), async (after) => {
          assert.equal((await sent(before, during)).status, 200);
          const refused = await sent(before, after);
          assert.equal(refused.status, 403);
          assert.match(refused.text, /or changed its keys\)\. Reload the form and send it again\./);
          // What the rotated ring issues is of the new key: taken once the old one has gone.
          assert.equal((await sent(during, after)).status, 200);
        });
      });
    });
  });

  it('sealed state and kept files\' tokens: made with the newest key, opened with any of the ring, not with a key outside it', () => {
    const old = keyRing([A]);
    const rotated = keyRing([B, A]);
    const later = keyRing([B]);
    const token = sealer(old, 'wizard-state').seal('step 2', 'claim');
    assert.equal(sealer(rotated, 'wizard-state').open(token, 'claim'), 'step 2');
    assert.equal(sealer(later, 'wizard-state').open(token, 'claim'), 'tampered');
    assert.equal(sealer(later, 'wizard-state').open(sealer(rotated, 'wizard-state').seal('step 3', 'claim'), 'claim'), 'step 3');
    assert.equal(sealer(rotated, 'edit-version').open(token, 'claim'), 'tampered', 'another purpose\'s keys');
    const upload = { form: 'f', field: 'file', id: 'a'.repeat(32), name: 'a.png', type: 'image/png', size: 3, expires: Date.now() + 60_000, owner: '' };
    const signed = fileTokens(old).sign(upload);
    assert.deepEqual(fileTokens(rotated).verify(signed), upload);
    assert.equal(fileTokens(later).verify(signed), 'forged');
    assert.equal(fileTokens(keyRing([C])).verify(fileTokens(later).sign(upload)), 'forged');
  });
});
