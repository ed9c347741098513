// The expense form's files, in Chromium. JavaScript off: the files go with the form, a refused claim
// keeps the receipt (shown, posted again as a token), the valid claim delivers its bytes. JavaScript on:
// each file is checked in the page with the server's messages, uploaded at once (a large one with a
// progress bar and a cancel button, the form usable meanwhile), kept across a refused claim, delivered.
import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { submitForm } from './submit.js';
import { axeViolations } from './axe.js';

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(size - 16), Buffer.from('\n%%EOF\n')]);
const FUTURE = '2999-01-01';

/** The done page's line for a field. */
const saved = (page: Page, field: string) => page.locator(`#saved dd[data-field="${field}"]`);

async function fillClaim(page: Page, spentOn: string): Promise<void> {
  await page.getByLabel('Amount (EUR)').fill('42');
  await page.getByLabel('Date spent').fill(spentOn);
  await page.getByLabel('Description').fill('Train to Leeds');
}

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a refused claim keeps the receipt (name, size, Remove), and the valid claim delivers its bytes', async ({ page }) => {
    const receipt = pdf(40_000);
    await page.goto('/expense');
    await fillClaim(page, FUTURE);
    await page.getByLabel('Receipt').setInputFiles({ name: 'ticket.pdf', mimeType: 'application/pdf', buffer: receipt });
    const refused = await submitForm(page, page.getByRole('button', { name: 'Claim' }));
    expect(refused.status()).toBe(422);
    await page.waitForLoadState();
    await expect(page.locator('#expense-spentOn-error')).toHaveText('The date cannot be in the future.');
    await expect(page.locator('#expense-receipt-kept')).toContainText('ticket.pdf (39.1 KB)');
    await expect(page.getByRole('checkbox', { name: 'Remove ticket.pdf' })).not.toBeChecked();

    // The date is fixed; the receipt is not chosen again.
    await page.getByLabel('Date spent').fill('2026-11-01');
    const accepted = await submitForm(page, page.getByRole('button', { name: 'Claim' }));
    expect(accepted.status()).toBe(303);
    await expect(page).toHaveURL(/\/expense\/done$/);
    await expect(saved(page, 'receipt')).toHaveText(`ticket.pdf (40000 bytes, application/pdf, sha256 ${sha256(receipt)})`);
  });

  test('a file that lies about its type is refused with the field\'s message, and nothing of it is kept', async ({ page }) => {
    await page.goto('/expense');
    await fillClaim(page, '2026-11-01');
    await page.getByLabel('Receipt').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a but not really') });
    expect((await submitForm(page, page.getByRole('button', { name: 'Claim' }))).status()).toBe(422);
    await page.waitForLoadState();
    await expect(page.locator('#expense-receipt-error')).toHaveText('"photo.png" is not a file of the types this field takes (PNG, JPEG, PDF).');
    await expect(page.locator('#expense-receipt-kept li')).toHaveCount(0);
  });
});

