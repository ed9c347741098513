// The three-way merge of an edit sent after the record changed: field by field, and a list of rows row by
// row, with the rows each side added all kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { order } from '../../../demo/order-forms.js';
import { mergeEdit, type EditSide } from '../../../server/forms/request/edit-merge.js';

const side = (customer: string, items: Array<[string, string]>): EditSide => ({
  values: { customer, ...Object.fromEntries(items.flatMap(([product, quantity], i) => [[`items.${i}.product`, product], [`items.${i}.quantity`, quantity]])) },
  rows: { items: items.length },
});
const merge = (base: EditSide, mine: EditSide, theirs: EditSide) => mergeEdit(order.compiled, base, mine, theirs, () => true);
const BASE = side('Ada', [['tea', '1']]);

describe('mergeEdit', () => {
  it('takes each side\'s own changes; a field both changed apart keeps mine and names the saved value', () => {
    const merged = merge(BASE, side('Ada King', [['tea', '2']]), side('Ada', [['tea', '3']]));
    assert.equal(merged.values['customer'], 'Ada King');
    assert.equal(merged.values['items.0.quantity'], '2');
    assert.deepEqual(merged.conflicts, { 'items.0.quantity': '3' });
    assert.deepEqual(merged.listConflicts, {});
  });

  it('keeps the rows both sides added: the saved ones first, then mine', () => {
    const merged = merge(BASE, side('Ada', [['tea', '1'], ['cake', '2']]), side('Ada', [['tea', '1'], ['coffee', '5']]));
    assert.deepEqual(merged.conflicts, {});
    assert.equal(merged.rows['items'], 3);
    assert.deepEqual([0, 1, 2].map((i) => merged.values[`items.${i}.product`]), ['tea', 'coffee', 'cake']);
  });

  it('a list one side cut and the other changed is a conflict of the whole list (mine kept); the same change on both is none', () => {
    const cut = merge(side('Ada', [['tea', '1'], ['cake', '1']]), side('Ada', [['tea', '1']]), side('Ada', [['tea', '1'], ['cake', '4']]));
    assert.deepEqual(cut.listConflicts, { items: 2 });
    assert.equal(cut.rows['items'], 1);
    const alike = merge(BASE, side('Grace', [['tea', '1']]), side('Grace', [['tea', '1']]));
    assert.deepEqual([alike.conflicts, alike.values['customer']], [{}, 'Grace']);
  });
});
