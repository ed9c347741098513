// A checkout whose payment is a card or an invoice (a discriminated union), at /payment: the invoice's
// email box carries a native constraint (type="email") while it shows, and none once it is hidden.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

export const payment = defineForm(
  'payment',
  z.object({
    payment: z.discriminatedUnion('method', [
      z.object({ method: z.literal('card'), holder: z.string().min(2) }),
      z.object({ method: z.literal('invoice'), email: z.email() }),
    ]),
  }),
  {
    submitLabel: 'Pay',
    fields: {
      'payment.method': { label: 'How you pay', widget: 'dijit/form/RadioButton', choices: { card: 'By card', invoice: 'By invoice' } },
      'payment.holder': { label: 'Card holder' },
      'payment.email': { label: 'Invoice email' },
    },
  },
);

export const mountPayment = (app: Express) => mountForm(app, { path: '/payment', form: payment, title: 'Payment', intro: 'Card or invoice.' });
