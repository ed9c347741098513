// `dijitize explain --app <entry> [form]`: the CLI imports the app (its listen skipped) and prints each
// form's mapping as a table: plain text when piped, an error naming the known forms for an unknown one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const fixtureApp = path.join(root, 'test/builder/fixtures/app-without-config.ts');

const explain = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'server/builder/cli.ts'), 'explain', '--app', fixtureApp, ...args], {
    cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-explain-')),
    env: { ...process.env, FIXTURE_LISTEN: '0' },
    encoding: 'utf8',
    timeout: 300_000, // a deadline, never a measure: it only keeps a hung CLI from hanging the suite
  });

describe('dijitize explain', () => {
  it("prints a form's fields: facts, the widget and why, each property and the constraint it came from", () => {
    const cli = explain('feedback');
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /Form "feedback" POST/);
    assert.match(cli.stdout, /│ rating +│ number +│ NumberTextBox +│ required = true ← required/);
    assert.match(cli.stdout, /constraints\.max = 5 ← max/);
    assert.match(cli.stdout, /constraints\.places = 0 ← places/);
    assert.match(cli.stdout, /│ day +│ isoDate +│ DateTextBox/);
    assert.match(cli.stdout, /Modules: dijitize\/Form, dijit\/form\/Button, dijit\/form\/NumberTextBox, dijit\/form\/DateTextBox/);
    assert.doesNotMatch(cli.stdout, /\x1b\[/, 'no colours when piped');
  });

  it('names the forms the app has when asked for one it has not', () => {
    const cli = explain('nope');
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /no form "nope"; the app defines: .*feedback/);
  });
});
