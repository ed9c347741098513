// A user's app, as README tells it, run from the packed and installed dijitize (never from the repo).
// ENGINE=nunjucks (the {% dojo %} tag) or literal (renderHead in a template literal); THEME; RELEASE_DIR
// to serve a `dijitize build`; FORM_FUNCTION=1 for pages with no inline script.
import express from 'express';
import * as z from 'zod';
import { defineForm, dojo, renderHead, useDijitize } from 'dijitize';
import { defineWizard } from 'dijitize/wizards';
import { loadAcl } from 'dijitize/access';

export const signup = defineForm('signup', z.object({
  name: z.string().min(2).max(20),
  hours: z.number().min(0).max(24),
}), { submitLabel: 'Sign up', fields: { hours: { help: '0 to 24' } } });

// Access by role, as README's section tells it: an employee fills the card in, only a manager approves it.
const acl = loadAcl(new URL('./acl.json', import.meta.url).pathname);
export const card = defineForm('card', z.object({ hours: z.number().min(0).max(24), approved: z.boolean() }), {
  submitLabel: 'Save card',
  access: { acl, see: { resource: 'card', privilege: 'read' }, change: { resource: 'card', privilege: 'write' } },
  fields: { approved: { access: { change: { resource: 'card', privilege: 'approve' } } } },
});
const record = { hours: 0, approved: false };

// A live check and choices from a source, as README's section on them tells it.
const CITIES = ['Paris', 'Porto', 'Prague', 'Pretoria', 'Quito', 'Rome'].map((label) => ({ value: label.toLowerCase(), label }));
const cities = {
  search: async (query, { offset, limit }) => {
    const found = CITIES.filter((c) => c.label.toLowerCase().startsWith(query.toLowerCase()));
    return { items: found.slice(offset, offset + limit), total: found.length };
  },
  get: async (value) => CITIES.find((c) => c.value === value) ?? null,
};
export const join = defineForm('join', z.object({ nick: z.string().min(2), city: z.string() }), {
  submitLabel: 'Join',
  fields: { nick: { check: async (nick) => (nick === 'taken' ? 'That nick is taken.' : null) }, city: { choices: cities } },
});

// A form with a file, as README's "Uploads" tells it; the note must say "ok" (a check only the server makes).
export const claim = defineForm('claim', z.object({
  note: z.string().min(1).refine((note) => note === 'ok', 'Say ok.'),
  receipt: z.file().max(2 * 1024 * 1024).mime(['image/png', 'application/pdf']),
}), { submitLabel: 'Claim', fields: { receipt: { label: 'Receipt' } } });

// A wizard, as README's "Wizards" tells it: who travels, then (for a long trip only) where to stay.
const traveller = defineForm('traveller', z.object({ name: z.string().min(2), nights: z.int().min(1).max(30) }), { fields: { nights: { label: 'Nights' } } });
const stay = defineForm('stay', z.object({ hotel: z.string().min(2) }), { fields: { hotel: { label: 'Hotel' } } });
export const trip = defineWizard('trip', [
  { name: 'who', form: traveller, title: 'Traveller' },
  { name: 'stay', form: stay, title: 'Stay', when: (data) => data['who']?.['nights'] > 1 },
], { title: 'Trip' });

const app = express();
const engine = process.env.ENGINE ?? 'nunjucks';
if (engine === 'nunjucks') {
  // Nunjucks is optional: an app with another engine does not install it.
  const { default: nunjucks } = await import('nunjucks');
  useDijitize(nunjucks.configure(new URL('./templates', import.meta.url).pathname, { express: app, autoescape: true }));
}
app.use(dojo({
  theme: process.env.THEME ?? 'claro',
  releaseDir: process.env.RELEASE_DIR || null,
  formFunction: process.env.FORM_FUNCTION ? { module: 'dijitize/forms', fn: 'build' } : null,
}));

let saved = null;
const page = (req, res, form) => {
  if (engine === 'nunjucks') return res.render('page.html', { form });
  res.send(`<!DOCTYPE html><html lang="${req.dojo.lang}" dir="${req.dojo.dir}"><head><meta charset="utf-8"><title>Sign up</title>${renderHead(req.dojo)}</head>
<body class="${req.dojo.bodyClass}"><main><h1>Sign up</h1>${form.html}</main></body></html>`);
};
app.get('/', (req, res) => page(req, res, req.dojo.form(signup)));
app.post('/', (req, res) => {
  const result = signup.parse(req.body);
  if (!result.ok) return page(req, res.status(422), req.dojo.form(signup, result.state));
  saved = result.data;
  res.redirect(303, '/done');
});
app.get('/done', (req, res) => res.type('text').send(`saved ${saved?.name} ${saved?.hours}`));
app.get('/join', (req, res) => page(req, res, req.dojo.form(join)));
app.post('/join', async (req, res) => {
  const result = await req.dojo.parseAsync(join, req.body);
  if (!result.ok) return page(req, res.status(422), req.dojo.form(join, result.state));
  res.type('text').send(`joined ${result.data.nick} ${result.data.city}`);
});
app.get('/claim', (req, res) => page(req, res, req.dojo.form(claim)));
app.post('/claim', async (req, res) => {
  const result = req.dojo.parse(claim, req.body);
  if (!result.ok) return page(req, res.status(422), req.dojo.form(claim, result.state));
  const { receipt } = result.data;
  const bytes = await receipt.bytes();
  await receipt.discard();
  res.type('text').send(`claimed ${receipt.name} ${receipt.size} ${receipt.type} ${bytes.length}`);
});
app.use('/trip', trip.router({
  page: (req, res, shown) => page(req, res, shown),
  done: (data, req, res) => void res.type('text').send(`trip ${data.who.name} ${data.who.nights} ${data.stay?.hotel}`),
}));
// The flat theme for one request: an app without dojo-themes is told so where it asks.
app.get('/flat', (req, res) => {
  try {
    req.dojo.theme = 'flat';
    res.type('text').send(req.dojo.themeUrl);
  } catch (err) {
    res.status(500).type('text').send(err.message);
  }
});
// The user's roles would come from a session; here the header X-Role stands in.
app.all('/card', (req, res) => {
  req.dojo.roles = [req.get('x-role') ?? 'employee'];
  const result = req.method === 'POST' ? card.parse(req.body, { roles: req.dojo.roles, current: record }) : null;
  if (result?.ok) return void res.type('text').send(`saved ${result.data.hours} ${result.data.approved}; ignored ${result.ignored.join(',') || 'none'}`);
  page(req, res.status(result ? 422 : 200), req.dojo.form(card, result?.state ?? card.initial(record)));
});

if (process.env.PORT) app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`listening on ${process.env.PORT}`));