test.describe('JavaScript on', () => {
  const ready = (page: Page) => page.waitForSelector('#expense[data-dijitize-ready]');
  /** Holds the page's uploads of chosen files until the returned function is called (a fast machine would end them first). */
  /** Holds each file's last chunk (its PATCH to dojo()'s tus endpoint) until released. */
  const holdUploads = async (page: Page): Promise<() => void> => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/dojo/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH') await held;
      await route.continue();
    });
    return () => release();
  };
  /** The answer to a file's upload: the PATCH that completes it. */
  const uploadAnswered = (page: Page) => page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/dojo/uploads/'));

  test('a large file uploads at once with a progress bar; kept across a refused claim; delivered by the valid one', async ({ page }) => {
    const receipt = pdf(1_500_000);
    await page.goto('/expense');
    await ready(page);
    await fillClaim(page, '1/1/2999'); // as the DateTextBox takes it (en-us)
    // The upload is held until the bar has been seen: on a fast machine it would be over before.
    const release = await holdUploads(page);
    const uploaded = uploadAnswered(page);
    await page.getByLabel('Receipt').setInputFiles({ name: 'hotel.pdf', mimeType: 'application/pdf', buffer: receipt });
    await expect(page.getByRole('progressbar', { name: 'Uploading hotel.pdf' })).toBeAttached();
    release();
    expect((await uploaded).status()).toBe(200);
    await expect(page.locator('#expense-receipt-kept')).toContainText('hotel.pdf (1.4 MB)');
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    const refused = await submitForm(page, page.getByRole('button', { name: 'Claim' }));
    expect(refused.status()).toBe(422);
    expect(refused.request().postData() ?? '').not.toContain('%PDF'); // the form posts the token, not the bytes again
    await ready(page);
    await expect(page.locator('#expense-receipt-kept')).toContainText('hotel.pdf (1.4 MB)');

    await page.getByLabel('Date spent').fill('11/01/2026');
    expect((await submitForm(page, page.getByRole('button', { name: 'Claim' }))).status()).toBe(303);
    await expect(saved(page, 'receipt')).toHaveText(`hotel.pdf (1500000 bytes, application/pdf, sha256 ${sha256(receipt)})`);
  });

  test('the page checks size, count and type with the server\'s messages; the server checks the bytes', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
    await page.goto('/expense');
    await ready(page);
    const attachments = page.getByLabel('Attachments');
    await attachments.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: pdf(2_200_000) });
    await expect(page.locator('#expense-attachments-error')).toHaveText('"huge.pdf" is larger than 2 MB.');
    await attachments.setInputFiles(['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.pdf`, mimeType: 'application/pdf', buffer: pdf(100) })));
    await expect(page.locator('#expense-attachments-error')).toHaveText('Choose at most 3 files.');
    await attachments.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.locator('#expense-attachments-error')).toHaveText('"notes.txt" is not a file of the types this field takes (PNG, JPEG, PDF).');
    expect(posts).toEqual([]); // none of these was sent
    // A liar passes the page's check (it trusts the name's type) and meets the server's (the bytes).
    await attachments.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
    await expect(page.locator('#expense-attachments-error')).toHaveText('"scan.png" is not a file of the types this field takes (PNG, JPEG, PDF).');
    expect(posts).toHaveLength(1);
    await expect(page.locator('#expense-attachments')).toHaveAttribute('aria-invalid', 'true');
  });

  test('Send pressed during a 2 MB upload is remembered: the page says so, and the form is sent once the upload ends', async ({ page }) => {
    const receipt = pdf(2_000_000);
    await page.goto('/expense');
    await ready(page);
    const release = await holdUploads(page);
    await page.getByLabel('Receipt').setInputFiles({ name: 'hotel.pdf', mimeType: 'application/pdf', buffer: receipt });
    await fillClaim(page, '11/1/2026');
    await expect(page.getByRole('progressbar', { name: 'Uploading hotel.pdf' })).toBeAttached();
    const posts: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && !r.url().includes('/dojo/uploads') && posts.push(r.url())));
    await page.getByRole('button', { name: 'Claim' }).click();
    const waiting = page.getByRole('status').filter({ hasText: 'The form will be sent when the upload ends.' });
    await expect(waiting).toBeVisible();
    await expect(waiting.getByRole('button', { name: 'Do not send it' })).toBeVisible();
    expect(posts).toEqual([]);
    release();
    await expect(page).toHaveURL(/\/expense\/done$/);
    expect(posts).toHaveLength(1);
    await expect(saved(page, 'receipt')).toHaveText(`hotel.pdf (2000000 bytes, application/pdf, sha256 ${sha256(receipt)})`);
  });

  test('a remembered Send can be taken back: the upload ends and nothing is sent', async ({ page }) => {
    await page.goto('/expense');
    await ready(page);
    const release = await holdUploads(page);
    await page.getByLabel('Receipt').setInputFiles({ name: 'hotel.pdf', mimeType: 'application/pdf', buffer: pdf(1_200_000) });
    await fillClaim(page, '11/1/2026');
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Do not send it' }).click();
    await expect(page.getByText('The form will be sent when the upload ends.')).toHaveCount(0);
    const uploaded = uploadAnswered(page);
    release();
    await uploaded;
    await expect(page.locator('#expense-receipt-kept')).toContainText('hotel.pdf');
    await expect(page).toHaveURL(/\/expense$/);
  });

  test('an upload can be cancelled; while one is on its way the form waits, and stays usable', async ({ page }) => {
    await page.goto('/expense');
    await ready(page);
    // The upload's chunk never gets an answer until it is cancelled (its ending, a DELETE, goes through).
    await page.route('**/dojo/uploads/*', (route) => (route.request().method() === 'PATCH' ? undefined : route.continue()));
    await page.getByLabel('Receipt').setInputFiles({ name: 'slow.pdf', mimeType: 'application/pdf', buffer: pdf(1_200_000) });
    await expect(page.getByRole('progressbar', { name: 'Uploading slow.pdf' })).toBeAttached();
    await fillClaim(page, '11/1/2026'); // the form stays usable
    await page.getByRole('button', { name: 'Claim' }).click();
    await expect(page).toHaveURL(/\/expense$/); // it waited
    await page.getByRole('button', { name: 'Cancel the upload of slow.pdf' }).click();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.locator('#expense-receipt-kept li')).toHaveCount(0);
    await expect(page.getByLabel('Amount (EUR)')).toHaveValue('42');
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a kept file, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test(`${javaScriptEnabled ? 'axe finds nothing; ' : ''}the keyboard reaches the Remove box and the file input, and sends the form`, async ({ page }) => {
      await page.goto('/expense');
      if (javaScriptEnabled) await page.waitForSelector('#expense[data-dijitize-ready]');
      await fillClaim(page, javaScriptEnabled ? '1/1/2999' : FUTURE);
      await page.getByLabel('Receipt').setInputFiles({ name: 'lunch.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010800000000', 'hex') });
      if (javaScriptEnabled) await expect(page.locator('#expense-receipt-kept')).toContainText('lunch.png');
      expect((await submitForm(page, page.getByRole('button', { name: 'Claim' }))).status()).toBe(422);
      await page.waitForLoadState();
      if (javaScriptEnabled) await page.waitForSelector('#expense[data-dijitize-ready]');
      await expect(page.locator('#expense-receipt-kept')).toContainText('lunch.png');
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]); // axe runs as a script: without them, see below

      const remove = page.getByRole('checkbox', { name: 'Remove lunch.png' });
      await remove.focus();
      await page.keyboard.press('Tab');
      await expect(page.locator('#expense-receipt')).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(remove).toBeFocused();
      await page.keyboard.press('Space');
      await expect(remove).toBeChecked();
      await page.keyboard.press('Space');
      await expect(remove).not.toBeChecked();
      await page.getByLabel('Date spent').fill(javaScriptEnabled ? '11/1/2026' : '2026-11-01');
      await page.getByLabel('Description').press('Enter');
      await expect(page).toHaveURL(/\/expense\/done$/);
      await expect(saved(page, 'receipt')).toContainText('lunch.png');
    });
  });
}

test('a kept file in the page without scripts: axe finds nothing', async ({ page }) => {
  const blank = await (await page.request.get('/expense')).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(blank)?.[1] ?? '';
  const refused = await page.request.post('/expense', {
    multipart: { _csrf: token, _form_name: 'expense', amount: '-1', spentOn: FUTURE, description: 'x', receipt: { name: 'lunch.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') } },
  });
  expect(refused.status()).toBe(422);
  const html = (await refused.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  expect(html).toContain('Remove lunch.png');
  await page.route('**/expense', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto('/expense');
  expect(await axeViolations(page)).toEqual([]);
});
