import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { dojo, type DojoSettings } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';

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
      assert.match(res.headers.get('set-cookie') ?? '', /^dijitize_csrf=[^;]+; Max-Age=43200; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
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
        assert.match(await res.text(), /<h1>This form was not accepted<\/h1>/);
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
    assert.throws(() => dojo({ csrf: { lifetime: 5 } }), /csrf.lifetime: at least 60 seconds/);
  });
});

describe('CSRF hardening', () => {
  /** A form session, then the 403 page's reason for a POST with these extra headers (or "accepted"). */
  const answer = async (res: Response) => (res.status === 403 ? (/<p>(.*)<\/p>/.exec(await res.text())?.[1] ?? '') : `status ${res.status}`);

  it('every refusal says what really happened: no cookie, no token, a token that does not match', async () => {
    await withServer(app(), async (base) => {
      const s = await openForm(base, '/form');
      assert.match(await answer(await s.post('/form', `${tokenField(s)}name=ada`, NO_COOKIE)), /without the security cookie this site set/);
      assert.match(await answer(await s.post('/form', 'name=ada')), /arrived without its security token/);
      assert.match(await answer(await s.post('/form', '_csrf=forged&name=ada')), /security token does not match/);
    });
  });

  it('a form page carries Cache-Control: no-store', async () => {
    await withServer(app(), async (base) => {
      assert.equal((await fetch(`${base}/form`)).headers.get('cache-control'), 'no-store');
    });
  });

  it('refuses unsafe requests the browser marks as cross-site or same-site, or from another Origin, even with a valid token', async () => {
    await withServer(app({ csrf: { trustedOrigins: ['https://admin.example.com'] } }), async (base) => {
      const s = await openForm(base, '/form');
      const post = (headers: Record<string, string>) => s.post('/form', `${tokenField(s)}name=ada`, headers).then(answer);
      assert.match(await post({ 'sec-fetch-site': 'cross-site' }), /your browser says it was sent from another site/);
      assert.match(await post({ 'sec-fetch-site': 'same-site' }), /a sibling domain/);
      assert.match(await post({ origin: 'https://evil.example' }), /your browser says it was sent from another site/);
      assert.match(await post({ origin: 'null' }), /your browser says it was sent from another site/);
      assert.equal(await post({ 'sec-fetch-site': 'same-origin', origin: base }), 'status 200');
      assert.equal(await post({ origin: base }), 'status 200');
      assert.equal(await post({}), 'status 200'); // not a browser: the token decides
      assert.equal(await post({ 'sec-fetch-site': 'cross-site', origin: 'https://admin.example.com' }), 'status 200');
    });
  });

  it('a Secure cookie is named __Host-: a cookie planted by a sibling subdomain (without the prefix) is never read', async () => {
    await withServer(app({ csrf: { secure: true } }), async (base) => {
      const res = await fetch(`${base}/form`);
      assert.match(res.headers.get('set-cookie') ?? '', /^__Host-dijitize_csrf=[^;]+; Max-Age=43200; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/);
      const s = await openForm(base, '/form');
      assert.equal(await answer(await s.post('/form', `${tokenField(s)}name=ada`)), 'status 200');
      // The attacker fetched a valid pair himself and plants the cookie for the parent domain.
      const planted = s.cookie.replace(/^__Host-/, '');
      assert.match(await answer(await s.post('/form', `${tokenField(s)}name=ada`, { cookie: planted })), /without the security cookie this site set/);
    });
  });

  it('binds tokens to the app\'s session when it has one', async () => {
    const bound = app({ csrf: { sessionId: (req) => req.get('x-session') } });
    await withServer(bound, async (base) => {
      const res = await fetch(`${base}/form`, { headers: { 'x-session': 'alice' } });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
      const post = (session: string) =>
        fetch(`${base}/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-session': session }, body: `_csrf=${encodeURIComponent(token)}&name=ada` }).then(answer);
      assert.equal(await post('alice'), 'status 200');
      assert.match(await post('mallory'), /does not match/);
    });
  });

  it('tokens expire after their lifetime (the page says so); a page shows a token with most of its life left', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-01-01T00:00:00Z') });
    const lifetime = 3600;
    await withServer(app({ csrf: { lifetime } }), async (base) => {
      const s = await openForm(base, '/form');
      t.mock.timers.tick(lifetime * 1000 * 0.9);
      assert.equal(await answer(await s.post('/form', `${tokenField(s)}name=ada`)), 'status 200');
      // 0.9 of its life gone: the next page gets a fresh token rather than one about to expire.
      const again = await fetch(`${base}/form`, { headers: { cookie: s.cookie } });
      assert.doesNotMatch(await again.text(), new RegExp(s.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      t.mock.timers.tick(lifetime * 1000 * 0.5);
      assert.match(await answer(await s.post('/form', `${tokenField(s)}name=ada`)), /The form expired: it was opened more than 60 minutes ago/);
    });
  });
});
