// The order form's line items, a list of rows, with JavaScript on (rows change in the page, widgets are
// made and destroyed) and off (the buttons are intents the server applies): add rows, remove the middle
// one, send an error in row 2, see it there, fix it, and the server receives the typed order. And a
// second form, with a prefix, on the same page.
import { expect, test, type Page } from '@playwright/test';
import { submitExpectingSave, submitPastTheBrowser } from './submit.js';
import { readWidget } from './widgets.js';

const rows = (page: Page) => page.locator('#order-items-rows > .dijitize-row');
/** A row's controls, found by their labels: the widgets' own inputs with JavaScript, the plain ones without. */
const quantity = (page: Page, row: number) => rows(page).nth(row - 1).getByLabel('Quantity');
/** The product: the control with its id, FilteringSelect's text box with JavaScript, the select without. */
const product = (page: Page, row: number) => rows(page).nth(row - 1).locator('select[id$="-product"], input[id$="-product"]');

/** Picks up at the North Street store: the radio, then the store's FilteringSelect. */
async function pickUp(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Pick up at a store' }).check();
  const store = page.locator('#order-delivery-pickup input[id$="-store"]');
  await store.fill('North Street');
  await store.press('Tab');
}

/** The order the server saved, as the done page shows it. */
async function savedOrder(page: Page): Promise<unknown> {
  return JSON.parse((await page.locator('#saved dd[data-field="json"]').textContent()) ?? 'null');
}

