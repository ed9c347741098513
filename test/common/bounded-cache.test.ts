// BoundedCache: the caches keyed by what requests say (locales) keep at most their size, forgetting the
// least recently used entry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { BoundedCache } from '../../server/common/bounded-cache.js';
import { defineForm } from '../../server/index.js';

describe('BoundedCache', () => {
  it('keeps at most its size, forgetting the least recently used', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // a is now the most recent
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });
});

describe('a form parsed in locales named by requests', () => {
  const form = defineForm('cache-locales', z.object({ hours: z.number() }), { fields: { hours: { label: { 'en-us': 'Hours', de: 'Stunden' } } } });

  it('refuses what is not a locale before keeping anything, naming it', () => {
    assert.throws(() => form.parse({ hours: 'x' }, { locale: '../../etc', defaultLocale: 'en-us' }), /"\.\.\/\.\.\/etc" is not a locale/);
    assert.throws(() => form.parse({ hours: 'x' }, { locale: 'de', defaultLocale: 'EN' }), TypeError);
  });

  it('answers in many distinct locales (each compiled, a bounded number kept), the messages still right', () => {
    for (let i = 0; i < 200; i++) {
      const locale = `de-x${i.toString(36).padStart(4, '0')}`;
      const result = form.parse({ hours: 'x' }, { locale, defaultLocale: 'en-us' });
      assert.equal(result.ok, false);
    }
    const german = form.parse({ hours: '' }, { locale: 'de', defaultLocale: 'en-us' });
    assert.equal(german.ok, false);
    assert.match(german.state.errors['hours'] ?? '', /erforderlich/);
  });
});
