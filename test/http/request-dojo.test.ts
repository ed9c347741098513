// req.dojo itself, without a server: the order of ready callbacks, and what it refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestDojo } from '../new-request-dojo.js';

describe('RequestDojo', () => {
  it('orders ready callbacks: prependReady goes first, onReady appends', () => {
    const d = requestDojo();
    d.onReady('function () { b(); }').onReady('function () { c(); }').prependReady('function () { a(); }');
    assert.deepEqual(
      d.ready.map((r) => (r.kind === 'code' ? r.code : '')),
      ['function () { a(); }', 'function () { b(); }', 'function () { c(); }'],
    );
  });

  it('refuses a bad theme, a bad module id and inline code that would end the script', () => {
    const d = requestDojo();
    assert.throws(() => (d.theme = 'dark' as never), /req.dojo.theme must be one of claro/);
    assert.throws(() => d.require('"><script>'), /is not an AMD module id/);
    assert.throws(() => d.onReady('function () { "</script>"; }'), /cannot be placed inside an inline script/);
  });

  it('refuses inline ready code when a form function is set', () => {
    const d = requestDojo({ formFunction: { module: 'dijitize/forms', fn: 'build' } });
    assert.throws(() => d.onReady('function () {}'), /pass \{ module, fn, args \} instead/);
  });
});
