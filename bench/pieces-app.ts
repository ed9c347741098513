// The GET of the bench's 20-field page taken apart: routes behind the same `dojo()` middleware that each
// add one piece of the page's work, and send the same HTML as the ceiling. `npm run bench:cost` measures
// the server's CPU per request on each, so that what a page costs is read piece by piece.
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import { dojo, useDijitize } from '../server/index.js';
import { benchForm } from './bench-forms.js';
import { LOCALES } from './bench-app.js';

export function piecesApp(html: () => string): Express {
  const app = express();
  app.use(dojo({ secrets: ['a benchmark secret, not for use'], locales: LOCALES }));
  const form = benchForm(20);
  const env = useDijitize(new nunjucks.Environment(null, { autoescape: true }));
  const page = nunjucks.compile('<!DOCTYPE html><html><head>{% dojo %}</head><body>{{ body | safe }}</body></html>', env);
  // The middleware alone: cookies, req.dojo, the body and CSRF layers, the file-serving mounts passed.
  app.get('/middleware', (_req, res) => res.type('html').send(html()));
  // + this request's CSRF token (random bytes, an HMAC, the Set-Cookie header).
  app.get('/token', (req, res) => {
    req.dojo.csrfToken?.();
    res.type('html').send(html());
  });
  // + the form (its blank rendering is made once; the token goes in it).
  app.get('/form', (req, res) => {
    req.dojo.form(form);
    res.type('html').send(html());
  });
  // + the head tag and a page template around the form: the whole page.
  app.get('/page', (req, res) => res.type('html').send(page.render({ dojo: req.dojo, body: req.dojo.form(form).html })));
  return app;
}
