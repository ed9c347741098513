import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, FormDefinitionError, UnknownIntentError } from '../../server/index.js';
import { renderHead } from '../../server/http/head-tag.js';
import { DEFAULT_MAX_ROWS } from '../../server/forms/compile/compile-form.js';
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
    assert.match(head, /"lists":\[\{"id":"list-order-items","rows":"list-order-items-rows","template":"list-order-items-template","min":1,"max":3,"count":1,"widgets":\[/);
    // The client's every word, class and marker for the rows comes from here (dijitize/rowLists has none).
    assert.match(
      head,
      /"marker":"\$row","texts":\{"row":"Item \{n\}","add":"Add item","remove":"Remove","removeRow":"Remove item \{n\}","up":"Move up","upRow":"Move up item \{n\}","down":"Move down","downRow":"Move down item \{n\}"\},"place":"\{n\}","markup":\{"intent":"_intent","row":"dijitize-row","add":"dijitize-add","remove":"dijitize-remove","up":"dijitize-up","down":"dijitize-down"\}/,
    );
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
    assert.equal(post.parse({ tags: 'ok, toolong' }).state.errors['tags'], 'Use at most 5 characters.');
  });

  it('a flood of rows is not read: one past the maximum says "too many", and only the rows the list takes are shown again', () => {
    const body: Record<string, string> = { customer: 'Ada' };
    for (let i = 0; i < 5000; i++) body[`items.${i}.qty`] = '1';
    const result = order.parse(body);
    assert.equal(result.ok, false);
    assert.equal(result.state.rows?.['items'], 3);
    assert.deepEqual(result.state.errors, { items: 'Keep at most 3 items.' });
    assert.deepEqual(Object.keys(result.state.values).filter((k) => k.startsWith('items.')), ['items.0.qty', 'items.1.qty', 'items.2.qty']);
    assert.equal((page(result.state).match(/class="dijitize-row" id="[^"]*-\d+-row"/g) ?? []).length, 3); // the template row has $row
  });

  it(`a list without .max() takes at most DEFAULT_MAX_ROWS (${DEFAULT_MAX_ROWS}) rows, or its maxRows, and is warned about once at definition`, async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => void (w.code === 'DIJITIZE_LIST_WITHOUT_MAX' && warnings.push(w.message));
    process.on('warning', onWarning);
    const open = defineForm('open-list', z.object({ notes: z.array(z.object({ text: z.string() })) }));
    const bounded = defineForm('bounded-list', z.object({ notes: z.array(z.object({ text: z.string() })) }), { fields: { notes: { maxRows: 5 } } });
    const rowsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`notes.${i}.text`, 'x']));
    assert.equal(open.parse(rowsOf(DEFAULT_MAX_ROWS)).ok, true);
    const tooMany = open.parse(rowsOf(DEFAULT_MAX_ROWS + 1));
    assert.equal(tooMany.ok, false);
    assert.equal(tooMany.state.errors['notes'], `Keep at most ${DEFAULT_MAX_ROWS} rows.`);
    assert.equal(bounded.parse(rowsOf(5)).ok, true);
    assert.equal(bounded.parse(rowsOf(6)).state.errors['notes'], 'Keep at most 5 rows.');
    assert.throws(() => defineForm('bad-bound', z.object({ notes: z.array(z.object({ text: z.string() })) }), { fields: { notes: { maxRows: 0 } } }), /Form "bad-bound", field "notes": maxRows must be a whole number of at least 1/);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    process.off('warning', onWarning);
    assert.equal(warnings.filter((w) => w.includes('"open-list"')).length, 1);
    assert.equal(warnings.filter((w) => w.includes('"bounded-list"')).length, 0);
  });
});

