// A form with a hostile string in every position a definition or a user can put one: label, help,
// messages, choices, submit label, the user's values and the server's errors.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

export const HOSTILE = `"'><img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script><!--\u2028\\`;

const hostile = defineForm(
  'hostile',
  z.object({
    name: z.string().max(200).refine(() => false, HOSTILE),
    color: z.enum(['red', HOSTILE]),
    tags: z.array(z.enum(['plain', HOSTILE])),
  }),
  {
    submitLabel: HOSTILE,
    fields: {
      name: { label: HOSTILE, help: HOSTILE, placeholder: HOSTILE, messages: { invalid: HOSTILE, required: HOSTILE } },
      color: { label: HOSTILE, choices: { red: 'Red', [HOSTILE]: HOSTILE } },
      tags: { label: HOSTILE, widget: 'dijit/form/CheckBox', choices: { plain: 'Plain', [HOSTILE]: HOSTILE } },
    },
  },
);

export function mountHostile(app: Express): void {
  mountForm(app, { path: '/hostile', form: hostile, title: HOSTILE, intro: HOSTILE });
  mountForm(app, {
    path: '/hostile-csp',
    form: hostile,
    title: HOSTILE,
    intro: HOSTILE,
    prepare: (req, res) => {
      req.dojo.formFunction = { module: 'dijitize/forms', fn: 'build' };
      res.set('Content-Security-Policy', "script-src 'self'");
    },
  });
}
