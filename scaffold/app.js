// A dijitize app: one form, served as plain HTML that works without JavaScript, made into Dijit widgets
// in the browser, and checked on the server with the same zod schema.
import http from 'node:http';
import express from 'express';
import nunjucks from 'nunjucks';
import { dojo, dojoErrors, serverOptions, useDijitize } from 'dijitize';
import { inspector } from 'dijitize/inspector';
import { contact } from './forms.js';

export const app = express();
useDijitize(nunjucks.configure(new URL('./templates', import.meta.url).pathname, { express: app, autoescape: true }));
// Serves Dojo (or the release `npm run build` makes), parses POSTs, checks CSRF, and gives each request req.dojo.
app.use(dojo({ releaseDir: process.env.RELEASE_DIR || null }));
// Every form explained at /_dijitize while you develop (npm start sets NODE_ENV=development): widgets and
// why, properties, last parses. It answers this machine only.
if (process.env.NODE_ENV === 'development') app.use('/_dijitize', inspector());

app.get('/', (req, res) => {
  res.render('form.html', { form: req.dojo.form(contact) });
});

app.post('/', async (req, res) => {
  const result = await req.dojo.parseAsync(contact, req.body);
  if (!result.ok) return res.status(422).render('form.html', { form: req.dojo.form(contact, result.state) });
  // result.data is typed and checked: save it, send it, then redirect (a reload never sends it twice).
  res.redirect(303, `/thanks?name=${encodeURIComponent(result.data.name)}`);
});

app.get('/thanks', (req, res) => {
  res.render('thanks.html', { name: String(req.query.name ?? '') });
});

app.use(dojoErrors());

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const port = Number(process.env.PORT ?? 3000);
  // serverOptions(): the limits against slow clients (stalled headers, a body that never ends, idle sockets).
  http.createServer(serverOptions(), app).listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/`));
}
