import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import { once } from 'node:events';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveSettings } from '../../server/index.js';
import { ConfigError, loadBuildConfig, resolveBuildConfig } from '../../server/builder/config.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtureApp = path.join(root, 'test/builder/fixtures/app-without-config.ts');
const emptyFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-config-'));

describe('build config', () => {
  it('with --app and no config file, the build takes the settings of the app\'s own dojo()', async () => {
    process.chdir(emptyFolder());
    const config = await loadBuildConfig({ app: fixtureApp });
    assert.equal(config.app, fixtureApp);
    assert.equal(config.settings.theme, 'nihilo');
    assert.equal(config.settingsSource, "the app's dojo()");
    assert.equal(config.settings.dojoConfig.locale, 'fr');
    assert.deepEqual(config.settings.formFunction, { module: 'dijitize/forms', fn: 'build' });
    assert.deepEqual(config.themes, ['nihilo']);
    assert.equal(config.releaseDir, path.join(process.cwd(), '.dijitize'));
  });

  it('without a config file or --app, the error says what to do', async () => {
    process.chdir(emptyFolder());
    await assert.rejects(loadBuildConfig({}), (err: Error) => err instanceof ConfigError && /no build config at .*dijitize\.config\.js \(write one, or pass --app/.test(err.message));
    await assert.rejects(loadBuildConfig({ file: 'missing.config.js', app: fixtureApp }), /no build config at .*missing\.config\.js/);
  });

  it('themeRules: only the layer\'s widgets by default, every widget on request; another value fails naming the key', () => {
    assert.equal(resolveBuildConfig({}, root, []).themeRules, 'used');
    assert.equal(resolveBuildConfig({ themeRules: 'all' }, root, []).themeRules, 'all');
    assert.throws(() => resolveBuildConfig({ themeRules: 'some' }, root, []), (err: Error) => err instanceof ConfigError && /themeRules/.test(err.message));
  });

  it('settings in the config win over the app\'s', () => {
    const fromApp = [resolveSettings({ theme: 'nihilo' })];
    assert.equal(resolveBuildConfig({ settings: { theme: 'soria' } }, root, fromApp).settings.theme, 'soria');
    assert.equal(resolveBuildConfig({}, root, fromApp).settings.theme, 'nihilo');
    assert.equal(resolveBuildConfig({}, root, []).settings.theme, 'claro');
    assert.equal(resolveBuildConfig({}, root, []).settingsSource, 'the defaults');
    assert.equal(resolveBuildConfig({ settings: {} }, root, fromApp).settingsSource, 'the build config');
  });

  it('several dojo() calls: every theme and form function is built; different locales are an error naming them', () => {
    const fromApp = [resolveSettings({ theme: 'nihilo' }), resolveSettings({ theme: 'tundra', formFunction: { module: 'app/forms', fn: 'start' } })];
    const config = resolveBuildConfig({}, root, fromApp);
    assert.deepEqual(config.themes, ['nihilo', 'tundra']);
    assert.deepEqual(config.modules, ['app/forms']);
    const locales = [resolveSettings({}), resolveSettings({ dojoConfig: { locale: 'de' } })];
    assert.throws(() => resolveBuildConfig({}, root, locales), /different locales \(en-us, de\); name the one to build/);
  });

  it('`dijitize build --app <entry> --dry-run` works with no config file, and exits although the app listens', () => {
    const cli = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'server/builder/cli.ts'), 'build', '--app', fixtureApp, '--dry-run'], {
      cwd: emptyFolder(),
      env: { ...process.env, FIXTURE_LISTEN: '0' },
      encoding: 'utf8',
      timeout: 300_000, // a deadline, never a measure: it only keeps a hung CLI from hanging the suite
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /"dijit\/form\/NumberTextBox"/);
    assert.match(cli.stdout, /"dijit\/form\/DateTextBox"/);
    assert.match(cli.stdout, /"includeLocales": \[\s*"fr"\s*\]/);
  });

  it('`dijitize build --app` beside the running app (its port taken): the app\'s listen is skipped and the build succeeds', async () => {
    const running = net.createServer().listen(0, '127.0.0.1');
    await once(running, 'listening');
    const port = (running.address() as net.AddressInfo).port;
    const out = path.join(emptyFolder(), '.dijitize');
    try {
      const cli = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'server/builder/cli.ts'), 'build', '--app', fixtureApp, '--out', out], {
        cwd: emptyFolder(),
        env: { ...process.env, FIXTURE_LISTEN: String(port) },
        encoding: 'utf8',
        timeout: 600_000,
      });
      assert.equal(cli.status, 0, cli.stdout + cli.stderr);
      assert.match(cli.stdout + cli.stderr, /the app's listen\(\) was skipped: a build never serves/);
      assert.deepEqual(fs.readdirSync(out).sort(), ['current', 'releases']);
    } finally {
      running.close();
    }
  });
});
