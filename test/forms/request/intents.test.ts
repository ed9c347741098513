// request/intents.ts: what a list's or a section's button asks for (`_intent`), and the rows it leaves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { UnknownIntentError } from '../../../server/common/errors.js';
import { defineForm } from '../../../server/forms/define.js';
import { applyIntent, intentOf, postedFields, type ListIntent } from '../../../server/forms/request/intents.js';

const order = defineForm(
  'intents-order',
  z.object({
    items: z.array(z.object({ name: z.string() })).min(1).max(3),
    delivery: z.discriminatedUnion('method', [z.object({ method: z.literal('post'), street: z.string() }), z.object({ method: z.literal('pickup') })]),
  }),
).compiled;
const items = order.lists[0]!;
const intent = (value: unknown) => intentOf(order, { _intent: value });

describe('intentOf', () => {
  it('reads each button of the form: add, remove, up, down a row; switch a section', () => {
    assert.equal(intentOf(order, {}), null);
    assert.deepEqual(intent('add:items'), { action: 'add', list: items, row: -1 });
    assert.deepEqual(intent('remove:items:2'), { action: 'remove', list: items, row: 2 });
    assert.deepEqual(intent('down:items:0'), { action: 'down', list: items, row: 0 });
    assert.deepEqual(intent('switch:delivery'), { action: 'switch', union: order.unions[0] });
  });

  it('refuses any other value with UnknownIntentError, a 400 that quotes it and says why', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['Remove:items:1', /not one of add, remove, up, down, switch/],
      ['remove:items:', /names a row by its number/],
      ['remove:items:1:2', /too many parts/],
      ['add:items:1', /add:<list> names no row/],
      ['add:nothing', /the form has no list "nothing"/],
      ['switch:items', /no sections "items"/],
      [['add:items', 'add:items'], /one button sends one intent/],
      ['remove:items:99999', /names a row by its number/],
    ];
    for (const [value, why] of cases) {
      const quoted = JSON.stringify(String(value));
      assert.throws(() => intent(value), (err: unknown) => err instanceof UnknownIntentError && err.status === 400 && why.test(err.message) && err.message.includes(quoted), String(value));
    }
  });
});

describe('applyIntent', () => {
  const at = (action: ListIntent['action'], row: number): ListIntent => ({ action, list: items, row });
  it('adds a blank row (null), removes one, moves one up or down', () => {
    assert.deepEqual(applyIntent(at('add', -1), 2), [0, 1, null]);
    assert.deepEqual(applyIntent(at('remove', 0), 2), [1]);
    assert.deepEqual(applyIntent(at('up', 1), 3), [1, 0, 2]);
    assert.deepEqual(applyIntent(at('down', 1), 3), [0, 2, 1]);
  });
  it('keeps to the list bounds and its rows: no row past the maximum, none below the minimum, no move past an end', () => {
    assert.deepEqual(applyIntent(at('add', -1), 3), [0, 1, 2]);
    assert.deepEqual(applyIntent(at('remove', 0), 1), [0]);
    assert.deepEqual(applyIntent(at('up', 0), 2), [0, 1]);
    assert.deepEqual(applyIntent(at('down', 1), 2), [0, 1]);
    assert.deepEqual(applyIntent(at('remove', 7), 2), [0, 1]);
  });
});

describe('postedFields', () => {
  it('reads rows in the order they were posted, numbered from 0: gaps left in the page close up', () => {
    const { fields, rows } = postedFields(order, { 'items.5.name': 'b', 'items.2.name': 'a', 'delivery.method': 'pickup' });
    assert.deepEqual(rows, { items: 2 });
    const rowFields = fields.filter((f) => f.path.startsWith('items.'));
    assert.deepEqual(rowFields.map((f) => [f.path, f.name]), [['items.0.name', 'items.5.name'], ['items.1.name', 'items.2.name']]);
  });
});
