// Nothing sent twice: an order double-clicked (JavaScript off, so the browser sends both clicks), and the
// same POST sent again (a reload of it, a retry), is one order; with JavaScript the button is busy while
// the form is on its way. Edit conflicts: two people editing one saved time card.
import { expect, test, type Browser } from '@playwright/test';

async function fillOrder(page: import('@playwright/test').Page, js: boolean): Promise<void> {
  await page.locator('#order-customer').fill('Ada Lovelace');
  const product = page.locator('#order-items-0-product');
  if (js) {
    await product.fill('Tea');
    await product.press('Tab');
  } else await product.selectOption('tea');
  await page.locator('#order-items-0-quantity').fill('2');
  await page.getByRole('radio', { name: 'Pick up at a store' }).check();
  if (!js) await page.getByRole('button', { name: 'Show the fields for this choice' }).click();
  const store = js ? page.locator('#order-delivery-pickup input[id$="-store"]') : page.locator('#order-delivery-pickup select');
  if (js) {
    await store.fill('North Street');
    await store.press('Tab');
  } else await store.selectOption('north');
}

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('a double click, then the same POST sent again: one order placed, the same page each time', async ({ page }) => {
    await page.goto('/order');
    await fillOrder(page, false);
    const posted: Array<{ body: string; type: string }> = [];
    page.on('request', (r) => void (r.method() === 'POST' && posted.push({ body: r.postData() ?? '', type: r.headers()['content-type'] ?? '' })));
    await page.getByRole('button', { name: 'Place order' }).dblclick();
    await expect(page).toHaveURL(/\/order\/done$/);
    await expect(page.locator('dd[data-field="placed"]')).toHaveText('1');
    // The POST again, as a reload of it or a retry after a timeout would send it.
    const again = await page.request.post('/order', { headers: { 'content-type': posted[0]?.type ?? '' }, data: posted[0]?.body ?? '', maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers()['location']).toBe('/order/done');
    await page.reload();
    await expect(page.locator('dd[data-field="placed"]')).toHaveText('1');
  });
});

test('JavaScript on: a double click sends one POST, and the form is busy meanwhile', async ({ page }) => {
  await page.goto('/order');
  await page.locator('#order[data-dijitize-ready]').waitFor();
  await fillOrder(page, true);
  const posts: string[] = [];
  page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
  let release: () => void = () => undefined;
  let held: () => void = () => undefined;
  const postHeld = new Promise<void>((resolve) => (held = resolve));
  await page.route('**/order', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await new Promise<void>((resolve) => {
      release = resolve;
      held();
    });
    await route.continue();
  });
  // Two clicks on the button, and what the page says just after (its POST is held meanwhile).
  const after = await page.evaluate(`new Promise((done) => {
    const button = require('dijit/registry').byId('order-submit');
    button.focusNode.click();
    button.focusNode.click();
    // The page marks the form busy on the next task after the click (the browser reads the form first).
    setTimeout(() => requestAnimationFrame(() => done({ busy: document.getElementById('order').getAttribute('aria-busy'), disabled: button.get('disabled') })), 0);
  })`);
  expect(after).toEqual({ busy: 'true', disabled: true });
  await postHeld;
  release();
  await expect(page).toHaveURL(/\/order\/done$/);
  expect(posts).toHaveLength(1);
  await expect(page.locator('dd[data-field="placed"]')).toHaveText('1');
});

/** A manager's tab on a saved card, ready to type in. */
async function openCard(browser: Browser, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await page.locator('#timecard[data-dijitize-ready]').waitFor();
  return { page, context };
}

test('two people edit one saved card: changes of one side merge, a field both changed shows the saved value beside the user\'s', async ({ browser }) => {
  const path = `/timecard/e2e-${Date.now()}`;
  const first = await openCard(browser, path);
  await first.page.locator('#timecard-day').fill('3/14/2026');
  await first.page.locator('#timecard-start').fill('9:30 AM');
  await first.page.locator('#timecard-hours').fill('7.5');
  await first.page.locator('#timecard-employee').fill('Ada Lovelace');
  await first.page.locator('#timecard-employee').press('Tab');
  await first.page.locator('#timecard-projects').selectOption('apollo');
  await first.page.getByRole('button', { name: 'Save time card' }).click();
  await expect(first.page).toHaveURL(/\/done$/);
  // Two people open the saved card.
  const [one, two] = [await openCard(browser, path), await openCard(browser, path)];
  await one.page.locator('#timecard-hours').fill('8');
  await one.page.locator('#timecard-notes').fill('Long day');
  await one.page.getByRole('button', { name: 'Save time card' }).click();
  await expect(one.page).toHaveURL(/\/done$/);
  await two.page.locator('#timecard-hours').fill('6');
  // The form's own POST (the hours' live check posts too).
  const answer = two.page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await two.page.getByRole('button', { name: 'Save time card' }).click();
  expect((await answer).status()).toBe(409);
  await two.page.locator('#timecard[data-dijitize-ready]').waitFor();
  await expect(two.page.locator('#timecard-error-summary')).toContainText('Someone saved this record after you opened it');
  await expect(two.page.locator('#timecard-hours-error')).toHaveText('Saved meanwhile: “8”. Yours is kept here.');
  await expect(two.page.locator('#timecard-hours')).toHaveValue('6');
  // The notes only the other person wrote are there.
  await expect(two.page.locator('#timecard-notes')).toHaveValue('Long day');
  // Seen: sent again, the second person's hours are saved.
  await two.page.getByRole('button', { name: 'Save time card' }).click();
  await expect(two.page).toHaveURL(/\/done$/);
  await expect(two.page.locator('dd[data-field="hours"]')).toHaveText('6');
  await expect(two.page.locator('dd[data-field="notes"]')).toHaveText('Long day');
  for (const tab of [first, one, two]) await tab.context.close();
});
