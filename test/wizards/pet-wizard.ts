// Test fixture: a three-step wizard (you; your pet, asked only if you have one; confirm) behind dojo(),
// with what its `done` got, and a name the server starts refusing (for the final check).
import express, { type Express } from 'express';
import type { Arrivals } from '../arrivals.js';
import * as z from 'zod';
import { defineForm, dojo, type DojoSettings } from '../../server/index.js';
import { defineWizard, type WizardDataSoFar, type WizardOptions, type WizardPage } from '../../server/wizards/index.js';

/** Names the server refuses: a test adds one after its step was accepted. */
export const REFUSED_NAMES = new Set<string>();

export const you = defineForm(
  'wizard-test-you',
  z.object({ name: z.string().min(2).max(40), hasPet: z.boolean() }),
  {
    fields: {
      name: { label: 'Your name', check: async (name) => (REFUSED_NAMES.has(String(name)) ? 'That name is no longer taken.' : null) },
      hasPet: { label: 'I have a pet' },
    },
  },
);
export const pet = defineForm('wizard-test-pet', z.object({ species: z.enum(['cat', 'dog']), petName: z.string().min(1).max(40) }), {
  fields: { species: { label: 'Species', choices: { cat: 'Cat', dog: 'Dog' } }, petName: { label: 'Its name', warn: (name) => (String(name).length > 12 ? 'A long name for a pet: is it right?' : null) } },
});
export const confirm = defineForm('wizard-test-confirm', z.object({ sure: z.boolean().refine((v) => v, 'Tick to confirm.') }), { fields: { sure: { label: 'Sure' } } });

export const STEPS = [
  { name: 'you', form: you, title: 'You' },
  { name: 'pet', form: pet, title: 'Your pet', when: (data: WizardDataSoFar) => data['you']?.['hasPet'] === true },
  { name: 'confirm', form: confirm, title: 'Confirm', review: true },
] as const;

export interface PetApp {
  app: Express;
  /** What `done` got, once per finished instance. */
  results: unknown[];
}

/** What a test adds to the app: a call at each `done`, and a `done` held until the racing Finishes are all in. */
export interface PetHooks {
  done?: () => void;
  race?: Arrivals;
}

/** The app: the wizard at /pets (a new definition each call, named `name`, with `options`). */
export function petApp(options: WizardOptions = {}, settings: DojoSettings = {}, name = 'pets', { done, race }: PetHooks = {}): PetApp {
  const wizard = defineWizard(name, STEPS, options);
  const results: unknown[] = [];
  const app = express();
  if (race) app.use(race.before);
  app.use(dojo(settings));
  const page = (_req: express.Request, res: express.Response, shown: WizardPage) =>
    void res.type('html').send(`<title>${shown.pageTitle(shown.title)}</title><main data-kind="${shown.kind}">${shown.html}</main>`);
  app.use(
    '/pets',
    wizard.router({
      page,
      done: async (data, _req, res) => {
        done?.();
        // Two Finishes at once: the first waits here until the other has reached the server too.
        await race?.wait();
        results.push(data);
        res.redirect(303, '/thanks');
      },
    }),
  );
  app.get('/thanks', (_req, res) => void res.send('thanks'));
  return { app, results };
}