describe('a list\'s words', () => {
  const words = defineForm('list-words', z.object({ items: z.array(z.object({ qty: z.int() })).min(1).max(3) }), {
    fields: {
      items: {
        itemLabel: { 'en-us': 'Item', de: 'Posten' },
        rowTexts: { removeRow: { 'en-us': 'Remove {item} {n}', de: '{Item} {n} entfernen' }, remove: { 'en-us': 'Remove', de: 'Entfernen' }, add: { 'en-us': 'Add {item}', de: 'Posten <hinzufügen>' } },
      },
    },
  });
  it('are the form\'s texts in the page\'s locale (ours where it gives none), in the HTML and in the spec the client names rows from, escaped for each', () => {
    const d = requestDojo({ locales: ['en-us', 'de'], csrf: false });
    d.locale = 'de';
    const html = d.form(words).html;
    const head = renderHead(d);
    assert.match(html, /<legend>Posten 1<\/legend>/);
    assert.match(html, /class="dijitize-remove" aria-label="Posten 1 entfernen" disabled>Entfernen<\/button>/);
    assert.match(html, /aria-label="Posten &lt;hinzufügen&gt;">Posten &lt;hinzufügen&gt;<\/button>/);
    assert.match(head, /"texts":\{"row":"Posten \{n\}","add":"Posten \\u003chinzufügen\\u003e","remove":"Entfernen","removeRow":"Posten \{n\} entfernen","up":"Nach oben","upRow":"Posten \{n\} nach oben"/);
    const english = requestDojo({ locales: ['en-us', 'de'], csrf: false });
    english.locale = 'en-us';
    assert.match(english.form(words).html, /aria-label="Remove item 1" disabled>Remove<\/button>/);
  });
});

describe('the options of a list of rows', () => {
  it('given to a field that is no list, fail at definition naming the form, the field and the options', () => {
    assert.throws(
      () => defineForm('not-a-list', z.object({ name: z.string(), tags: z.array(z.enum(['a', 'b'])) }), { fields: { tags: { itemLabel: 'Tag', maxRows: 3 } } }),
      (err: unknown) => err instanceof FormDefinitionError && /^Form "not-a-list", field "tags": itemLabel, maxRows are options of a list of rows/.test(err.message),
    );
    assert.throws(() => defineForm('not-a-list-2', z.object({ name: z.string() }), { fields: { name: { rowTexts: { add: 'Add' } } } }), /field "name": rowTexts is an option of a list of rows/);
  });
  it('a row text the list has not (a typo) fails at definition, naming the ones it takes', () => {
    const rows = z.object({ items: z.array(z.object({ qty: z.int() })).max(3) });
    assert.throws(
      () => defineForm('row-text-typo', rows, { fields: { items: { rowTexts: { remov: 'Weg' } as Record<string, string> } } }),
      /Form "row-text-typo", field "items": rowTexts has no remov \(it takes row, add, remove, removeRow, up, upRow, down, downRow\)/,
    );
  });
});

describe('intents that are not the form\'s', () => {
  const body = { customer: 'Ada', 'items.0.product': 'tea', 'items.0.qty': '1' };
  it('are refused (UnknownIntentError, a 400 that says why), never taken for a submit that would place the order', () => {
    for (const [intent, why] of [
      ['Add:items', /not one of add, remove, up, down, switch/],
      ['place-order', /not one of/],
      ['add:nothing', /the form has no list "nothing"/],
      ['remove:items:', /remove:<list>:<row> names a row by its number/],
      ['remove:items', /names a row by its number/],
      ['up:items:-1', /names a row by its number/],
      ['add:items:3', /add:<list> names no row/],
      ['down:items:0:extra', /too many parts/],
      ['switch:items', /the form has no sections "items"/],
    ] as const) {
      assert.throws(() => order.parse({ ...body, _intent: intent }), (err: Error & { status?: number }) => err instanceof UnknownIntentError && err.status === 400 && why.test(err.message), intent);
    }
    assert.throws(() => order.parse({ ...body, _intent: ['add:items', 'add:items'] }), /one button sends one intent/);
  });
});
