// dijitize as users get it: `npm pack`, installed into an empty app outside the repo (Express 5 with
// Nunjucks; Express 4 with a template literal and the flat theme from dojo-themes), started, and one form
// filled and sent in Chromium, with nothing for axe to find, a file kept across a refused POST, a live check
// and choices from a source. The tree has one Dojo, 1.17.3. The Express 4 app is then built with
// `dijitize build --app` beside itself, running, and serves the release without a restart.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from '@playwright/test';
import { axeViolations } from '../e2e/axe.js';

const repo = path.resolve(import.meta.dirname, '..');
const npm = (args: string[], cwd: string) => {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8', timeout: 300_000 });
  assert.equal(run.status, 0, `npm ${args.join(' ')}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
};

/** A few lines of an app written for 0.1.0, when every name came from 'dijitize'. */
const OLD_NAMES_APP = `
import { Acl, defineForm, defineWizard, folderStore, inspector, memoryStore, WizardDefinition } from 'dijitize';
import * as z from 'zod';
const acl = new Acl().role('clerk');
const pet = defineForm('pet', z.object({ name: z.string() }));
const wizard = defineWizard('adopt', [{ name: 'pet', form: pet }, { name: 'home', form: defineForm('home', z.object({ town: z.string() })) }]);
console.log('ran:', acl instanceof Acl, wizard instanceof WizardDefinition, typeof inspector(), wizard.steps.length, typeof folderStore('/tmp/x').write === 'function' && typeof memoryStore().claim === 'function');
`;

let tarball = '';
let browser: Browser;

/** An empty app folder outside the repo with the fixture app, and dijitize installed from the tarball. */
function installApp(dependencies: string[], packageJson: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-installed-'));
  fs.cpSync(path.join(repo, 'test-installed/app'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'user-app', private: true, type: 'module', ...packageJson }));
  npm(['install', tarball, ...dependencies], dir);
  return dir;
}

/** Every version of `name` in the app's installed tree. */
function versionsOf(dir: string, name: string): string[] {
  interface Node { version?: string; dependencies?: Record<string, Node> }
  const tree = JSON.parse(npm(['ls', name, '--all', '--json'], dir)) as Node;
  const found = new Set<string>();
  const walk = (node: Node) => {
    for (const [dep, child] of Object.entries(node.dependencies ?? {})) {
      if (dep === name && child.version) found.add(child.version);
      walk(child);
    }
  };
  walk(tree);
  return [...found];
}

/** Starts the app on a free port; resolves once it listens. */
async function startApp(dir: string, env: Record<string, string>): Promise<{ base: string; stop: () => void }> {
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const child: ChildProcess = spawn(process.execPath, ['app.mjs'], { cwd: dir, env: { ...process.env, ...env, PORT: port }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => (d.toString().includes('listening') ? resolve() : undefined));
    child.on('exit', (code) => reject(new Error(`the app exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** Fills and sends the form in Chromium as a user would; returns the page it lands on. */
async function signUp(base: string): Promise<{ page: Page; dojoSrc: string | null; themeCss: string | null }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  await page.locator('#widget_signup-name').waitFor(); // the ValidationTextBox exists
  await page.locator('#signup-name').fill('ada');
  await page.locator('#signup-hours').fill('7.5');
  await Promise.all([page.waitForURL(/\/done$/), page.getByRole('button', { name: 'Sign up' }).click()]);
  assert.deepEqual(errors, []);
  const back = await browser.newPage();
  await back.goto(`${base}/`);
  await back.locator('#widget_signup-name').waitFor();
  assert.deepEqual(await axeViolations(back), [], 'axe on the installed app\'s form page');
  const dojoSrc = await back.locator('script[src$="/dojo.js"]').getAttribute('src');
  const themeCss = await back.locator('link[rel="stylesheet"]').first().getAttribute('href');
  await back.close();
  return { page, dojoSrc, themeCss };
}

/**
 * Opens a form page of the app once its form is ready; `finish` closes it, failing on any script error
 * the page had, and returns the text of the page it ended on.
 */
async function openReadyForm(base: string, path: string, form: string): Promise<{ page: Page; finish(): Promise<string> }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  await page.locator(`#${form}[data-dijitize-ready]`).waitFor();
  return {
    page,
    async finish() {
      const text = (await page.textContent('body')) ?? '';
      assert.deepEqual(errors, []);
      await page.close();
      return text;
    },
  };
}

