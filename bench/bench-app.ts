// The benchmark server: forms of 10 to 1,000 fields and a list of 200 rows in each mode, plus the
// baselines that the figures are measured against. Run in its own process by the benchmarks.
import path from 'node:path';
import express, { type Express } from 'express';
import { root } from './bench-root.js';
import nunjucks from 'nunjucks';
import { dojo, useDijitize, type DojoSettings, type FormDefinition } from '../server/index.js';
import { benchForm, benchList, LIST_ROWS, listRecord, listValues, parserMarkup, schemaAndOptions } from './bench-forms.js';
import type { FormState } from '../server/forms/model/form-state.js';
import { ROW } from '../server/forms/model/schema-facts.js';
import { FormDefinition as Definition } from '../server/forms/define.js';
import { TEMPLATES } from '../demo/app.js';

export const SIZES = [10, 20, 50, 200, 500, 1000] as const;
/** The list page's name in the bench's paths (`/inline/list200`). */
export const LIST_PAGE = `list${LIST_ROWS}`;
/** The bench app's locales: pages in each are measured (messages from Dijit's and zod's locales). */
export const LOCALES = ['en-us', 'de', 'ar'];
/** The forms of the page with several forms (its sizes). */
export const SEVERAL = [10, 20, 50] as const;

const PAGE = `<!DOCTYPE html>
<html lang="en-us"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/bench-static/observe.js" data-expected="{{ expected }}"></script>
<title>bench</title>
{% dojo %}
</head><body class="{{ dojo.bodyClass }}">
{{ body | safe }}
</body></html>`;

export function benchApp(settings: DojoSettings = {}): Express {
  const app = express();
  const env = useDijitize(nunjucks.configure(TEMPLATES, { express: app, autoescape: true }));
  const page = nunjucks.compile(PAGE, env);
  app.use('/bench-static', express.static(path.join(root, 'bench/static')));
  app.use(dojo({ secrets: ['a benchmark secret, not for use'], locales: LOCALES, ...settings }));
  const forms = new Map<number, FormDefinition>(SIZES.map((n) => [n, benchForm(n)]));
  const list = benchList();
  /** A page's form and what it shows: a blank form of n fields, or the list filled with its rows. */
  const pageOf = (name: string | undefined): { form: FormDefinition; state: Partial<FormState>; rows: number } | undefined =>
    name === LIST_PAGE ? { form: list, state: list.initial(listRecord(LIST_ROWS)), rows: LIST_ROWS } : forms.has(Number(name)) ? { form: forms.get(Number(name)) as FormDefinition, state: {}, rows: 0 } : undefined;
  const formOf = (n: string | undefined) => forms.get(Number(n));
  // Widgets each page makes: the form, its fields (a list's for each row), the submit button.
  const expected = (f: FormDefinition, rows = 0) => f.compiled.fields.reduce((sum, field) => sum + (field.path.includes(ROW) ? rows : 1), 0) + 2;

  app.get('/inline/:n', (req, res) => {
    const shown = pageOf(req.params['n']);
    if (!shown) return void res.sendStatus(404);
    res.type('html').send(page.render({ dojo: req.dojo, expected: expected(shown.form, shown.rows), body: req.dojo.form(shown.form, shown.state).html }));
  });
  app.get('/form-function/:n', (req, res) => {
    const shown = pageOf(req.params['n']);
    if (!shown) return void res.sendStatus(404);
    req.dojo.formFunction = { module: 'dijitize/forms', fn: 'build' };
    res.type('html').send(page.render({ dojo: req.dojo, expected: expected(shown.form, shown.rows), body: req.dojo.form(shown.form, shown.state).html }));
  });
  // A page with several forms: each is rendered and started on its own.
  app.get('/several', (req, res) => {
    const shown = SEVERAL.map((n) => forms.get(n) as FormDefinition);
    const body = shown.map((f) => req.dojo.form(f).html).join('\n');
    res.type('html').send(page.render({ dojo: req.dojo, expected: shown.reduce((sum, f) => sum + expected(f), 0), body }));
  });
  // The Dojango way: the same fields as data-dojo-type markup, created by dojo/parser.
  app.get('/parser/:n', (req, res) => {
    const shown = pageOf(req.params['n']);
    if (!shown) return void res.sendStatus(404);
    req.dojo.require('dojo/parser');
    for (const mid of shown.form.compiled.modules) req.dojo.require(mid);
    req.dojo.onReady('function () { require("dojo/parser").parse(); }');
    const body = parserMarkup(shown.form, shown.rows, shown.rows ? listValues(shown.rows) : {});
    res.type('html').send(page.render({ dojo: req.dojo, expected: expected(shown.form, shown.rows), body }));
  });
  // Server throughput: the same form page without the per-definition compile cache.
  app.get('/uncached/:n', (req, res) => {
    const n = Number(req.params['n']);
    const { schema, options } = schemaAndOptions(n);
    const form = new Definition(`bench${n}`, schema, options as never);
    res.type('html').send(page.render({ dojo: req.dojo, expected: expected(form), body: req.dojo.form(form).html }));
  });
  app.post('/inline/:n', (req, res) => {
    const form = formOf(req.params['n']);
    if (!form) return void res.sendStatus(404);
    const result = form.parse(req.body);
    if (!result.ok) return void res.status(422).type('html').send(page.render({ dojo: req.dojo, expected: expected(form), body: req.dojo.form(form, result.state).html }));
    res.redirect(303, `/inline/${form.compiled.fields.length}`);
  });
  return app;
}

/**
 * The ceilings for server throughput: a page's HTML sent as a prebuilt string (`/string/<page>`), and
 * rendered by plain Nunjucks (`/nunjucks/<page>`). `html(page)` is the app's own rendering of that page.
 */
export function ceilingApp(html: (page: string) => string): Express {
  const app = express();
  const env = new nunjucks.Environment(null, { autoescape: true });
  const template = nunjucks.compile('{{ html | safe }}', env);
  app.get('/string/:page', (req, res) => res.type('html').send(html(req.params['page'])));
  app.get('/nunjucks/:page', (req, res) => res.type('html').send(template.render({ html: html(req.params['page']) })));
  return app;
}
