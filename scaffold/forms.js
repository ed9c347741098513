// The app's forms, each defined once: the schema checks the POST, and its constraints become the
// widgets' (required, lengths, ranges, choices). `npx dijitize explain --app app.js` shows the mapping.
import * as z from 'zod';
import { defineForm } from 'dijitize';

export const contact = defineForm(
  'contact',
  z.object({
    name: z.string().trim().min(2).max(60),
    email: z.email(),
    topic: z.enum(['question', 'bug', 'praise']),
    message: z.string().min(10).max(2000),
    copy: z.boolean().default(false),
  }),
  {
    submitLabel: 'Send',
    fields: {
      name: { label: 'Your name' },
      email: { label: 'Email', messages: { invalid: 'Enter an email address such as ada@example.org.' } },
      topic: { choices: { question: 'A question', bug: 'A bug', praise: 'Praise' } },
      message: { help: 'At least 10 characters.' },
      copy: { label: 'Send me a copy' },
    },
  },
);
