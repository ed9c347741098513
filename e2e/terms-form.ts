// A signup with "accept the terms" as zod writes it (z.literal(true)), at /terms: the box must be ticked.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

export const terms = defineForm('terms', z.object({ name: z.string().min(2), accept: z.literal(true) }), {
  submitLabel: 'Sign up',
  // The form that shows the leave guard turned off (e2e/leave-guard.spec.ts).
  leaveGuard: false,
  fields: { name: { label: 'Your name' }, accept: { label: 'I accept the terms' } },
});

export const mountTerms = (app: Express) => mountForm(app, { path: '/terms', form: terms, title: 'Terms', intro: 'A box that must be ticked.' });
