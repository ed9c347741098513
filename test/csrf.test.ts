import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { dojo, FormDefinition, type DojoSettings } from '../server/index.js';
import { withServer } from './serve.js';

const form = new FormDefinition('csrf', z.object({ name: z.string() }));

function app(settings: DojoSettings = {}) {
  const a = express();
  a.use(dojo(settings));
  a.get('/form', (req, res) => res.type('html').send(req.dojo.form(form).html));
  const accept: express.RequestHandler = (req, res) => res.json(form.parse(req.body).ok);
  a.post('/form', accept);
  a.post('/hooks/incoming', accept);
  return a;
}

/** GETs the form: its cookie and the token rendered in it. */
async function session(base: string) {
  const res = await fetch(`${base}/form`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie, token };
}
const post = (base: string, path: string, body: string, cookie = '') =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });

describe('CSRF protection (double submit, on by default)', () => {
  it('renders a token in the form and sets an HttpOnly, SameSite=Strict cookie', async () => {
    await withServer(app(), async (base) => {
      const res = await fetch(`${base}/form`);
      assert.match(res.headers.get('set-cookie') ?? '', /^dijitize_csrf=.+; Path=\/; HttpOnly; SameSite=Strict$/);
      assert.match(await res.text(), /<input type="hidden" name="_csrf" value="[^"]{20,}">/);
    });
  });

  it('accepts a POST with the cookie and its token', async () => {
    await withServer(app(), async (base) => {
      const { cookie, token } = await session(base);
      const res = await post(base, '/form', `name=ada&_csrf=${encodeURIComponent(token)}`, cookie);
      assert.equal(res.status, 200);
      assert.equal(await res.json(), true);
    });
  });

  it('answers 403 with a clear page when the token is missing, wrong, or the cookie is absent', async () => {
    await withServer(app(), async (base) => {
      const { cookie, token } = await session(base);
      for (const [body, c] of [['name=ada', cookie], ['name=ada&_csrf=forged', cookie], [`name=ada&_csrf=${encodeURIComponent(token)}`, '']] as const) {
        const res = await post(base, '/form', body, c);
        assert.equal(res.status, 403, body);
        assert.match(await res.text(), /missing or invalid CSRF token/);
      }
      // The server keeps serving.
      assert.equal((await fetch(`${base}/form`)).status, 200);
    });
  });

  it('two forms on one page share one token and one cookie', async () => {
    const a = express();
    a.use(dojo());
    a.get('/two', (req, res) => res.type('html').send(req.dojo.form(form).html + req.dojo.form(form).html));
    await withServer(a, async (base) => {
      const res = await fetch(`${base}/two`);
      const tokens = [...(await res.text()).matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(tokens.length, 2);
      assert.equal(tokens[0], tokens[1]);
      assert.equal(res.headers.getSetCookie().length, 1);
    });
  });

  it('can be turned off per route (exempt paths) or altogether', async () => {
    await withServer(app({ csrf: { exempt: ['/hooks/incoming'] } }), async (base) => {
      assert.equal((await post(base, '/hooks/incoming', 'name=ada')).status, 200);
      assert.equal((await post(base, '/form', 'name=ada')).status, 403);
    });
    await withServer(app({ csrf: false }), async (base) => {
      assert.equal((await post(base, '/form', 'name=ada')).status, 200);
      assert.doesNotMatch(await (await fetch(`${base}/form`)).text(), /_csrf/);
    });
  });

  it('a bad csrf setting fails at start-up naming the key', () => {
    assert.throws(() => dojo({ csrf: { secret: 'short' } }), /csrf.secret: at least 16 characters/);
  });
});
