// The live check endpoint (`<prefix>/check`): a field of a defined form, checked as its POST would be,
// CSRF-protected, rate-limited per client (in memory, or in Redis shared by processes), for the roles
// the request has; bad requests get a 4xx that says why, a failing check a 503, never a 500.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { createClient } from 'redis';
import { RedisStore } from 'rate-limit-redis';
import { createApp } from '../../demo/app.js';
import { Acl } from '../../server/access/index.js';
import { defineForm, dojo, type DojoSettings } from '../../server/index.js';
import { openForm, tokenField, type FormSession } from '../form-session.js';
import { withServer } from '../serve.js';
import { withRedis } from '../redis-server.js';

const check = (s: FormSession, fields: string) => s.post('/dojo/check', `${tokenField(s)}${fields}`);
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

describe('live checks', () => {
  it('answer a field\'s message (its check, or its schema\'s) or null, with the form\'s values', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      assert.match(await (await fetch(`${base}/register`)).text(), /<input type="hidden" name="_form_name" value="register">/);
      const taken = await answer(await check(s, '_form_name=register&_check_field=username&username=Root&email=x'));
      assert.deepEqual(taken, { status: 200, body: { message: 'That username is taken.', html: 'That username is taken.', warning: null } });
      assert.deepEqual((await answer(await check(s, '_form_name=register&_check_field=username&username=ada_99'))).body, { message: null, html: null, warning: null });
      // The schema's own verdict comes too, in the request's locale.
      const short = await answer(await s.post('/dojo/check?lang=de', `${tokenField(s)}_form_name=register&_check_field=username&username=%3C`));
      assert.equal(short.status, 200);
      assert.match(String(short.body['message']), /./);
      assert.equal(short.body['html'], String(short.body['message']).replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    });
  });

  it('refuse without a CSRF token (403), with names missing (400), an unknown form or field, or one without a check (404)', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      assert.equal((await s.post('/dojo/check', '_form_name=register&_check_field=username&username=x')).status, 403);
      assert.deepEqual(await answer(await check(s, 'username=x')), { status: 400, body: { error: 'Name the form and the field.' } });
      assert.equal((await check(s, '_form_name=nope&_check_field=username')).status, 404);
      assert.equal((await check(s, '_form_name=register&_check_field=nope')).status, 404);
      assert.deepEqual(await answer(await check(s, '_form_name=register&_check_field=email&email=a%40b.c')), { status: 404, body: { error: 'The field "email" has no server check.' } });
      assert.equal((await check(s, '_form_name=register&_check_field=username&_check_field=email')).status, 400);
    });
  });

  it('answer a field\'s warning, escaped, with the token its "Send it anyway" box posts', async () => {
    const claims = defineForm('live-claims', z.object({ amount: z.number(), note: z.string() }), { fields: { amount: { warn: (n) => (Number(n) > 900 ? 'More than <b>900</b>?' : null) } } });
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const high = await answer(await check(s, '_form_name=live-claims&_check_field=amount&amount=1000&note=x'));
      const token = (await claims.parseAsync({ amount: '1000', note: 'x' })).state.warnings?.['amount']?.token;
      assert.deepEqual(high, { status: 200, body: { message: null, html: null, warning: { html: 'More than &lt;b&gt;900&lt;/b&gt;?', token } } });
      assert.deepEqual((await answer(await check(s, '_form_name=live-claims&_check_field=amount&amount=10&note=x'))).body, { message: null, html: null, warning: null });
    });
  });

  it('a check that throws answers 503 (the page shows nothing; the server decides at submit)', async () => {
    defineForm('live-broken', z.object({ name: z.string() }), { fields: { name: { check: () => { throw new Error('database down'); } } } });
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const res = await answer(await check(s, '_form_name=live-broken&_check_field=name&name=x'));
      assert.equal(res.status, 503);
      assert.match(String(res.body['error']), /checked again when it is sent/);
    });
  });

  it('answer only for fields the request\'s roles may change (the roles setting)', async () => {
    const acl = new Acl().role('guest').role('clerk', ['guest']).allow('guest', 'ledger', 'read').allow('clerk', 'ledger', 'write');
    defineForm('live-ledger', z.object({ entry: z.string() }), {
      access: { acl, see: { resource: 'ledger', privilege: 'read' }, change: { resource: 'ledger', privilege: 'write' } },
      fields: { entry: { check: (v) => (v === 'dup' ? 'Already entered.' : null) } },
    });
    const app = (settings: DojoSettings) => {
      const a = express();
      a.use(dojo({ ...settings, csrf: false }));
      return a;
    };
    const post = (base: string, role?: string) =>
      fetch(`${base}/dojo/check`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(role ? { 'x-role': role } : {}) }, body: '_form_name=live-ledger&_check_field=entry&entry=dup' });
    await withServer(app({}), async (base) => {
      assert.equal((await post(base, 'clerk')).status, 403, 'no roles setting: the endpoint cannot know');
    });
    await withServer(app({ roles: (req) => [req.get('x-role') ?? 'nobody'] }), async (base) => {
      assert.deepEqual(await answer(await post(base, 'clerk')), { status: 200, body: { message: 'Already entered.', html: 'Already entered.', warning: null } });
      assert.equal((await post(base, 'guest')).status, 404, 'a guest may see the entry, not change it');
      assert.equal((await post(base, 'nobody')).status, 403);
    });
  });

  it('are rate-limited per client: past the limit, 429 with a reason and the RateLimit headers', async () => {
    await withServer(createApp({ rateLimit: { limit: 3, window: 60 } }), async (base) => {
      const s = await openForm(base, '/register');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await check(s, '_form_name=register&_check_field=username&username=ada_99')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const over = await check(s, '_form_name=register&_check_field=username&username=ada_99');
      assert.match(((await over.json()) as { error: string }).error, /at most 3 in 60 seconds/);
      assert.match(over.headers.get('ratelimit') ?? '', /r=0/);
    });
  });

  it('one limit for every process that shares a Redis store (rate-limit-redis)', async () => {
    await withRedis(async (url) => {
      const client = createClient({ url });
      await client.connect();
      try {
        // Two apps, as two processes would be: each its own dojo(), one Redis.
        const store = (prefix: string) => new RedisStore({ sendCommand: (...args: string[]) => client.sendCommand(args), prefix });
        await withServer(createApp({ rateLimit: { limit: 4, store: store('dijitize-test:') } }), async (one) => {
          await withServer(createApp({ rateLimit: { limit: 4, store: store('dijitize-test:') } }), async (two) => {
            const s1 = await openForm(one, '/register');
            const s2 = await openForm(two, '/register');
            const statuses = [];
            for (let i = 0; i < 3; i++) {
              statuses.push((await check(s1, '_form_name=register&_check_field=username&username=ada_99')).status);
              statuses.push((await check(s2, '_form_name=register&_check_field=username&username=ada_99')).status);
            }
            assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
          });
        });
      } finally {
        await client.quit();
      }
    });
  });
});
