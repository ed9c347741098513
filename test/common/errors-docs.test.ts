// Every start-up mistake ends by naming the docs page that explains the fix, and every page it can name
// ships with the package (docs/ is in package.json's files).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { Acl, AccessError } from '../../server/access/index.js';
import { defineForm, dojo, FormDefinitionError, SettingsError } from '../../server/index.js';
import { DOCS_PAGES } from '../../server/common/errors.js';
import { resolveBuildConfig, ConfigError } from '../../server/builder/config.js';

const root = path.resolve(import.meta.dirname, '../..');
const pageOf = (err: unknown): string => /\nSee node_modules\/dijitize\/docs\/([a-z-]+)\.md$/.exec((err as Error).message)?.[1] ?? '(none)';
const thrown = (make: () => unknown): unknown => {
  try {
    make();
  } catch (err) {
    return err;
  }
  assert.fail('it did not throw');
};

describe('errors name their docs page', () => {
  it('every page an error can name is a file of docs/, and docs/ ships with the package', () => {
    for (const page of DOCS_PAGES) assert.ok(fs.existsSync(path.join(root, 'docs', `${page}.md`)), page);
    const files = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
    assert.ok(files.includes('docs'));
  });

  it('a form mistake names the page of its subject', () => {
    const widget = thrown(() => defineForm('docs-widget', z.object({ a: z.number() }), { fields: { a: { widget: 'dijit/form/CheckBox' } } }));
    assert.ok(widget instanceof FormDefinitionError);
    assert.match((widget as Error).message, /^Form "docs-widget", field "a": dijit\/form\/CheckBox does not fit a number field/);
    assert.equal(pageOf(widget), 'forms');
    assert.equal(pageOf(thrown(() => defineForm('docs-file', z.object({ f: z.file() }), { fields: { f: { widget: 'dijit/form/TextBox' } as never } }))), 'uploads');
    assert.equal(pageOf(thrown(() => defineForm('docs-source', z.object({ n: z.number() }), { fields: { n: { choices: { search: async () => ({ items: [], total: 0 }), get: async () => null } } } }))), 'live-checks');
    assert.equal(pageOf(thrown(() => defineForm('docs-rows', z.object({ n: z.number() }), { fields: { n: { maxRows: 3 } as never } }))), 'shapes');
  });

  it('settings, access and build config mistakes name theirs', () => {
    const settings = thrown(() => dojo({ theme: 'nope' as never }));
    assert.ok(settings instanceof SettingsError);
    assert.equal(pageOf(settings), 'forms');
    const access = thrown(() => new Acl().role('clerk', ['nobody']));
    assert.ok(access instanceof AccessError);
    assert.equal(pageOf(access), 'access');
    const config = thrown(() => resolveBuildConfig({ keep: 0 }, root));
    assert.ok(config instanceof ConfigError);
    assert.equal(pageOf(config), 'build-and-deploy');
  });
});
