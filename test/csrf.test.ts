import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { dojo, FormDefinition, type DojoSettings } from '../server/index.js';
import { openForm, tokenField } from './form-session.js';
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

/** No cookie at all: what a forged cross-site request carries. */
const NO_COOKIE = { cookie: '' };

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
      const s = await openForm(base, '/form');
      const res = await s.post('/form', `${tokenField(s)}name=ada`);
      assert.equal(res.status, 200);
      assert.equal(await res.json(), true);
    });
  });

  it('answers 403 with a clear page when the token is missing, wrong, or the cookie is absent', async () => {
    await withServer(app(), async (base) => {
      const s = await openForm(base, '/form');
      for (const [body, headers] of [['name=ada', {}], ['name=ada&_csrf=forged', {}], [`${tokenField(s)}name=ada`, NO_COOKIE]] as const) {
        const res = await s.post('/form', body, headers);
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
      const s = await openForm(base, '/form');
      assert.equal((await s.post('/hooks/incoming', 'name=ada', NO_COOKIE)).status, 200);
      assert.equal((await s.post('/form', 'name=ada', NO_COOKIE)).status, 403);
    });
    await withServer(app({ csrf: false }), async (base) => {
      const s = await openForm(base, '/form');
      assert.equal((await s.post('/form', 'name=ada', NO_COOKIE)).status, 200);
      assert.doesNotMatch(await (await fetch(`${base}/form`)).text(), /_csrf/);
    });
  });

  it('a bad csrf setting fails at start-up naming the key', () => {
    assert.throws(() => dojo({ csrf: { secret: 'short' } }), /csrf.secret: at least 16 characters/);
  });
});
