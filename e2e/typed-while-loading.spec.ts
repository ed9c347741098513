// Text typed into the plain controls while the page's modules load (a slow network) is what the widgets
// show and what the form sends, for every widget kind. Source pages only: a built page makes its widgets at
// DOMContentLoaded, before anything can be typed (lazy widgets are tested in both: typed-early.spec.ts).
import { expect, test, type Page } from '@playwright/test';
import { expectReceived, widgetValue } from './kinds-check.js';

/** The value the user types into each text-like kind. */
const TYPED = { text: 'typed early', notes: 'new notes', count: '77', day: '2026-03-04', at: '14:30' };

/** Holds back dijitize/forms, which makes the widgets, until the returned function is called. */
async function holdWidgets(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/dijitize/forms.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Types into the plain controls of form `form` as a user would (they are not widgets yet). */
async function typeIntoPlainControls(page: Page, form: string): Promise<void> {
  for (const [name, value] of Object.entries(TYPED)) await page.locator(`#${form}-${name}`).fill(value);
  await page.locator(`#${form}-size`).selectOption('l');
  await page.locator(`#${form}-fruit`).selectOption('cherry');
  await page.locator(`#${form}-agree`).check();
  await page.locator(`#${form}-fit-1`).check();
  await page.locator(`#${form}-tags`).selectOption(['m', 'l']);
}

test('typed into the plain controls while the page\'s modules load: every widget takes the typed value, and it is sent', async ({ page }) => {
  const release = await holdWidgets(page);
  await page.goto('/kinds', { waitUntil: 'domcontentloaded' }); // the load event waits for the held module
  await typeIntoPlainControls(page, 'kinds');
  release();
  await page.locator('form#kinds[data-dijitize-ready]').waitFor({ state: 'attached' });
  expect(await widgetValue(page, 'kinds-text')).toBe('typed early');
  expect(await widgetValue(page, 'kinds-count')).toBe('77');
  expect(await widgetValue(page, 'kinds-size')).toBe('l');
  await Promise.all([page.waitForURL(/\/done$/), page.locator('#kinds-submit').click()]);
  await expectReceived(page);
});


test('typed into a row of a list while the modules load: the row\'s widgets take it, and the order arrives with it', async ({ page }) => {
  const release = await holdWidgets(page);
  await page.goto('/order', { waitUntil: 'domcontentloaded' });
  await page.locator('#order-customer').fill('Early Bird');
  await page.locator('#order-items-0-product').selectOption('cake');
  await page.locator('#order-items-0-quantity').fill('4');
  release();
  await page.locator('form#order[data-dijitize-ready]').waitFor({ state: 'attached' });
  expect(await widgetValue(page, 'order-items-0-quantity')).toBe('4');
  expect(await widgetValue(page, 'order-items-0-product')).toBe('cake');
  await page.getByRole('radio', { name: 'Pick up at a store' }).check();
  const store = page.locator('#order-delivery-pickup input[id$="-store"]');
  await store.fill('North Street');
  await store.press('Tab');
  await Promise.all([page.waitForURL(/\/order\/done$/), page.getByRole('button', { name: 'Place order' }).click()]);
  const saved = JSON.parse((await page.locator('#saved dd[data-field="json"]').textContent()) ?? 'null');
  expect(saved).toMatchObject({ customer: 'Early Bird', items: [{ product: 'cake', quantity: 4 }] });
});
