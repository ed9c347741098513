import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, FormDefinitionError } from '../../server/index.js';
import { renderHead } from '../../server/http/head-tag.js';
import { requestDojo } from '../new-request-dojo.js';

const shipping = defineForm(
  'union-shipping',
  z.object({
    name: z.string().min(1),
    delivery: z.discriminatedUnion('method', [
      z.object({ method: z.literal('pickup'), store: z.enum(['north', 'south']) }),
      z.object({ method: z.literal('ship'), address: z.object({ street: z.string().min(3), city: z.string().min(2) }) }),
    ]),
  }),
  { fields: { 'delivery.method': { label: 'How', choices: { pickup: 'Pick up', ship: 'Ship it' }, widget: 'dijit/form/RadioButton' } } },
);
const page = (state = {}) => requestDojo({ csrf: false }).form(shipping, state).html;

describe('discriminated unions', () => {
  it('the discriminator is a radio group; each branch a section, the unchosen ones hidden and unchecked by the browser', () => {
    const html = page({ values: { 'delivery.method': 'ship' } });
    assert.match(html, /<fieldset class="dijitize-union" id="union-shipping-delivery"><legend>Delivery<\/legend>/);
    assert.match(html, /<input type="radio" id="union-shipping-delivery-method-1" name="delivery\.method" value="ship" checked>/);
    assert.match(html, /<button type="submit" name="_intent" value="switch:delivery" formnovalidate class="dijitize-switch">/);
    assert.match(html, /<fieldset class="dijitize-branch" id="union-shipping-delivery-pickup" hidden><legend>Pick up<\/legend>.*<select id="union-shipping-delivery-store" name="delivery\.store">/s);
    assert.match(html, /<fieldset class="dijitize-branch" id="union-shipping-delivery-ship"><legend>Ship it<\/legend>.*name="delivery\.address\.street"[^>]*required/s);
  });

  it('only the chosen branch is validated; what was typed in the others is kept', () => {
    const body = { name: 'Ada', 'delivery.method': 'pickup', 'delivery.store': 'north', 'delivery.address.street': 'x', 'delivery.address.city': '' };
    const result = shipping.parse(body);
    assert.ok(result.ok);
    assert.deepEqual(result.data.delivery, { method: 'pickup', store: 'north' });
    const refused = shipping.parse({ ...body, 'delivery.method': 'ship' });
    assert.equal(refused.ok, false);
    assert.deepEqual(Object.keys(refused.state.errors).sort(), ['delivery.address.city', 'delivery.address.street']);
    assert.equal(refused.state.values['delivery.store'], 'north', 'the other branch keeps its value');
    assert.match(page(refused.state), /<option value="north" selected>/);
  });

  it('no choice: the discriminator is required; a choice that is no branch is refused', () => {
    assert.deepEqual(Object.keys(shipping.parse({ name: 'Ada' }).state.errors), ['delivery.method']);
    assert.deepEqual(Object.keys(shipping.parse({ name: 'Ada', 'delivery.method': 'teleport' }).state.errors), ['delivery.method']);
  });

  it('without JavaScript, the switch button re-renders with the chosen section and no errors', () => {
    const result = shipping.parse({ name: '', 'delivery.method': 'ship', _intent: 'switch:delivery' });
    assert.ok(!result.ok && result.intent);
    assert.deepEqual(result.state.errors, {});
    assert.match(page(result.state), /<fieldset class="dijitize-branch" id="union-shipping-delivery-ship"><legend>/);
  });

  it('the spec tells the client each section and the discriminator\'s name', () => {
    const d = requestDojo({ csrf: false });
    d.form(shipping);
    assert.match(renderHead(d), /"unions":\[\{"name":"delivery.method","sections":\[\["pickup","union-shipping-delivery-pickup"\],\["ship","union-shipping-delivery-ship"\]\]\}\]/);
  });

  it('two branches with the same field are refused at definition, naming it', () => {
    const twice = z.object({ d: z.discriminatedUnion('k', [z.object({ k: z.literal('a'), note: z.string() }), z.object({ k: z.literal('b'), note: z.string() })]) });
    assert.throws(() => defineForm('union-twice', twice), (err: unknown) => err instanceof FormDefinitionError && /field "d.note": two branches/.test(err.message));
  });
});

describe('a hidden section\'s input types', () => {
  const pay = defineForm(
    'union-pay',
    z.object({
      payment: z.discriminatedUnion('method', [
        z.object({ method: z.literal('card'), holder: z.string() }),
        z.object({ method: z.literal('invoice'), email: z.email(), due: z.date(), pin: z.string() }),
      ]),
    }),
    { fields: { 'payment.pin': { password: true } } },
  );
  const html = (method: string) => requestDojo({ csrf: false }).form(pay, { values: { 'payment.method': method, 'payment.email': 'not an address' } }).html;

  it('are plain text while hidden (an email or date box would stop the browser sending a bad value it does not show), a password stays one', () => {
    assert.match(html('card'), /<input type="text" id="union-pay-payment-email" name="payment\.email" value="not an address">/);
    assert.match(html('card'), /<input type="text" id="union-pay-payment-due" name="payment\.due"/);
    assert.match(html('card'), /<input type="password" id="union-pay-payment-pin"/);
  });

  it('are their own while shown', () => {
    assert.match(html('invoice'), /<input type="email" id="union-pay-payment-email" name="payment\.email"[^>]* required/);
    assert.match(html('invoice'), /<input type="date" id="union-pay-payment-due"/);
  });
});
