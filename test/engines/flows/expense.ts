// The expense form in an engine, scripts on: a large receipt uploads at once with a progress bar, is kept
// across a refused claim, and its bytes arrive with the valid one.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';
import { pdfFile } from './files.js';

export async function uploadKeptAcrossRefusal(page: EnginePage): Promise<void> {
  const receipt = pdfFile('hotel.pdf', 1_500_000);
  await page.goto('/expense');
  await page.ready('expense');
  await page.fill('#expense-amount', '42');
  await page.fill('#expense-spentOn', '1/1/2999'); // as the DateTextBox takes it (en-us); the server refuses a future day
  await page.fill('#expense-description', 'Train to Leeds');
  // Every progress bar the page shows, as it shows it (on loopback an upload can end within a frame).
  await page.run(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      document.querySelectorAll('[role="progressbar"]').forEach((bar) => seen.push(`${bar.getAttribute('aria-label')}`));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.pickFiles('#expense-receipt', [receipt.path]);
  await page.seeText('#expense-receipt-kept', /hotel\.pdf \(1\.4 MB\)/);
  const bars = await page.run(() => (window as unknown as { __progress: string[] }).__progress);
  assert.ok(bars.includes('Uploading hotel.pdf'), `${page.engine}: progress bars seen: ${bars.join(', ')}`);
  await page.waitFor('the bar gone', () => document.querySelectorAll('[role="progressbar"]').length === 0);

  assert.equal(await page.toNextPage(() => page.click('#expense-submit')), '/expense', page.engine);
  await page.ready('expense');
  await page.seeText('#expense-spentOn-error', 'The date cannot be in the future.');
  await page.seeText('#expense-receipt-kept', /hotel\.pdf \(1\.4 MB\)/);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on the refused claim with its kept file`);

  await page.fill('#expense-spentOn', '11/1/2026');
  assert.equal(await page.toNextPage(() => page.click('#expense-submit')), '/expense/done', page.engine);
  assert.equal((await page.saved())['receipt'], `hotel.pdf (1500000 bytes, application/pdf, sha256 ${receipt.sha256})`, page.engine);
}