/** The trip wizard with JavaScript on: Next, Back keeping what was typed unchecked, the skipped-unless step, Finish. */
async function tripInSteps(base: string): Promise<string> {
  const { page, finish } = await openReadyForm(base, '/trip', 'traveller');
  await page.getByLabel('Name').fill('ada');
  await page.getByLabel('Nights').fill('3');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('#stay[data-dijitize-ready]').waitFor();
  assert.match((await page.locator('h2').textContent()) ?? '', /^Step 2 of 2: Stay$/);
  await page.getByLabel('Hotel').fill('x');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.locator('#traveller[data-dijitize-ready]').waitFor();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('#stay[data-dijitize-ready]').waitFor();
  assert.equal(await page.getByLabel('Hotel').inputValue(), 'x');
  await page.getByLabel('Hotel').fill('Ritz');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Finish' }).click()]);
  await page.waitForLoadState();
  return finish();
}

/** A claim with JavaScript on: the file uploads when chosen, is kept across a refused POST, and reaches the handler. */
async function claimWithFile(base: string): Promise<string> {
  const { page, finish } = await openReadyForm(base, '/claim', 'claim');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 0x41), Buffer.from('\n%%EOF\n')]);
  await page.getByLabel('Receipt').setInputFiles({ name: 'train.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#claim-receipt-kept li').waitFor();
  await page.locator('#claim-note').fill('not ok');
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Claim' }).click()]);
  assert.equal(refused.status(), 422);
  await page.locator('#claim[data-dijitize-ready]').waitFor();
  assert.match((await page.locator('#claim-receipt-kept').textContent()) ?? '', /train\.pdf \(1\.1 MB\)/);
  await page.locator('#claim-note').fill('ok');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 200), page.getByRole('button', { name: 'Claim' }).click()]);
  return finish();
}

/** The live check says a taken nick before the form is sent; the city comes from the server as it is typed. */
async function joinWithChecks(base: string): Promise<string> {
  const { page, finish } = await openReadyForm(base, '/join', 'join');
  await page.locator('#join-nick').fill('taken');
  await page.locator('#join-nick').press('Tab');
  await page.locator('#join-nick-error', { hasText: 'That nick is taken.' }).waitFor();
  await page.locator('#join-nick').fill('ann');
  await page.locator('#join-city').pressSequentially('Pr', { delay: 30 });
  await page.locator('.dijitComboBoxMenuPopup .dijitMenuItem', { hasText: 'Pretoria' }).click();
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/join')), page.getByRole('button', { name: 'Join' }).click()]);
  return finish();
}

