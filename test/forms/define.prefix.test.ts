import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, FormDefinitionError } from '../../server/index.js';
import { requestDojo } from '../new-request-dojo.js';

const address = z.object({ street: z.string().min(1), city: z.string().min(1) });
const shipTo = defineForm('ship-to', address, { prefix: 'ship' });
const billTo = defineForm('bill-to', address, { prefix: 'bill' });

describe('several forms on one page: the prefix', () => {
  it('names and ids carry it, and each form says which it is', () => {
    const d = requestDojo({ csrf: false });
    const ship = d.form(shipTo).html;
    const bill = d.form(billTo).html;
    assert.match(ship, /<form id="ship" /);
    assert.match(ship, /<input type="hidden" name="_form" value="ship">/);
    assert.match(ship, /<input type="text" id="ship-street" name="ship-street"/);
    assert.match(bill, /<input type="text" id="bill-street" name="bill-street"/);
    assert.ok(!bill.includes('ship-'));
  });

  it('each form parses only its own fields, and isPosted tells which one sent a POST', () => {
    const body = { _form: 'bill', 'bill-street': '1 Main St', 'bill-city': 'Springfield', street: 'unprefixed', 'ship-street': 'x' };
    assert.equal(billTo.isPosted(body), true);
    assert.equal(shipTo.isPosted(body), false);
    const result = billTo.parse(body);
    assert.ok(result.ok);
    assert.deepEqual(result.data, { street: '1 Main St', city: 'Springfield' });
    const refused = shipTo.parse({ _form: 'ship', 'ship-street': '' });
    assert.equal(refused.ok, false);
    assert.ok(refused.state.errors['street'] && refused.state.errors['city']);
  });

  it('a form without a prefix is the one posted when no _form is sent', () => {
    const plain = defineForm('plain-address', address);
    assert.equal(plain.isPosted({ street: 'a' }), true);
    assert.equal(plain.isPosted({ _form: 'bill' }), false);
  });

  it('a bad prefix fails at definition', () => {
    assert.throws(() => defineForm('bad-prefix', address, { prefix: 'has space' }), (err: unknown) => err instanceof FormDefinitionError && /the prefix "has space"/.test(err.message));
  });
});
