// Every alternative widget a field can choose, in one form: proves that each is reachable, starts from
// its plain HTML, and posts a value the server reads.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

const SIZES = { s: 'Small', m: 'Medium', l: 'Large' };
const sizes = z.enum(['s', 'm', 'l']);

export const gallery = defineForm(
  'gallery',
  z.object({
    plain: z.string().max(20),
    suggest: z.string(),
    grown: z.string().max(100),
    size: sizes,
    fit: sizes,
    price: z.number().min(0).max(1000),
    volume: z.number().min(0).max(10).multipleOf(1),
    tags: z.array(sizes).min(1),
  }),
  {
    fields: {
      plain: { widget: 'dijit/form/TextBox' },
      suggest: { widget: 'dijit/form/ComboBox', choices: ['apple', 'banana', 'cherry'] },
      grown: { widget: 'dijit/form/Textarea' },
      size: { widget: 'dijit/form/Select', choices: SIZES },
      fit: { widget: 'dijit/form/RadioButton', choices: SIZES },
      price: { widget: 'dijit/form/CurrencyTextBox', props: { currency: 'USD' } },
      volume: { widget: 'dijit/form/HorizontalSlider', props: { style: 'width: 300px' } },
      tags: { widget: 'dijit/form/CheckBox', choices: SIZES },
    },
  },
);

export const mountGallery = (app: Express) => mountForm(app, { path: '/gallery', form: gallery, title: 'Widget gallery', intro: 'Every alternative widget.' });