/** As an employee: the approval is read-only; forcing it on in the page and sending it changes nothing. */
async function cardAsEmployee(base: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${base}/card`);
  await page.locator('#widget_card-hours').waitFor();
  const readOnly = await page.evaluate(() => (window as unknown as { require: (m: string) => { byId(id: string): { get(n: string): unknown; set(n: string, v: unknown): void } } }).require('dijit/registry').byId('card-approved').get('readOnly'));
  assert.equal(readOnly, true);
  await page.locator('#card-hours').fill('7.5');
  // A tampering user: the checkbox made writable and checked in the page, so the POST says approved=on.
  await page.evaluate(() => {
    const box = (window as unknown as { require: (m: string) => { byId(id: string): { set(n: string, v: unknown): void } } }).require('dijit/registry').byId('card-approved');
    box.set('readOnly', false);
    box.set('checked', true);
  });
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save card' }).click()]);
  const text = (await page.textContent('body')) ?? '';
  await page.close();
  return text;
}

describe('the packed package installed into an app', { timeout: 600_000 }, () => {
  before(() => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-pack-'));
    npm(['pack', '--pack-destination', out], repo);
    tarball = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.tgz')) ?? '');
    return chromium
      .launch({
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      })
      .then((b) => void (browser = b));
  });
  after(() => browser?.close());

  it('Express 5 + Nunjucks: one Dojo (1.17.3), express and zod are the app\'s own, a form filled and sent in Chromium', async () => {
    const dir = installApp(['express@5.3.0', 'zod@4.6.7', 'nunjucks@3.2.4']);
    assert.deepEqual(versionsOf(dir, 'dojo'), ['1.17.3']);
    assert.deepEqual(versionsOf(dir, 'express'), ['5.3.0']);
    assert.deepEqual(versionsOf(dir, 'zod'), ['4.6.7']);
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules/dojox')), 'dojox only for apps that add it');
    const api = spawnSync(process.execPath, ['--input-type=module', '-e', "const b = await import('dijitize/build'); console.log(typeof b.build, typeof b.loadBuildConfig)"], { cwd: dir, encoding: 'utf8' });
    assert.equal(api.stdout.trim(), 'function function', api.stderr);
    // Each feature is a subpath; an app written for 0.1.0 (every name from 'dijitize') still runs, told what to write.
    const subpaths = spawnSync(process.execPath, ['--input-type=module', '-e', "for (const s of ['uploads', 'wizards', 'access', 'stores', 'inspector', 'build']) console.log(s, Object.keys(await import('dijitize/' + s)).length > 0)"], { cwd: dir, encoding: 'utf8' });
    assert.equal(subpaths.stdout, 'uploads true\nwizards true\naccess true\nstores true\ninspector true\nbuild true\n', subpaths.stderr);
    // dijitize/s3 needs the AWS SDK, an optional peer this app did not install: the package itself runs without it.
    const s3 = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('dijitize/s3')"], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(s3.status, 0);
    assert.match(s3.stderr, /Cannot find package '@aws-sdk\/client-s3'/);
    const oldApp = spawnSync(process.execPath, ['--input-type=module', '-e', OLD_NAMES_APP], { cwd: dir, encoding: 'utf8' });
    assert.equal(oldApp.stdout.trim(), 'ran: true true function 2 true', oldApp.stderr);
    for (const [name, subpath] of [['Acl', 'access'], ['defineWizard', 'wizards'], ['inspector', 'inspector'], ['memoryStore', 'stores'], ['folderStore', 'uploads']]) {
      assert.ok(oldApp.stderr.includes(`DeprecationWarning: import { ${name} } from 'dijitize' is now import { ${name} } from 'dijitize/${subpath}'`), oldApp.stderr);
    }
    const app = await startApp(dir, { ENGINE: 'nunjucks' });
    try {
      const { page } = await signUp(app.base);
      assert.equal(await page.textContent('body'), 'saved ada 7.5');
      assert.equal((await fetch(`${app.base}/dojo/dijit/tests/form/_autoComplete.html`)).status, 404);
      assert.equal(await cardAsEmployee(app.base), 'saved 7.5 false; ignored approved');
      assert.equal(await claimWithFile(app.base), 'claimed train.pdf 1200016 application/pdf 1200016');
      assert.equal(await joinWithChecks(app.base), 'joined ann pretoria');
      assert.equal(await tripInSteps(app.base), 'trip ada 3 Ritz');
      // No dojo-themes here: req.dojo.theme = 'flat' says what to install, instead of a stylesheet that 404s.
      const flat = await fetch(`${app.base}/flat`);
      assert.equal(flat.status, 500);
      assert.match(await flat.text(), /req\.dojo\.theme = 'flat': the dojo-themes package is not installed; the app uses it, so add it: npm install dojo-themes@1\.14\.1/);
    } finally {
      app.stop();
    }
  });

  it('Express 4 + a template literal + the flat theme (dojo-themes with README\'s overrides): one Dojo; built beside the running app, served without a restart', async () => {
    const dir = installApp(['express@4.22.3', 'zod@4.6.7', 'dojo-themes@1.14.1'], { overrides: { 'dojo-themes': { dojo: '1.17.3', dijit: '1.17.3' } } });
    assert.deepEqual(versionsOf(dir, 'dojo'), ['1.17.3']);
    assert.deepEqual(versionsOf(dir, 'dijit'), ['1.17.3']);
    assert.deepEqual(versionsOf(dir, 'express'), ['4.22.3']);
    const env = { ENGINE: 'literal', THEME: 'flat', RELEASE_DIR: '.dijitize' };
    const app = await startApp(dir, env);
    try {
      const source = await signUp(app.base);
      assert.equal(await source.page.textContent('body'), 'saved ada 7.5');
      assert.equal(source.dojoSrc, '/dojo/dojo/dojo.js');
      assert.equal(source.themeCss, '/dojo/dojo-themes/flat/flat.css');
      assert.equal(await (await fetch(`${app.base}/flat`)).text(), '/dojo/dojo-themes/flat/flat.css');
      // The build imports app.mjs, whose listen() would meet the running app's port.
      const built = spawnSync('npx', ['dijitize', 'build', '--app', 'app.mjs'], { cwd: dir, env: { ...process.env, ...env, PORT: new URL(app.base).port }, encoding: 'utf8', timeout: 300_000 });
      assert.equal(built.status, 0, built.stdout + built.stderr);
      assert.match(built.stdout + built.stderr, /release \S+ in \.dijitize\/releases\//);
      // The server looks at the release link once a second: ask until it serves the new release.
      const giveUp = Date.now() + 10_000;
      while (!(await (await fetch(`${app.base}/flat`)).text()).startsWith('/dojo/release/') && Date.now() < giveUp);
      const release = await signUp(app.base);
      assert.equal(await release.page.textContent('body'), 'saved ada 7.5');
      assert.match(release.dojoSrc ?? '', /^\/dojo\/release\/[^/]+\/dojo\/dojo\.js$/);
      assert.match(release.themeCss ?? '', /^\/dojo\/release\/[^/]+\/dojo-themes\/flat\/flat\.css$/);
      // The release holds what the file field needs (the progress bar, the client's uploads module).
      assert.equal(await claimWithFile(app.base), 'claimed train.pdf 1200016 application/pdf 1200016');
      assert.equal(await tripInSteps(app.base), 'trip ada 3 Ritz');
    } finally {
      app.stop();
    }
  });
});
