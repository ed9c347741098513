// The demo's wizard: an insurance claim in steps. The policy holder; the incident (a car or a home,
// sections of one form); the vehicle, asked only for a car; the damaged items (rows); and a review with a
// confirmation. Each step is a form of its own; the wizard keeps each tab's claim apart.
import * as z from 'zod';
import type { Express } from 'express';
import { defineForm } from '../server/index.js';
import { defineWizard, type WizardOptions } from '../server/wizards/index.js';
import { saveResult, savedResult } from './visitor-results.js';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const ROOMS = { kitchen: 'Kitchen', bathroom: 'Bathroom', living: 'Living room', bedroom: 'Bedroom' } as const;
export const CAUSES = { water: 'Water', fire: 'Fire', storm: 'Storm', theft: 'Theft' } as const;

export const holder = defineForm(
  'claim-holder',
  z.object({
    name: z.string().min(2).max(80),
    email: z.email(),
    policy: z.string().regex(/^POL-\d{6}$/),
  }),
  {
    fields: {
      name: { label: 'Full name' },
      email: { label: 'Email address' },
      policy: { label: 'Policy number', help: 'POL- and six digits, as on your policy', messages: { invalid: 'Enter a policy number such as POL-123456.' } },
    },
  },
);

export const incident = defineForm(
  'claim-incident',
  z.object({
    happened: z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')),
    what: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('car'), place: z.string().min(2).max(120) }),
      z.object({ kind: z.literal('home'), room: z.enum(keys(ROOMS)), cause: z.enum(keys(CAUSES)) }),
    ]),
    description: z.string().min(10).max(600),
  }),
  {
    fields: {
      happened: { label: 'When it happened', messages: { range: 'Pick a day between 2020 and 2030.' } },
      'what.kind': { label: 'What was damaged', widget: 'dijit/form/RadioButton', choices: { car: 'A car', home: 'A home' }, messages: { required: 'Choose a car or a home.' } },
      'what.place': { label: 'Where it happened' },
      'what.room': { label: 'Room', choices: ROOMS },
      'what.cause': { label: 'Cause', choices: CAUSES },
      description: { label: 'What happened', help: '10 to 600 characters' },
    },
  },
);

export const vehicle = defineForm(
  'claim-vehicle',
  z.object({
    plate: z.string().regex(/^[A-Z0-9-]{2,10}$/),
    make: z.string().min(2).max(40),
    year: z.int().min(1950).max(2030),
    driveable: z.boolean(),
  }),
  {
    fields: {
      plate: { label: 'Registration plate', help: 'Capital letters, digits and dashes', messages: { invalid: 'Enter the plate as it reads, such as AB-123-CD.' } },
      make: { label: 'Make and model' },
      year: { label: 'Year', messages: { range: 'Enter a year from 1950 to 2030.' } },
      driveable: { label: 'The car can still be driven' },
    },
  },
);

export const items = defineForm(
  'claim-items',
  z.object({
    items: z
      .array(z.object({ what: z.string().min(2).max(80), cost: z.number().min(1).max(100000) }))
      .min(1)
      .max(8),
  }),
  {
    fields: {
      items: { label: 'Damaged items', itemLabel: 'Item', help: '1 to 8 items', messages: { required: 'Add at least one item.' } },
      'items.what': { label: 'What it is' },
      'items.cost': { label: 'What it cost (EUR)', messages: { range: 'Enter a cost from 1 to 100000.' } },
    },
  },
);

export const review = defineForm('claim-review', z.object({ confirm: z.boolean().refine((v) => v, 'Confirm that the claim is true to send it.') }), {
  fields: { confirm: { label: 'What I told is true, to the best of my knowledge' } },
});

/** The wizard's texts in the demo's three languages. */
const TEXTS: WizardOptions['texts'] = {
  next: { 'en-us': 'Next', de: 'Weiter', ar: 'التالي' },
  back: { 'en-us': 'Back', de: 'Zurück', ar: 'السابق' },
  finish: { 'en-us': 'Send the claim', de: 'Schaden melden', ar: 'أرسل المطالبة' },
  steps: { 'en-us': 'Steps', de: 'Schritte', ar: 'الخطوات' },
  stepOf: { 'en-us': 'Step {n} of {total}', de: 'Schritt {n} von {total}', ar: 'الخطوة {n} من {total}' },
  change: { 'en-us': 'Change', de: 'Ändern', ar: 'تغيير' },
  yes: { 'en-us': 'Yes', de: 'Ja', ar: 'نعم' },
  no: { 'en-us': 'No', de: 'Nein', ar: 'لا' },
};

export const claim = defineWizard(
  'claim',
  [
    { name: 'holder', form: holder, title: 'Policy holder' },
    { name: 'incident', form: incident, title: 'Incident' },
    { name: 'vehicle', form: vehicle, title: 'Vehicle', when: (data) => (data['incident']?.['what'] as { kind?: string } | undefined)?.kind === 'car' },
    { name: 'items', form: items, title: 'Damaged items' },
    { name: 'review', form: review, title: 'Review and send', review: true },
  ],
  { title: 'Insurance claim', texts: TEXTS },
);

/** Mounts the claim at /claim: the wizard's router, and the page a sent claim ends on. */
export function mountClaim(app: Express): void {
  app.get('/claim/sent', (req, res) => {
    res.render('done.html', { title: 'Insurance claim: sent', saved: savedResult(req, '/claim') ?? {}, back: '/claim' });
  });
  app.use(
    '/claim',
    claim.router({
      page: (req, res, page) => res.render('wizard-page.html', { wizard: page }),
      done: (data, req, res) => {
        const shown: Record<string, string> = {
          name: data.holder.name,
          policy: data.holder.policy,
          kind: data.incident.what.kind,
          vehicle: data.vehicle ? `${data.vehicle.make} (${data.vehicle.plate})` : '',
          items: data.items.items.map((i) => `${i.what}: ${i.cost}`).join('; '),
          total: String(data.items.items.reduce((sum, i) => sum + i.cost, 0)),
        };
        saveResult(req, res, '/claim', shown);
        res.redirect(303, '/claim/sent');
      },
    }),
  );
}
