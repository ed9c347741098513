// A form of 60 fields, and a list of 30 rows of two fields: more than dijitize makes at once. Their widgets
// past the first ones are made as they come into view, take the focus, or the browser is idle, and all
// before the form is sent.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

export const LARGE_FIELDS = 60;

export const large = defineForm(
  'large',
  z.object(Object.fromEntries(Array.from({ length: LARGE_FIELDS }, (_, i) => [`q${i + 1}`, z.string().min(2)]))),
  { submitLabel: 'Send answers', fields: Object.fromEntries(Array.from({ length: LARGE_FIELDS }, (_, i) => [`q${i + 1}`, { label: `Answer ${i + 1}` }])) },
);

export const LIST_ROWS = 30;

export const largeList = defineForm(
  'largelist',
  z.object({ items: z.array(z.object({ product: z.string().min(2), quantity: z.int().min(1).max(99) })).min(1).max(40) }),
  { submitLabel: 'Save lines', fields: { items: { label: 'Lines', itemLabel: 'Line' }, 'items.product': { label: 'Product' }, 'items.quantity': { label: 'Quantity' } } },
);

/** The list page edits these lines: thirty rows, as an order with many lines shows them. */
const lines = () => ({ items: Array.from({ length: LIST_ROWS }, (_, i) => ({ product: `product ${i + 1}`, quantity: i + 1 })) });

export function mountLarge(app: Express): void {
  mountForm(app, { path: '/large', form: large, title: 'Large form', intro: 'Sixty answers.' });
  mountForm(app, {
    path: '/large-list',
    form: largeList,
    title: 'Large list',
    intro: 'Thirty lines.',
    edit: { load: () => ({ record: lines(), version: 1 }), save: () => undefined },
    // The done page shows the lines as sent, in their order.
    accept: async (data) => ({ items: JSON.stringify(data['items']) }),
  });
}
