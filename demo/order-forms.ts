// The demo's order page: an order with line items (a list of rows) and a delivery that is either a
// pickup or a shipment (a discriminated union), and beside it a second form with a prefix, so that the
// two share a page without sharing names.
import * as z from 'zod';
import { defineForm } from '../server/index.js';

export const PRODUCTS = { tea: 'Tea', coffee: 'Coffee', cake: 'Cake' } as const;
export const STORES = { north: 'North Street', harbour: 'Harbour Road' } as const;
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const order = defineForm(
  'order',
  z.object({
    customer: z.string().min(2).max(60),
    items: z
      .array(z.object({ product: z.enum(keys(PRODUCTS)), quantity: z.int().min(1).max(99) }))
      .min(1)
      .max(20),
    delivery: z.discriminatedUnion('method', [
      z.object({ method: z.literal('pickup'), store: z.enum(keys(STORES)) }),
      z.object({ method: z.literal('ship'), address: z.object({ street: z.string().min(3).max(80), city: z.string().min(2).max(40) }) }),
    ]),
  }),
  {
    submitLabel: 'Place order',
    fields: {
      customer: { label: 'Your name' },
      items: { label: 'Line items', itemLabel: 'Item', help: '1 to 20 items', messages: { required: 'Add at least one item.' } },
      'items.product': { label: 'Product', choices: PRODUCTS },
      'items.quantity': { label: 'Quantity', messages: { range: 'Order 1 to 99.' } },
      'delivery.method': { label: 'How it reaches you', widget: 'dijit/form/RadioButton', choices: { pickup: 'Pick up at a store', ship: 'Ship to an address' }, messages: { required: 'Choose pickup or shipping.' } },
      'delivery.store': { label: 'Store', choices: STORES },
      'delivery.address.street': { label: 'Street' },
      'delivery.address.city': { label: 'City' },
    },
  },
);

export const newsletter = defineForm('newsletter', z.object({ email: z.email() }), {
  prefix: 'news',
  submitLabel: 'Subscribe',
  fields: { email: { label: 'Email for our newsletter' } },
});
