// The demo's forms: the seed's register form, and a time card that uses every default mapping, with the
// original design's roles: employees fill it in, only managers approve it, customers see none of it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { loadAcl } from '../server/access/index.js';
import { people } from './people.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The demo's access list (demo/acl.xml), found from sources (tsx) and from dist/demo alike. */
export const acl = loadAcl(path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../../demo' : '.', 'acl.xml'));

/** The time card a POST edits (the demo has no database): a new one, not approved. */
export const NEW_TIMECARD = { approved: false };

/** Usernames already taken (the demo has no database): checked live as the user types, and at submit. */
export const TAKEN_USERNAMES = ['root', 'webmaster', 'dijit', 'dojo'];
const TAKEN: Record<string, string> = { 'en-us': 'That username is taken.', de: 'Dieser Benutzername ist vergeben.', ar: 'اسم المستخدم هذا مأخوذ.' };

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
    // What is typed is kept in the browser until the form is sent (never the passwords).
    draft: true,
    submitLabel: { 'en-us': 'Register', de: 'Registrieren', ar: 'تسجيل' },
    fields: {
      username: {
        label: { 'en-us': 'Choose a username (letters and numbers only)', de: 'Benutzername (nur Buchstaben und Ziffern)', ar: 'اختر اسم مستخدم (حروف وأرقام فقط)' },
        help: { 'en-us': '2 to 16 letters, digits or underscores', de: '2 bis 16 Buchstaben, Ziffern oder Unterstriche', ar: 'من 2 إلى 16 حرفًا أو رقمًا أو شرطة سفلية' },
        // A check only the server can make: answered while the user types, and again at submit.
        check: async (name, { locale }) => (TAKEN_USERNAMES.includes(String(name).toLowerCase()) ? (TAKEN[locale ?? 'en-us'] ?? TAKEN['en-us']) : null),
        messages: {
          invalid: {
            'en-us': 'Username must be 16 characters or shorter, and can only contain letters, numbers, underscores and dashes.',
            de: 'Der Benutzername hat höchstens 16 Zeichen: Buchstaben, Ziffern, Unter- und Bindestriche.',
            ar: 'اسم المستخدم 16 حرفًا على الأكثر، من الحروف والأرقام والشرطات فقط.',
          },
        },
      },
      email: {
        label: { 'en-us': 'Email address', de: 'E-Mail-Adresse', ar: 'البريد الإلكتروني' },
        messages: { invalid: { 'en-us': 'Enter an email address such as ada@example.org.', de: 'Geben Sie eine E-Mail-Adresse wie ada@example.org ein.', ar: 'أدخل بريدًا إلكترونيًا مثل ada@example.org.' } },
      },
      password: { label: { 'en-us': 'Password', de: 'Passwort', ar: 'كلمة المرور' }, password: true, help: { 'en-us': 'At least 8 characters', de: 'Mindestens 8 Zeichen', ar: '8 أحرف على الأقل' } },
      confirm: { label: { 'en-us': 'Password again', de: 'Passwort wiederholen', ar: 'أعد كلمة المرور' }, password: true },
    },
  },
);

/** A long day is asked about, not refused: the hours may be right. */
const LONG_DAY = 10;
const ASK_LONG_DAY: Record<string, string> = {
  'en-us': `More than ${LONG_DAY} hours in one day: is that right?`,
  de: `Mehr als ${LONG_DAY} Stunden an einem Tag: stimmt das?`,
  ar: `أكثر من ${LONG_DAY} ساعات في يوم واحد: هل هذا صحيح؟`,
};

export const PROJECTS = { apollo: 'Apollo', gemini: 'Gemini', mercury: 'Mercury' } as const;
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const timecard = defineForm(
  'timecard',
  z.object({
    day: z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')),
    start: z.iso.time(),
    hours: z.number().min(0).max(24).multipleOf(0.25),
    // One of ten thousand people (demo/people.ts): found as the user types, never all in the page.
    employee: z.string().regex(/^[a-z0-9]{1,16}$/),
    projects: z.array(z.enum(keys(PROJECTS))).min(1),
    approved: z.boolean(),
    notes: z.string().max(1000).optional(),
  }),
  {
    submitLabel: { 'en-us': 'Save time card', de: 'Stundenzettel speichern', ar: 'احفظ بطاقة الوقت' },
    // Seeing a time card takes time_card/read, changing it time_card/write; approving is a manager's.
    access: { acl, see: { resource: 'time_card', privilege: 'read' }, change: { resource: 'time_card', privilege: 'write' } },
    fields: {
      day: { label: { 'en-us': 'Day', de: 'Tag', ar: 'اليوم' }, messages: { range: { 'en-us': 'Pick a day between 2020 and 2030.', de: 'Wählen Sie einen Tag zwischen 2020 und 2030.', ar: 'اختر يومًا بين 2020 و2030.' } } },
      start: { label: { 'en-us': 'Start time', de: 'Beginn', ar: 'وقت البدء' } },
      hours: {
        label: { 'en-us': 'Hours', de: 'Stunden', ar: 'الساعات' },
        help: { 'en-us': '0 to 24, in quarter hours', de: '0 bis 24, in Viertelstunden', ar: 'من 0 إلى 24، بأرباع الساعة' },
        messages: { range: { 'en-us': 'Hours run from 0 to 24 in steps of 0.25.', de: 'Stunden von 0 bis 24 in Schritten von 0,25.', ar: 'الساعات من 0 إلى 24 بخطوات 0.25.' } },
        // A warning: asked while the user types and when the card is sent; "Send it anyway" saves it.
        warn: (hours, { locale }) => (Number(hours) > LONG_DAY ? (ASK_LONG_DAY[locale ?? 'en-us'] ?? ASK_LONG_DAY['en-us']) : null),
      },
      employee: { label: { 'en-us': 'Employee', de: 'Mitarbeiterin', ar: 'الموظفة' }, choices: people },
      projects: { label: { 'en-us': 'Projects', de: 'Projekte', ar: 'المشاريع' }, choices: PROJECTS, messages: { required: { 'en-us': 'Pick at least one project.', de: 'Wählen Sie mindestens ein Projekt.', ar: 'اختر مشروعًا واحدًا على الأقل.' } } },
      approved: { label: { 'en-us': 'Approved by a manager', de: 'Von der Leitung genehmigt', ar: 'وافق عليه المدير' }, access: { change: { resource: 'time_card', privilege: 'approve' } } },
      notes: { label: { 'en-us': 'Manager notes', de: 'Notizen der Leitung', ar: 'ملاحظات المدير' }, access: { see: { resource: 'time_card', privilege: 'approve' }, change: { resource: 'time_card', privilege: 'approve' } } },
    },
  },
);
