// A form of 60 fields, more than dijitize makes at once: its widgets past the first ones are made as
// they come into view, take the focus, or the browser is idle, and all before it is sent.
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

export function mountLarge(app: Express): void {
  mountForm(app, { path: '/large', form: large, title: 'Large form', intro: 'Sixty answers.' });
}
