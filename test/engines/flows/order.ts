// The order form in an engine, scripts on: a list of rows added to and taken from in the page, a union
// switched to its other branch, and a double click on Send that places one order.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

/** Types a product's name into the row's FilteringSelect and leaves it, and the quantity. */
async function fillRow(page: EnginePage, row: number, product: string, quantity: string): Promise<void> {
  await page.fill(`#order-items-${row}-product`, product);
  await page.press('Tab');
  await page.fill(`#order-items-${row}-quantity`, quantity);
}

const rowCount = (page: EnginePage) => page.run(() => document.querySelectorAll('#order-items-rows > .dijitize-row').length);

export async function rowsUnionAndOneOrder(page: EnginePage): Promise<void> {
  await page.goto('/order');
  await page.ready('order');
  assert.equal(await rowCount(page), 1, page.engine);
  await page.fill('#order-customer', 'Ada Lovelace');
  await fillRow(page, 0, 'Tea', '2');
  await page.click('#order .dijitize-add');
  await page.widget('order-items-1-quantity');
  await fillRow(page, 1, 'Coffee', '5');
  await page.click('#order .dijitize-add');
  await page.widget('order-items-2-quantity');
  await fillRow(page, 2, 'Cake', '1');
  // The middle row goes, widgets and all.
  await page.click('#order button[aria-label="Remove item 2"]');
  await page.waitFor('two rows', () => document.querySelectorAll('#order-items-rows > .dijitize-row').length === 2);
  assert.equal((await page.run(() => (window as unknown as { require(m: string): { byId(i: string): unknown } }).require('dijit/registry').byId('order-items-1-quantity'))) ?? null, null, `${page.engine}: the removed row's widgets are destroyed`);
  // The union: picking up at a store shows that branch, the delivery's stays hidden.
  await page.click(await page.labelled('Pick up at a store'));
  await page.waitFor('the pick-up branch shown', () => !(document.getElementById('order-delivery-pickup') as HTMLElement).hidden);
  await page.fill('#order-delivery-pickup input[id$="-store"]', 'North Street');
  await page.press('Tab');
  // Two clicks on Send: the page sends one POST and is busy meanwhile (noted where the next page can read
  // it: on loopback the answer can come before a timer would look); one order is placed.
  await page.run(() => {
    type Button = { focusNode: HTMLElement; get(n: string): unknown };
    const button = (window as unknown as { require(m: string): { byId(i: string): Button } }).require('dijit/registry').byId('order-submit');
    const form = document.getElementById('order') as HTMLFormElement;
    sessionStorage.removeItem('engines-busy');
    new MutationObserver(() => {
      if (form.getAttribute('aria-busy') === 'true' && button.get('disabled') === true) sessionStorage.setItem('engines-busy', 'busy and disabled');
    }).observe(form, { attributes: true, subtree: true });
    (window as unknown as { __enginesOldPage: boolean }).__enginesOldPage = true;
    button.focusNode.click();
    button.focusNode.click();
  });
  await page.waitFor('the done page', () => !(window as unknown as { __enginesOldPage?: boolean }).__enginesOldPage && document.readyState === 'complete' && location.pathname === '/order/done');
  assert.equal(await page.run(() => sessionStorage.getItem('engines-busy')), 'busy and disabled', `${page.engine}: the form was busy while sent`);
  const saved = await page.saved();
  assert.deepEqual(JSON.parse(saved['json'] ?? 'null'), { form: 'order', customer: 'Ada Lovelace', items: [{ product: 'tea', quantity: 2 }, { product: 'cake', quantity: 1 }], delivery: { method: 'pickup', store: 'north' } }, page.engine);
  assert.equal(saved['placed'], '1', `${page.engine}: one order placed`);
}

/**
 * A list of 30 rows (60 widgets: more than are made at once, so its rows past the first get their widgets
 * later): the last row removed and the one before it moved up, whether or not their widgets exist yet, a
 * row added, and the form sent. Every widget is made before it goes, and the lines arrive in the page's order.
 */
export async function largeListSentAsShown(page: EnginePage): Promise<void> {
  await page.goto('/large-list');
  await page.ready('largelist');
  await page.click('#largelist button[aria-label="Remove line 30"]');
  await page.waitFor('29 rows', () => document.querySelectorAll('#largelist-items-rows > .dijitize-row').length === 29);
  await page.click('#largelist button[aria-label="Move up line 29"]');
  await page.click('#largelist .dijitize-add');
  await page.widget('largelist-items-30-quantity');
  await page.fill('#largelist-items-30-product', 'new product');
  await page.fill('#largelist-items-30-quantity', '7');
  const path = await page.toNextPage(() => page.click('#largelist-submit'));
  assert.equal(path, '/large-list/done', page.engine);
  const lines = JSON.parse((await page.saved())['items'] ?? '[]') as Array<{ product: string; quantity: number }>;
  assert.deepEqual(lines.slice(-3), [{ product: 'product 29', quantity: 29 }, { product: 'product 28', quantity: 28 }, { product: 'new product', quantity: 7 }], page.engine);
  assert.equal(lines.length, 30, page.engine);
}
