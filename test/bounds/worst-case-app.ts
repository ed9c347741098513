// The app of the per-request bound tests: one form with each thing a POST can make large (a list with no
// .max(), a bounded and an unbounded text, a number), and the worst-case bodies that try. The flood test
// serves it in a process of its own; the bound test serves it in-process.
import express, { type Express } from 'express';
import * as z from 'zod';
import { defineForm, dojo, dojoErrors, type ChoiceSource } from '../../server/index.js';

/** 10,000 choices searched by substring, as a plain app's source would be: its cost grows with the query. */
const NAMES = Array.from({ length: 10_000 }, (_, i) => ({ value: `p${i}`, label: `Person number ${i}` }));
const people: ChoiceSource = {
  search: async (query, { offset, limit }) => {
    const found = NAMES.filter((n) => n.label.toLowerCase().includes(query.toLowerCase()));
    return { items: found.slice(offset, offset + limit), total: found.length };
  },
  get: async (value) => NAMES.find((n) => n.value === value) ?? null,
};

export const worstCase = defineForm(
  'worst',
  z.object({
    title: z.string().min(3).max(50),
    notes: z.string(),
    amount: z.number().min(0),
    items: z.array(z.object({ name: z.string().min(2) })),
    person: z.string().optional(),
  }),
  { fields: { person: { choices: people } } },
);

export function worstCaseApp(): Express {
  const app = express();
  app.use(dojo({ bodyLimit: '1mb' }));
  app.get('/', (req, res) => res.type('html').send(req.dojo.form(worstCase).html));
  app.post('/', async (req, res) => {
    const result = await req.dojo.parseAsync(worstCase, req.body);
    res.status(result.ok ? 200 : 422).type('html').send(req.dojo.form(worstCase, result.state).html);
  });
  app.use(dojoErrors());
  return app;
}

/** Bodies (without the token) that each try to make the server work, or write, far more than they send. */
export const WORST_BODIES: Record<string, string> = {
  'an ordinary refused POST': 'title=ok&notes=&amount=x',
  '900 rows in a list with no .max()': `title=ok&amount=1&${Array.from({ length: 900 }, (_, i) => `items.${i}.name=x`).join('&')}`,
  '100 KB of < in a bounded text': `title=${'%3C'.repeat(100_000)}&amount=1`,
  '100 KB of < in an unbounded text': `title=x&notes=${'%3C'.repeat(100_000)}&amount=1`,
  '100 KB of unencoded " in an unbounded text (6 bytes out each)': `title=x&notes=${'"'.repeat(100_000)}&amount=1`,
  '100 KB of digits and an x in a number': `title=ok&amount=${'1'.repeat(100_000)}x`,
  '97 KB in a field whose choices come from a source': `title=ok&amount=1&person=${'a'.repeat(97_000)}`,
};
