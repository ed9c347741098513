// The headers the demo sends as an app should (SECURITY.md): a CSP that needs this request's nonce for
// every script, no framing, no sniffing, a referrer policy; and pages with a CSRF token are never cached.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../demo/app.js';
import { withServer } from '../serve.js';

describe('demo security headers', () => {
  it('every page: CSP with a per-request nonce on every inline script, frame-ancestors, nosniff, Referrer-Policy', async () => {
    await withServer(createApp(), async (base) => {
      for (const path of ['/', '/register', '/timecard']) {
        const res = await fetch(`${base}${path}`);
        const csp = res.headers.get('content-security-policy') ?? '';
        const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
        assert.ok(nonce, `${path}: ${csp}`);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.match(csp, /object-src 'none'/);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('x-frame-options'), 'DENY');
        assert.equal(res.headers.get('referrer-policy'), 'same-origin');
        const scripts = [...(await res.text()).matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
        assert.ok(scripts.length > 0);
        for (const attrs of scripts) assert.ok(attrs.includes(`nonce="${nonce}"`), `${path}: <script${attrs}>`);
      }
      const csp = (await fetch(`${base}/register-csp`)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /^script-src 'self'; .*frame-ancestors 'none'/);
    });
  });

  it('a page with a CSRF token is Cache-Control: no-store; the home page (no form) is not', async () => {
    await withServer(createApp(), async (base) => {
      assert.equal((await fetch(`${base}/register`)).headers.get('cache-control'), 'no-store');
      assert.notEqual((await fetch(`${base}/`)).headers.get('cache-control'), 'no-store');
    });
  });
});
