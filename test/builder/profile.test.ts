import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { FormDefinition } from '../../server/forms/define.js';
import { planBuild } from '../../server/builder/build.js';
import { resolveBuildConfig } from '../../server/builder/config.js';
import { register, timecard } from '../../demo/forms.js';
import { demoBuildConfig } from '../../demo/build-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const config = resolveBuildConfig(demoBuildConfig, root);
/** A scratch folder a build would make: planning never makes it. */
const work = () => path.join(os.tmpdir(), `dijitize-plan-${process.pid}-${Math.random().toString(16).slice(2)}`);

describe('build profile', () => {
  it('one boot layer holding the loader, every widget of every form, the client modules and the app modules', () => {
    const { profile, packages } = planBuild(config, work(), [register, timecard]);
    const layer = (profile['layers'] as Record<string, { include: string[]; boot: boolean; includeLocales: string[] }>)['dojo/dojo'];
    assert.ok(layer);
    assert.equal(layer.boot, true);
    assert.deepEqual(layer.includeLocales, ['en-us', 'de', 'ar'], 'every locale of the app');
    for (const mid of ['dojo/dojo', 'dojo/domReady', 'dijitize/Form', 'dijit/form/Button', 'dijit/form/ValidationTextBox', 'dijit/form/DateTextBox',
      'dijit/form/TimeTextBox', 'dijit/form/NumberSpinner', 'dijit/form/FilteringSelect', 'dijit/form/MultiSelect', 'dijit/form/CheckBox',
      'dijit/form/SimpleTextarea', 'dijitize/formSupport', 'dijitize/forms', 'dijitize/start', 'demo/home']) {
      assert.ok(layer.include.includes(mid), mid);
    }
    assert.equal(new Set(layer.include).size, layer.include.length);
    assert.deepEqual(packages.map((p) => p.name), ['dojo', 'dijit', 'dijitize', 'dojo-themes', 'demo']);
    assert.equal(profile['layerOptimize'], 'uglify');
    assert.equal(profile['cssOptimize'], 'comments');
    assert.deepEqual(profile['localeList'], ['en-us', 'de', 'ar']);
    // The layer's code for Node, Rhino, old IE and the loader's debugging aids is left out at build time.
    const features = profile['staticHasFeatures'] as Record<string, number>;
    assert.equal(features['host-browser'], 1);
    assert.equal(features['host-node'], 0);
    assert.equal(features['dojo-trace-api'], 0);
    assert.ok(!('ie' in features) && !('dojo-sync-loader' in features), 'browser sniffs and the legacy loader are left to run time');
  });

  it('plans without writing: the scratch folder it names stays unmade, even with the flat theme to stage', () => {
    const scratch = work();
    const { packages } = planBuild({ ...config, themes: ['flat'] }, scratch, [register]);
    assert.equal(packages.find((p) => p.name === 'dojo-themes')?.location, path.join(scratch, 'stage', 'dojo-themes'));
    assert.equal(fs.existsSync(scratch), false);
  });

  it('only the modules the forms use: a form without dates has no DateTextBox; dojox only when needed', () => {
    const small = new FormDefinition('small', z.object({ name: z.string() }));
    const { profile, packages } = planBuild({ ...config, themes: ['claro'], modules: [] }, work(), [small]);
    const include = (profile['layers'] as Record<string, { include: string[] }>)['dojo/dojo']?.include ?? [];
    assert.ok(!include.includes('dijit/form/DateTextBox'));
    assert.ok(!packages.some((p) => p.name === 'dojox' || p.name === 'dojo-themes'));
    const withDojox = planBuild({ ...config, themes: ['claro'], modules: ['dojox/validate'] }, work(), [small]);
    assert.ok(withDojox.packages.some((p) => p.name === 'dojox'));
  });

  it('a missing module fails before the build, naming the form and field', () => {
    const custom = new FormDefinition('custom', z.object({ code: z.string() }), { fields: { code: { widget: { module: 'demo/CodeBox', base: 'dijit/form/ValidationTextBox' } } } });
    assert.throws(() => planBuild(config, work(), [custom]), /module "demo\/CodeBox" \(needed by form "custom", field "code"\) does not exist/);
    const elsewhere = new FormDefinition('elsewhere', z.object({ code: z.string() }), { fields: { code: { widget: { module: 'acme/CodeBox', base: 'dijit/form/TextBox' } } } });
    assert.throws(() => planBuild(config, work(), [elsewhere]), /module "acme\/CodeBox" \(needed by form "elsewhere", field "code"\) is in no package/);
  });

  it('a bad build config is refused naming the key', () => {
    assert.throws(() => resolveBuildConfig({ keep: 0 }, root), /keep: Too small/);
    assert.throws(() => resolveBuildConfig({ themes: ['dark'] }, root), /themes.0: Invalid option/);
    assert.throws(() => resolveBuildConfig({ settings: { theme: 'dark' } }, root), /settings: Invalid dijitize settings:\n  theme/);
    assert.throws(() => resolveBuildConfig({ packages: { app: './nowhere' } }, root), /packages.app: the folder .*nowhere does not exist/);
  });
});
