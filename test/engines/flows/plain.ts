// The demo in an engine with JavaScript off: plain HTML with native constraints; a POST the server
// refuses comes back with the values and the errors; rows and a union's branch through the buttons the
// server applies; a double click that places one order; a file kept across a refused claim.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';
import { pdfFile } from './files.js';

/** Sets a native date input's value: each engine's own date picker differs, and is not ours to test. */
const setDate = (page: EnginePage, css: string, iso: string) =>
  page.run((sel, value) => void ((document.querySelector(sel) as HTMLInputElement).value = value), css, iso);

export async function registerRefusedThenSaved(page: EnginePage): Promise<void> {
  await page.goto('/register');
  await page.ready('register');
  const username = await page.run(() => {
    const input = document.getElementById('register-username') as HTMLInputElement;
    return { required: input.required, maxLength: input.maxLength, minLength: input.minLength, emailType: (document.getElementById('register-email') as HTMLInputElement).type, widgets: document.querySelectorAll('[widgetid]').length };
  });
  assert.deepEqual(username, { required: true, maxLength: 16, minLength: 2, emailType: 'email', widgets: 0 }, page.engine);
  await page.fill('#register-username', 'admin');
  await page.fill('#register-email', 'ada@example.org');
  await page.fill('#register-password', 'correct horse');
  await page.fill('#register-confirm', 'battery staple');
  assert.equal(await page.toNextPage(() => page.click('#register-submit')), '/register', page.engine);
  await page.seeText('#register-username-error', 'That username is taken.');
  await page.seeText('#register-errors', 'The passwords do not match.');
  assert.deepEqual(
    await page.run(() => ['register-username', 'register-email', 'register-password'].map((id) => (document.getElementById(id) as HTMLInputElement).value)),
    ['admin', 'ada@example.org', ''],
    `${page.engine}: values kept, a password never sent back`,
  );
  assert.equal(await page.run(() => document.getElementById('register-username')?.getAttribute('aria-invalid')), 'true', page.engine);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on the refused form`);
  await page.fill('#register-username', 'ada');
  await page.fill('#register-password', 'correct horse');
  await page.fill('#register-confirm', 'correct horse');
  assert.equal(await page.toNextPage(() => page.click('#register-submit')), '/register/done', page.engine);
  assert.equal((await page.saved())['username'], 'ada', page.engine);
}

export async function orderRowsUnionAndDoubleClick(page: EnginePage): Promise<void> {
  await page.goto('/order');
  await page.ready('order');
  await page.fill('#order-customer', 'Ada Lovelace');
  // The Add button is an intent the server applies: the page comes back with a second row, values kept.
  assert.equal(await page.toNextPage(() => page.click('#order .dijitize-add')), '/order', page.engine);
  await page.ready('order');
  assert.equal(await page.value('#order-customer'), 'Ada Lovelace', page.engine);
  await page.run(() => {
    (document.getElementById('order-items-0-product') as HTMLSelectElement).value = 'tea';
    (document.getElementById('order-items-1-product') as HTMLSelectElement).value = 'cake';
  });
  await page.fill('#order-items-0-quantity', '2');
  await page.fill('#order-items-1-quantity', '1');
  await page.click(await page.labelled('Pick up at a store'));
  assert.equal(await page.toNextPage(() => page.click('#order .dijitize-switch')), '/order', page.engine);
  await page.ready('order');
  await page.run(() => void ((document.querySelector('#order-delivery-pickup select') as HTMLSelectElement).value = 'north'));
  // A double click: the browser sends both; one order is placed, and both answers lead to it.
  await page.toNextPage(() => page.doubleClick('#order-submit'));
  await page.waitFor('the done page', () => location.pathname === '/order/done' && document.readyState === 'complete');
  const saved = await page.saved();
  assert.deepEqual(JSON.parse(saved['json'] ?? 'null'), { form: 'order', customer: 'Ada Lovelace', items: [{ product: 'tea', quantity: 2 }, { product: 'cake', quantity: 1 }], delivery: { method: 'pickup', store: 'north' } }, page.engine);
  assert.equal(saved['placed'], '1', `${page.engine}: one order placed`);
}

export async function fileKeptAcrossRefusal(page: EnginePage): Promise<void> {
  const receipt = pdfFile('ticket.pdf', 40_000);
  await page.goto('/expense');
  await page.ready('expense');
  await page.fill('#expense-amount', '42');
  await setDate(page, '#expense-spentOn', '2999-01-01');
  await page.fill('#expense-description', 'Train to Leeds');
  await page.pickFiles('#expense-receipt', [receipt.path]);
  assert.equal(await page.toNextPage(() => page.click('#expense-submit')), '/expense', page.engine);
  await page.seeText('#expense-spentOn-error', 'The date cannot be in the future.');
  await page.seeText('#expense-receipt-kept', /ticket\.pdf \(39\.1 KB\)/);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on the refused claim with its kept file`);
  await setDate(page, '#expense-spentOn', '2026-11-01');
  assert.equal(await page.toNextPage(() => page.click('#expense-submit')), '/expense/done', page.engine);
  assert.equal((await page.saved())['receipt'], `ticket.pdf (40000 bytes, application/pdf, sha256 ${receipt.sha256})`, page.engine);
}

export async function germanServerWords(page: EnginePage): Promise<void> {
  await page.goto('/timecard?lang=de');
  await page.ready('timecard');
  assert.equal(await page.run(() => document.querySelector('label[for="timecard-hours"]')?.textContent), 'Stunden', page.engine);
  await page.fill('#timecard-hours', '30');
  assert.equal(await page.submitPastTheBrowser('timecard'), '/timecard', page.engine);
  await page.seeText('#timecard-hours-error', 'Stunden von 0 bis 24 in Schritten von 0,25.');
  await page.seeText('#timecard-start-error', 'Dieser Wert ist erforderlich.');
}
