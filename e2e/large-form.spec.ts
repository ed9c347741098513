// A large form's widgets are made as they are needed (dijitize/lazyWidgets): the first ones at once, the
// rest as they come into view, take the focus, or the browser is idle; and the form is never sent before
// every widget exists and has checked its value. "A busy browser" has no idle time (requestIdleCallback
// never calls back), so that only the view, the focus and the submit make widgets.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';
import { watchProblems } from './page-check.js';
import { LARGE_FIELDS, LIST_ROWS } from './large-form.js';

const isWidget = (page: Page, id: string) =>
  page.evaluate((wid) => Boolean((window as unknown as { require: (m: string) => { byId(id: string): unknown } }).require('dijit/registry').byId(wid)), id);
/** How many of the form's fields are widgets. */
const fieldWidgets = (page: Page) =>
  page.evaluate((n) => {
    const registry = (window as unknown as { require: (m: string) => { byId(id: string): unknown } }).require('dijit/registry');
    return Array.from({ length: n }, (_, i) => registry.byId(`large-q${i + 1}`)).filter(Boolean).length;
  }, LARGE_FIELDS);
const ready = (page: Page, form = 'large') => page.locator(`form#${form}[data-dijitize-ready]`).waitFor({ state: 'attached' });
/** A browser with no idle time: requestIdleCallback never calls back. */
const busyBrowser = (page: Page) => page.addInitScript(() => void (window.requestIdleCallback = () => 0));

test.describe('a large form in a busy browser', () => {
  test.beforeEach(({ page }) => busyBrowser(page));

  test('is ready with its first widgets; one further down is made when it comes into view', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/large');
    await ready(page);
    expect(await isWidget(page, 'large-q1')).toBe(true);
    expect(await isWidget(page, `large-q${LARGE_FIELDS}`)).toBe(false);
    await page.locator(`#large-q${LARGE_FIELDS}`).scrollIntoViewIfNeeded();
    await expect.poll(() => isWidget(page, `large-q${LARGE_FIELDS}`)).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  test('half widgets, half plain controls: axe finds nothing', async ({ page }) => {
    await page.goto('/large');
    await ready(page);
    expect(await isWidget(page, `large-q${LARGE_FIELDS}`)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a control that takes the focus becomes its widget, with the focus, and the keys type into it', async ({ page }) => {
    await page.goto('/large');
    await ready(page);
    expect(await isWidget(page, 'large-q45')).toBe(false);
    await page.locator('#large-q45').focus();
    await expect.poll(() => isWidget(page, 'large-q45')).toBe(true);
    await page.keyboard.type('typed');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('typed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('large-q45');
  });

  test('is not sent before every widget has checked its value: all are made on submit, the first wrong one gets the focus', async ({ page }) => {
    test.setTimeout(90_000); // 60 fields filled one by one: 25 s on a busy 2-core machine (a safety net, not a measure)
    await page.goto('/large');
    await ready(page);
    let posted = 0;
    page.on('request', (r) => void (r.method() === 'POST' && posted++));
    for (let i = 1; i <= 10; i++) await page.locator(`#large-q${i}`).fill(`answer ${i}`);
    await page.locator('#large-q10').press('Enter');
    await expect.poll(() => fieldWidgets(page)).toBe(LARGE_FIELDS);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('large-q11');
    expect(posted).toBe(0);

    for (let i = 11; i <= LARGE_FIELDS; i++) await page.locator(`#large-q${i}`).fill(`answer ${i}`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('#large-q60').press('Enter')]);
    expect(response.status()).toBe(303);
    await expect(page).toHaveURL(/\/large\/done$/);
  });
});

test('in an idle browser, every widget of a large form is made without being scrolled to', async ({ page }) => {
  await page.goto('/large');
  await ready(page);
  await expect.poll(() => fieldWidgets(page)).toBe(LARGE_FIELDS);
});

test.describe('a large list of rows in a busy browser', () => {
  test.beforeEach(({ page }) => busyBrowser(page));

  test('its rows past the first are made as needed; a row removed, moved or added before its widgets exist is sent as the page shows it', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/large-list');
    await ready(page, 'largelist');
    expect(await isWidget(page, 'largelist-items-0-product')).toBe(true);
    const last = LIST_ROWS - 1;
    expect(await isWidget(page, `largelist-items-${last}-product`)).toBe(false);

    // The last line goes before its widgets were made; the one before it moves up, still plain.
    await page.getByRole('button', { name: new RegExp(`^Remove line ${LIST_ROWS}$`, 'i') }).click();
    await expect(page.locator(`#largelist-items-${last}-product`)).toHaveCount(0);
    await page.getByRole('button', { name: new RegExp(`^Move up line ${LIST_ROWS - 1}$`, 'i') }).click();
    // A new line gets its widgets at once.
    await page.getByRole('button', { name: /^Add line$/i }).click();
    expect(await isWidget(page, `largelist-items-${LIST_ROWS}-product`)).toBe(true);
    await page.locator(`#largelist-items-${LIST_ROWS}-product`).fill('new product');
    await page.locator(`#largelist-items-${LIST_ROWS}-quantity`).fill('7');

    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save lines' }).click()]);
    expect(response.status()).toBe(303);
    const saved = JSON.parse((await page.locator('dd[data-field="items"]').textContent()) ?? '[]') as Array<{ product: string; quantity: number }>;
    expect(saved.map((line) => line.product).slice(-3)).toEqual([`product ${LIST_ROWS - 1}`, `product ${LIST_ROWS - 2}`, 'new product']);
    expect(saved).toHaveLength(LIST_ROWS);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });
});