test.describe('JavaScript on', () => {
  test('rows are added, removed and moved in the page; an error in row 2 shows there; the typed order arrives', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.postData() ?? '')));
    await page.goto('/order');
    await page.waitForFunction(() => document.querySelector('#order .dijitButton'));
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Remove item 1' })).toBeDisabled();
    await page.locator('#order-customer').fill('Ada Lovelace');
    await pickUp(page);
    const fillRow = async (row: number, name: string, qty: string) => {
      await product(page, row).fill(name);
      await product(page, row).press('Tab');
      await quantity(page, row).fill(qty);
    };
    await fillRow(1, 'Tea', '2');
    await page.getByRole('button', { name: 'Add item' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(quantity(page, 2)).toBeVisible();
    // The new row's controls are widgets, made in the page.
    const added = await quantity(page, 2).getAttribute('id');
    expect((await readWidget(page, added ?? '', [])).declaredClass).toBe('dijit.form.NumberTextBox');
    await fillRow(2, 'Coffee', '5');
    await page.getByRole('button', { name: 'Add item' }).click();
    await fillRow(3, 'Cake', '1');
    await expect(page.getByRole('group', { name: 'Item 3' })).toBeVisible();
    // The middle row goes, widgets and all; the rows are named by place again.
    await page.getByRole('button', { name: 'Remove item 2' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByRole('group', { name: 'Item 2' })).toContainText('Quantity');
    expect(await page.evaluate((id) => (window as unknown as { require: (m: string) => { byId(i: string): unknown } }).require('dijit/registry').byId(id ?? ''), added)).toBeUndefined();
    expect(posts).toEqual([]);
    // Move the cake up: the page posts rows in their new order.
    await page.getByRole('button', { name: 'Move up item 2' }).click();
    await expect(product(page, 1)).toHaveValue('Cake');
    // An error in row 2 (now the tea): the browser says so in the widget...
    await quantity(page, 2).fill('0');
    await page.getByRole('button', { name: 'Place order' }).click();
    expect(posts).toEqual([]);
    // ...and so does the server, for a client that does not check.
    expect(await submitPastTheBrowser(page, 'order')).toBe(422);
    await expect(page.locator('#order-items-1-quantity-error')).toHaveText('Order 1 to 99.');
    await expect(page.locator('#order-error-summary a[href="#order-items-1-quantity"]')).toHaveText('Item 2, Quantity: Order 1 to 99.');
    expect((await readWidget(page, 'order-items-1-quantity', [])).state).toBe('Error');
    await quantity(page, 2).fill('3');
    await submitExpectingSave(page, page.getByRole('button', { name: 'Place order' }), /\/order\/done$/);
    expect(await savedOrder(page)).toEqual({ form: 'order', customer: 'Ada Lovelace', items: [{ product: 'cake', quantity: 1 }, { product: 'tea', quantity: 3 }], delivery: { method: 'pickup', store: 'north' } });
  });

  test('the list keeps to its bounds: no row is removed below 1, none added beyond 20', async ({ page }) => {
    await page.goto('/order');
    await page.waitForFunction(() => document.querySelector('#order .dijitButton'));
    const addButton = page.getByRole('button', { name: 'Add item' });
    for (let i = 1; i < 20; i++) await addButton.click();
    await expect(rows(page)).toHaveCount(20);
    await expect(addButton).toBeDisabled();
  });

  test('the form\'s listeners go with it: once the form widget is destroyed, the add button is the server\'s intent again', async ({ page }) => {
    await page.goto('/order');
    await page.locator('form#order[data-dijitize-ready]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Add item' }).click();
    await expect(rows(page)).toHaveCount(2); // in the page: no request
    await page.evaluate(() => {
      const registry = (window as unknown as { require: (m: string) => { byId(id: string): { destroyRecursive(keepDom: boolean): void } } }).require('dijit/registry');
      registry.byId('order').destroyRecursive(true); // the widgets go; the page's plain form stays
    });
    const [post] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), page.getByRole('button', { name: 'Add item' }).click()]);
    expect(post.postData()).toContain('_intent=add%3Aitems');
  });

  test('Enter in a field sends the order, not a row button', async ({ page }) => {
    await page.goto('/order');
    await page.waitForFunction(() => document.querySelector('#order .dijitButton'));
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.locator('#order-customer').fill('Ada Lovelace');
    await pickUp(page);
    await product(page, 1).fill('Tea');
    await product(page, 1).press('Tab');
    await quantity(page, 1).fill('1');
    await product(page, 2).fill('Cake');
    await product(page, 2).press('Tab');
    await quantity(page, 2).fill('2');
    await Promise.all([page.waitForURL(/\/order\/done$/), quantity(page, 2).press('Enter')]);
    expect(await savedOrder(page)).toEqual({ form: 'order', customer: 'Ada Lovelace', items: [{ product: 'tea', quantity: 1 }, { product: 'cake', quantity: 2 }], delivery: { method: 'pickup', store: 'north' } });
  });

  test('delivery: choosing shows that section; the other one hides, and its values are not posted', async ({ page }) => {
    await page.goto('/order');
    await page.waitForFunction(() => document.querySelector('#order .dijitButton'));
    await expect(page.getByRole('button', { name: 'Show the fields for this choice' })).toBeHidden();
    await expect(page.locator('#order-delivery-pickup')).toBeHidden();
    await pickUp(page);
    await expect(page.locator('#order-delivery-ship')).toBeHidden();
    await page.getByRole('radio', { name: 'Ship to an address' }).check();
    await expect(page.locator('#order-delivery-pickup')).toBeHidden();
    await page.getByLabel('Street').fill('1 Analytical Way');
    await page.getByLabel('City').fill('London');
    await page.locator('#order-customer').fill('Ada Lovelace');
    await product(page, 1).fill('Tea');
    await product(page, 1).press('Tab');
    await quantity(page, 1).fill('1');
    const posted: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && posted.push(r.postData() ?? '')));
    await submitExpectingSave(page, page.getByRole('button', { name: 'Place order' }), /\/order\/done$/);
    expect(posted[0]).not.toContain('delivery.store');
    expect(await savedOrder(page)).toEqual({ form: 'order', customer: 'Ada Lovelace', items: [{ product: 'tea', quantity: 1 }], delivery: { method: 'ship', address: { street: '1 Analytical Way', city: 'London' } } });
  });
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the buttons are intents: add rows, remove the middle one, an error in row 2, fixed, and the typed order arrives', async ({ page }) => {
    await page.goto('/order');
    await page.locator('#order-customer').fill('Grace Hopper');
    // Without JavaScript the section shows once the server has the choice: the switch button asks.
    await expect(page.locator('#order-delivery-ship')).toBeHidden();
    await page.getByRole('radio', { name: 'Ship to an address' }).check();
    await page.getByRole('button', { name: 'Show the fields for this choice' }).click();
    await expect(page.locator('#order-delivery-ship')).toBeVisible();
    await expect(page.locator('#order-delivery-pickup')).toBeHidden();
    await expect(page.locator('#order-customer')).toHaveValue('Grace Hopper');
    await page.getByLabel('Street').fill('1 Harvard Yard');
    await page.getByLabel('City').fill('Cambridge');
    await product(page, 1).selectOption('tea');
    await quantity(page, 1).fill('2');
    for (const row of [2, 3]) {
      await page.getByRole('button', { name: 'Add item' }).click();
      await expect(rows(page)).toHaveCount(row);
    }
    // The values typed so far were kept, and no error is shown for rows not yet filled in.
    await expect(quantity(page, 1)).toHaveValue('2');
    await expect(page.locator('#order-error-summary')).toHaveCount(0);
    await product(page, 2).selectOption('coffee');
    await quantity(page, 2).fill('5');
    await product(page, 3).selectOption('cake');
    await quantity(page, 3).fill('1');
    await page.getByRole('button', { name: 'Remove item 2' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(product(page, 2)).toHaveValue('cake');
    await page.getByRole('button', { name: 'Move up item 2' }).click();
    await expect(product(page, 1)).toHaveValue('cake');
    await quantity(page, 2).fill('0');
    expect(await submitPastTheBrowser(page, 'order')).toBe(422);
    await expect(page.locator('#order-items-1-quantity-error')).toHaveText('Order 1 to 99.');
    await expect(quantity(page, 2)).toHaveAttribute('aria-invalid', 'true');
    await quantity(page, 2).fill('4');
    await submitExpectingSave(page, page.getByRole('button', { name: 'Place order' }), /\/order\/done$/);
    expect(await savedOrder(page)).toEqual({ form: 'order', customer: 'Grace Hopper', items: [{ product: 'cake', quantity: 1 }, { product: 'tea', quantity: 4 }], delivery: { method: 'ship', address: { street: '1 Harvard Yard', city: 'Cambridge' } } });
  });
});

test('two forms on one page: the prefixed one posts its own names, and the server knows which form sent them', async ({ page }) => {
  await page.goto('/order');
  await expect(page.locator('#news-email')).toHaveAttribute('name', 'news-email');
  await page.locator('#news-email').fill('ada@example.org');
  await submitExpectingSave(page, page.getByRole('button', { name: 'Subscribe' }), /\/order\/done$/);
  expect(await savedOrder(page)).toEqual({ form: 'newsletter', email: 'ada@example.org' });
});
