import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSettings, SettingsError } from '../../server/index.js';

describe('resolveSettings', () => {
  it('fills in the defaults: claro, async AMD, no parser, en-us', () => {
    const s = resolveSettings();
    assert.equal(s.theme, 'claro');
    assert.equal(s.enabled, true);
    assert.equal(s.prefix, '/dojo');
    assert.equal(s.formFunction, null);
    assert.deepEqual(s.dojoConfig, { async: true, parseOnLoad: false, isDebug: false, locale: 'en-us', packages: [] });
  });

  it('keeps extra dojoConfig keys', () => {
    const s = resolveSettings({ dojoConfig: { isDebug: true, waitSeconds: 5 } as never });
    assert.equal((s.dojoConfig as Record<string, unknown>)['waitSeconds'], 5);
    assert.equal(s.dojoConfig.isDebug, true);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['theme', { theme: 'dark' }, /theme: Invalid option: expected one of "claro"\|"tundra"\|"soria"\|"nihilo"\|"flat"/],
    ['prefix', { prefix: 'dojo' }, /prefix: .*"\/dojo"/],
    ['src', { src: 'dojo.js' }, /src: an absolute URL/],
    ['src ending', { src: 'https://cdn.example/dojo/1.17.3/dojo/dojo.xjs' }, /src: a URL ending in "\/dojo.js"/],
    ['parseOnLoad', { dojoConfig: { parseOnLoad: true } }, /dojoConfig.parseOnLoad: Invalid input: expected false/],
    ['async', { dojoConfig: { async: false } }, /dojoConfig.async/],
    ['locale', { dojoConfig: { locale: 'en_US' } }, /dojoConfig.locale: a lower-case locale/],
    ['packages', { dojoConfig: { packages: [{ name: 'a/b', location: '/x' }] } }, /dojoConfig.packages.0.name/],
    ['formFunction', { formFunction: { module: 'app/forms', fn: 'not a name' } }, /formFunction.fn: a JavaScript function name/],
    ['unknown key', { theem: 'claro' }, /Unrecognized key: "theem"/],
    ['enabled', { enabled: 'yes' }, /enabled: Invalid input: expected boolean/],
  ];
  for (const [what, input, message] of bad) {
    it(`rejects a bad ${what}, naming the key`, () => {
      assert.throws(() => resolveSettings(input as never), (err: unknown) => {
        assert.ok(err instanceof SettingsError);
        assert.match(err.message, message);
        return true;
      });
    });
  }

  it('accepts a CDN dojo.js', () => {
    const s = resolveSettings({ src: 'https://ajax.googleapis.com/ajax/libs/dojo/1.17.3/dojo/dojo.js' });
    assert.equal(s.src, 'https://ajax.googleapis.com/ajax/libs/dojo/1.17.3/dojo/dojo.js');
  });
});
