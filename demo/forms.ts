// The demo's forms: the seed's register form, and a time card that uses every default mapping, with the
// original design's roles: employees fill it in, only managers approve it, customers see none of it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { defineForm, loadAcl } from '../server/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The demo's access list (demo/acl.xml), found from sources (tsx) and from dist/demo alike. */
export const acl = loadAcl(path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../../demo' : '.', 'acl.xml'));

/** The time card a POST edits (the demo has no database): a new one, not approved. */
export const NEW_TIMECARD = { approved: false };

export const register = defineForm(
  'register',
  z
    .object({
      username: z
        .string()
        .min(2)
        .max(16)
        .regex(/^\w{2,16}$/)
        .refine((name) => name.toLowerCase() !== 'admin', 'That username is taken.'),
      email: z.email(),
      password: z.string().min(8).max(64),
      confirm: z.string().min(8).max(64),
    })
    .refine((form) => form.password === form.confirm, 'The passwords do not match.'),
  {
    action: '',
    submitLabel: 'Register',
    fields: {
      username: {
        label: 'Choose a username (letters and numbers only)',
        help: '2 to 16 letters, digits or underscores',
        messages: {
          invalid: 'Username must be 16 characters or shorter, and can only contain letters, numbers, underscores and dashes.',
        },
      },
      email: { label: 'Email address', messages: { invalid: 'Enter an email address such as ada@example.org.' } },
      password: { label: 'Password', password: true, help: 'At least 8 characters' },
      confirm: { label: 'Password again', password: true },
    },
  },
);

export const EMPLOYEES = { ada: 'Ada Lovelace', alan: 'Alan Turing', grace: 'Grace Hopper' } as const;
export const PROJECTS = { apollo: 'Apollo', gemini: 'Gemini', mercury: 'Mercury' } as const;
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const timecard = defineForm(
  'timecard',
  z.object({
    day: z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')),
    start: z.iso.time(),
    hours: z.number().min(0).max(24).multipleOf(0.25),
    employee: z.enum(keys(EMPLOYEES)),
    projects: z.array(z.enum(keys(PROJECTS))).min(1),
    approved: z.boolean(),
    notes: z.string().max(1000).optional(),
  }),
  {
    submitLabel: 'Save time card',
    // Seeing a time card takes time_card/read, changing it time_card/write; approving is a manager's.
    access: { acl, see: { resource: 'time_card', privilege: 'read' }, change: { resource: 'time_card', privilege: 'write' } },
    fields: {
      day: { label: 'Day', messages: { range: 'Pick a day between 2020 and 2030.' } },
      start: { label: 'Start time' },
      hours: { label: 'Hours', help: '0 to 24, in quarter hours', messages: { range: 'Hours run from 0 to 24 in steps of 0.25.' } },
      employee: { label: 'Employee', choices: EMPLOYEES },
      projects: { label: 'Projects', choices: PROJECTS, messages: { required: 'Pick at least one project.' } },
      approved: { label: 'Approved by a manager', access: { change: { resource: 'time_card', privilege: 'approve' } } },
      notes: { label: 'Manager notes', access: { see: { resource: 'time_card', privilege: 'approve' }, change: { resource: 'time_card', privilege: 'approve' } } },
    },
  },
);
