// Resumable uploads in the browser (tus): a 50 MB file whose connection is cut halfway goes on by itself
// and arrives byte for byte; offline halfway (a laptop shut), it says that it waits and goes on when
// the connection is back; cut and held until the page is reloaded, the same file chosen again goes on
// from where it stopped, not from zero; the progress and scan states have nothing for axe to find.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';

const SIZE = 50 * 1024 * 1024;
const HALF = SIZE / 2;
let file = '';
let sha = '';

test.beforeAll(() => {
  const bytes = crypto.randomBytes(SIZE);
  sha = crypto.createHash('sha256').update(bytes).digest('hex');
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-e2e-archive-')), 'scan.bin');
  fs.writeFileSync(file, bytes);
});
test.afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

/** The test server's count of the largest upload since the reset. */
const received = async (page: Page) => (await (await page.request.get('/test/uploads/received')).json()) as { bytes: number; heads: number; scanning: boolean };

/**
 * The connection drops under the chunk that starts at HALF (5 MB chunks: the sixth): it never reaches the
 * server. With `until`, every request of the upload after it fails too, until that promise settles.
 */
async function cutAtHalf(page: Page, until?: Promise<void>): Promise<{ cut: Promise<void> }> {
  let cutDone = () => {};
  const cut = new Promise<void>((resolve) => (cutDone = resolve));
  let down = false;
  let cutOnce = false;
  await page.route('**/dojo/uploads/*', async (route) => {
    const offset = Number(route.request().headers()['upload-offset'] ?? -1);
    if (!cutOnce && route.request().method() === 'PATCH' && offset >= HALF) {
      cutOnce = true;
      down = Boolean(until);
      cutDone();
      return route.abort('connectionreset');
    }
    if (down) return route.abort('connectionreset');
    return route.continue();
  });
  void until?.then(() => (down = false));
  return { cut };
}
/** A call to the test server's hands on the uploads (reset, scan-wait, scan-release). */
const hands = async (page: Page, what: string) => expect((await page.request.post(`/test/uploads/${what}`)).status()).toBe(200);

async function openArchive(page: Page): Promise<void> {
  await page.goto('/archive');
  await page.locator('#archive[data-dijitize-ready]').waitFor();
  await page.getByLabel('Title').fill('Scans of 2026');
}

/** Sends the form once the document is kept, and reads the done page's line for it. */
async function archived(page: Page): Promise<string> {
  await expect(page.locator('#archive-document-kept')).toContainText('scan.bin (50 MB)', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page).toHaveURL(/\/archive\/done$/);
  return (await page.locator('#saved dd[data-field="document"]').textContent()) ?? '';
}

test.describe('JavaScript on', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ bypassCSP: true }); // axe is injected

  test('a 50 MB upload whose connection is cut halfway goes on by itself and arrives byte for byte', async ({ page }) => {
    test.setTimeout(120_000);
    await hands(page, 'reset');
    const { cut } = await cutAtHalf(page);
    await openArchive(page);
    await page.getByLabel('Document').setInputFiles(file);
    await cut;
    expect(await archived(page)).toBe(`scan.bin ${SIZE} ${sha}`);
    const after = await received(page);
    expect(after.heads, 'it asked where to go on').toBeGreaterThanOrEqual(1);
    expect(after.bytes, 'each byte sent once').toBe(SIZE);
  });

  test('the browser goes offline halfway (a laptop shut): the page says it waits, and goes on when the connection is back', async ({ page, context }) => {
    test.setTimeout(120_000);
    await hands(page, 'reset');
    let offline = () => {};
    const wentOffline = new Promise<void>((resolve) => (offline = resolve));
    let once = false;
    await page.route('**/dojo/uploads/*', async (route) => {
      if (!once && route.request().method() === 'PATCH' && Number(route.request().headers()['upload-offset'] ?? -1) >= HALF) {
        once = true;
        await context.setOffline(true);
        offline();
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await openArchive(page);
    await page.getByLabel('Document').setInputFiles(file);
    await wentOffline;
    await expect(page.locator('.dijitize-upload')).toContainText('No connection: scan.bin goes on uploading when it is back.');
    expect(await axeViolations(page)).toEqual([]);
    await context.setOffline(false);
    expect(await archived(page)).toBe(`scan.bin ${SIZE} ${sha}`);
    expect((await received(page)).bytes, 'gone on from the half it had: each byte sent once').toBe(SIZE);
  });

  test('cut and held until the page is reloaded: the same file chosen again goes on from where it stopped', async ({ page }) => {
    test.setTimeout(120_000);
    await hands(page, 'reset');
    let reloaded = () => {};
    const { cut } = await cutAtHalf(page, new Promise<void>((resolve) => (reloaded = resolve)));
    await openArchive(page);
    await page.getByLabel('Document').setInputFiles(file);
    await cut;
    // Meanwhile, the progress as the user sees it: nothing for axe to find.
    await expect(page.locator('.dijitize-upload .dijitProgressBar')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await page.locator('#archive[data-dijitize-ready]').waitFor();
    reloaded();
    await page.getByLabel('Title').fill('Scans of 2026');
    await page.getByLabel('Document').setInputFiles(file);
    expect(await archived(page)).toBe(`scan.bin ${SIZE} ${sha}`);
    const after = await received(page);
    expect(after.heads, 'it asked where to go on').toBeGreaterThanOrEqual(1);
    expect(after.bytes, 'gone on from the half it had: each byte sent once').toBe(SIZE);
  });

  test('a complete upload says it is checked for viruses while the scan runs; the state has nothing for axe to find', async ({ page }) => {
    test.setTimeout(120_000);
    await hands(page, 'reset');
    await hands(page, 'scan-wait');
    await openArchive(page);
    await page.getByLabel('Document').setInputFiles(file);
    await expect(page.locator('.dijitize-upload')).toContainText('Checking scan.bin for viruses…');
    expect(await axeViolations(page)).toEqual([]);
    await hands(page, 'scan-release');
    expect(await archived(page)).toBe(`scan.bin ${SIZE} ${sha}`);
  });
});
