// A newcomer's first ten minutes, as README tells them: the packed package's `dijitize init` makes an app
// in an empty folder outside the repo; installed, its own test (Playwright, with JavaScript and without)
// passes, and `dijitize explain` prints its form. What init writes is what a user gets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';

const repo = path.resolve(import.meta.dirname, '..');

/** Runs a command to its end (a deadline, never a measure: it only keeps a hung one from hanging the suite). */
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) => {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, ...env } });
  assert.equal(done.status, 0, `${command} ${args.join(' ')}:\n${done.stdout}\n${done.stderr}`);
  return done;
};
const npm = (args: string[], cwd: string, env: Record<string, string> = {}) => run('npm', [...args, '--no-audit', '--no-fund'], cwd, env);

describe('dijitize init, from the packed package', { timeout: 900_000 }, () => {
  let tarball = '';
  let app = '';
  before(() => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-pack-'));
    npm(['pack', '--pack-destination', out], repo);
    tarball = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.tgz')) ?? '');
    // The tool as a user runs it once (npx): installed into a scratch folder.
    const tool = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-tool-'));
    fs.writeFileSync(path.join(tool, 'package.json'), '{"private":true}');
    npm(['install', tarball], tool);
    app = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-init-')), 'my-app');
    run(path.join(tool, 'node_modules/.bin/dijitize'), ['init', app], tool);
  });

  it('makes the app, and says the two commands', () => {
    for (const file of ['app.js', 'forms.js', 'templates/form.html', 'dijitize.config.js', 'playwright.config.js', 'tests/contact.spec.js', 'README.md', '.gitignore', 'package.json']) {
      assert.ok(fs.existsSync(path.join(app, file)), file);
    }
    const readme = fs.readFileSync(path.join(app, 'README.md'), 'utf8');
    assert.match(readme, /^# my-app$/m);
    assert.match(readme, /npm install && npm start/);
    assert.match(readme, /npm test/);
  });

  it('takes dijitize from the tarball it was made with, so that npm install works as its README says', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(pkg.dependencies['dijitize'], `file:${fs.realpathSync(tarball)}`);
  });

  it("installed, the app's own test passes in Chromium", () => {
    // As its README says: npm install, which takes dijitize from the tarball init was run from.
    npm(['install'], app);
    const tested = npm(['test'], app, { CHROMIUM_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', TEST_PORT: String(20_000 + Math.floor(Math.random() * 20_000)), CI: 'true' });
    assert.match(tested.stdout, /2 passed/);
  });

  it('`dijitize explain --app app.js` prints its form', () => {
    const explained = run(path.join(app, 'node_modules/.bin/dijitize'), ['explain', '--app', 'app.js'], app);
    assert.match(explained.stdout, /Form "contact" POST/);
    assert.match(explained.stdout, /│ message +│ string +│ SimpleTextarea/);
  });

  it('refuses a folder that holds anything', () => {
    const init = spawnSync(path.join(app, 'node_modules/.bin/dijitize'), ['init', app], { cwd: app, encoding: 'utf8' });
    assert.equal(init.status, 1);
    assert.match(init.stderr, /is not empty; give init a new folder/);
  });
});
