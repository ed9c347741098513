import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../server/index.js';
import { renderHead } from '../../server/head-tag.js';
import { requestDojo } from '../new-request-dojo.js';

const order = defineForm(
  'list-order',
  z.object({
    customer: z.string().min(1),
    items: z.array(z.object({ product: z.enum(['tea', 'cake']), qty: z.int().min(1).max(9) })).min(1).max(3),
  }),
  { fields: { items: { label: 'Line items', itemLabel: 'Item' }, 'items.qty': { label: 'Quantity' } } },
);
const page = (state = {}) => requestDojo({ csrf: false }).form(order, state).html;

describe('lists of rows', () => {
  it('a blank form shows the minimum of rows, named items.0.product, with its buttons and a row template', () => {
    const html = page();
    assert.match(html, /<fieldset class="dijitize-list" id="list-order-items"><legend>Line items<\/legend>/);
    assert.match(html, /<fieldset class="dijitize-row" id="list-order-items-0-row"><legend>Item 1<\/legend>/);
    assert.match(html, /<select id="list-order-items-0-product" name="items\.0\.product"/);
    assert.match(html, /<label for="list-order-items-0-qty">Quantity<\/label><input type="number" id="list-order-items-0-qty" name="items\.0\.qty"/);
    assert.match(html, /<button type="submit" name="_intent" value="remove:items:0" formnovalidate class="dijitize-remove" aria-label="Remove item 1" disabled>Remove<\/button>/);
    assert.match(html, /<button type="submit" name="_intent" value="add:items" formnovalidate class="dijitize-add" aria-label="Add item">Add item<\/button>/);
    assert.match(html, /<template id="list-order-items-template">.*name="items\.\$row\.qty".*<\/template>/s);
    assert.ok(html.indexOf('class="dijitize-default"') < html.indexOf('_intent'), 'Enter sends the form, not a row button');
    assert.equal((html.match(/class="dijitize-row"/g) ?? []).length, 2, 'one row and the template');
  });

  it('parses rows in the order they were posted, closing gaps, into an array of typed rows', () => {
    const result = order.parse({ customer: 'Ada', 'items.5.product': 'cake', 'items.5.qty': '2', 'items.1.product': 'tea', 'items.1.qty': '1' });
    assert.ok(result.ok);
    assert.deepEqual(result.data.items, [{ product: 'cake', qty: 2 }, { product: 'tea', qty: 1 }]);
    assert.deepEqual(result.state.rows, { items: 2 });
  });

  it('errors land on the row and field (items.1.qty), and on the list for too few rows', () => {
    const result = order.parse({ customer: 'Ada', 'items.0.product': 'tea', 'items.0.qty': '1', 'items.7.product': 'cake', 'items.7.qty': '0' });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.state.errors), ['items.1.qty']);
    const html = page(result.state);
    assert.match(html, /<input type="number" id="list-order-items-1-qty" name="items\.1\.qty" aria-describedby="list-order-items-1-qty-error" aria-invalid="true"/);
    assert.match(html, /<a href="#list-order-items-1-qty">/);
    const none = order.parse({ customer: 'Ada' });
    assert.equal(none.ok, false);
    assert.equal(none.state.errors['items'], 'Add at least 1 item.');
    assert.match(page(none.state), /<span class="dijitize-error" id="list-order-items-error" role="alert">Add at least 1 item.<\/span>/);
  });

  it('without JavaScript, the buttons are intents: the server applies them and shows no errors', () => {
    const body = { customer: '', 'items.0.product': 'tea', 'items.0.qty': '1', 'items.1.product': 'cake', 'items.1.qty': 'x' };
    const added = order.parse({ ...body, _intent: 'add:items' });
    assert.ok(!added.ok && added.intent);
    assert.deepEqual(added.state.errors, {});
    assert.equal(added.state.rows?.['items'], 3);
    assert.equal((page(added.state).match(/class="dijitize-row" id/g) ?? []).length, 4, 'three rows and the template');
    const full = order.parse({ ...body, 'items.2.product': 'tea', _intent: 'add:items' });
    assert.equal(full.state.rows?.['items'], 3, 'not beyond the maximum');
    const removed = order.parse({ ...body, _intent: 'remove:items:0' });
    assert.deepEqual(removed.state.values, { customer: '', 'items.0.product': 'cake', 'items.0.qty': 'x' });
    const moved = order.parse({ ...body, _intent: 'up:items:1' });
    assert.deepEqual(moved.state.values, { customer: '', 'items.0.product': 'cake', 'items.0.qty': 'x', 'items.1.product': 'tea', 'items.1.qty': '1' });
    assert.deepEqual(Object.keys(moved.state.values), ['customer', 'items.0.product', 'items.0.qty', 'items.1.product', 'items.1.qty'], 'rows come in their new order: the page shows them so');
    assert.ok(page(moved.state).indexOf('value="cake" selected') < page(moved.state).indexOf('value="tea" selected'));
    const last = order.parse({ customer: '', 'items.0.qty': '1', _intent: 'remove:items:0' });
    assert.equal(last.state.rows?.['items'], 1, 'not below the minimum');
  });

  it('existing data shows a row per element', () => {
    const state = order.initial({ customer: 'Ada', items: [{ product: 'tea', qty: 1 }, { product: 'cake', qty: 2 }] });
    assert.deepEqual(state.rows, { items: 2 });
    assert.match(page(state), /name="items\.1\.qty" value="2"/);
  });

  it('the widget spec has each row\'s widgets and a new row\'s, for the client', () => {
    const d = requestDojo({ csrf: false });
    d.form(order);
    const head = renderHead(d);
    assert.match(head, /"node":"list-order-items-0-qty"/);
    assert.match(head, /"lists":\[\{"id":"list-order-items","rows":"list-order-items-rows","template":"list-order-items-template","min":1,"max":3,"itemLabel":"Item","count":1,"widgets":\[/);
    assert.match(head, /"node":"list-order-items-\$row-qty"/);
  });

  it('a list of strings is typed as one text (tags: "a, b"), parsed into an array, each element checked', () => {
    const post = defineForm('list-tags', z.object({ tags: z.array(z.string().max(5)).min(1).max(3) }));
    assert.match(requestDojo({ csrf: false }).form(post, post.initial({ tags: ['zod', 'dojo'] })).html, /<input type="text" id="list-tags-tags" name="tags" value="zod, dojo" required>/);
    const ok = post.parse({ tags: ' zod,dojo , ,dijit ' });
    assert.ok(ok.ok);
    assert.deepEqual(ok.data.tags, ['zod', 'dojo', 'dijit']);
    assert.equal(post.parse({ tags: '' }).state.errors['tags'], 'Enter at least 1, separated by commas.');
    assert.equal(post.parse({ tags: 'a,b,c,d' }).state.errors['tags'], 'Enter at most 3, separated by commas.');
    assert.match(post.parse({ tags: 'ok, toolong' }).state.errors['tags'] ?? '', /Too big/);
  });

  it('a flood of rows is not read: one past the maximum, so that the list says "too many"', () => {
    const body: Record<string, string> = { customer: 'Ada' };
    for (let i = 0; i < 5000; i++) body[`items.${i}.qty`] = '1';
    const result = order.parse(body);
    assert.equal(result.state.rows?.['items'], 4);
    assert.equal(result.state.errors['items'], 'Keep at most 3 items.');
  });
});
