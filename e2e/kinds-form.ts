// One field of every widget kind, with values the server writes in, at /kinds; and the same fields past
// forty others at /kinds-large, where they are made lazily (dijitize/lazyWidgets). The tests put values into
// the plain controls before their widgets exist and check that the widgets, and the POST, keep them.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

const SIZES = { s: 'Small', m: 'Medium', l: 'Large' };
const sizes = z.enum(['s', 'm', 'l']);

/** Fields that start with a value the server writes, so that a replaced value shows. */
const kinds = {
  text: z.string().default('written'),
  notes: z.string().max(500).default('old notes'),
  count: z.number().default(63),
  day: z.date().default(new Date(Date.UTC(2026, 0, 5))),
  at: z.iso.time().default('09:00:00'),
  size: sizes.default('s'),
  fruit: z.string().default('apple'),
  agree: z.boolean().default(false),
  fit: sizes.default('s'),
  tags: z.array(sizes).default(['s']),
};
const kindOptions = {
  notes: { label: 'Notes' },
  count: { label: 'Count' },
  day: { label: 'Day' },
  at: { label: 'At' },
  size: { label: 'Size', widget: 'dijit/form/Select', choices: SIZES },
  fruit: { label: 'Fruit', widget: 'dijit/form/ComboBox', choices: ['apple', 'banana', 'cherry'] },
  agree: { label: 'Agree' },
  fit: { label: 'Fit', widget: 'dijit/form/RadioButton', choices: SIZES },
  tags: { label: 'Tags', choices: SIZES },
} as const;

export const kindsForm = defineForm('kinds', z.object(kinds), { fields: { text: { label: 'Text' }, ...kindOptions } });

/** How many plain fields come before the kinds on the large form: past what lazyWidgets makes at once. */
export const FILLERS = 40;
const fillers = Object.fromEntries(Array.from({ length: FILLERS }, (_, i) => [`f${i + 1}`, z.string().optional()]));
export const kindsLargeForm = defineForm('kinds-large', z.object({ ...fillers, ...kinds }), {
  fields: { text: { label: 'Text' }, ...kindOptions, ...Object.fromEntries(Object.keys(fillers).map((k, i) => [k, { label: `Filler ${i + 1}` }])) },
});

export function mountKinds(app: Express): void {
  mountForm(app, { path: '/kinds', form: kindsForm, title: 'Every kind', intro: 'One field of each widget kind.' });
  mountForm(app, { path: '/kinds-large', form: kindsLargeForm, title: 'Every kind, large', intro: 'The same fields after forty others.' });
}
