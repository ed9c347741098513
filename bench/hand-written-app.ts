// The peer row "the hand-written Express way": the bench's 20-field form written by hand, as an Express
// developer would without dijitize. A Nunjucks template (a macro per field, the same markup dijitize
// renders: label, control with its constraints, value, error, the error summary), csrf-csrf with
// cookie-parser, express.urlencoded, and a zod schema with z.coerce checked by safeParse. GET, a failing
// POST shown again with values and errors, and a passing POST that redirects. No dijitize in it.
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import nunjucks from 'nunjucks';
import * as z from 'zod';

const CHOICES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] as const;
const FIELDS = 20;

/** A field as the template needs it: what a developer writes once per field, here made in a loop. */
interface HandField {
  name: string;
  label: string;
  kind: 'string' | 'number' | 'date' | 'enum' | 'boolean' | 'time' | 'notes';
  attrs: string;
}

function handField(i: number): { field: HandField; schema: z.ZodType } {
  const name = `f${i}`;
  switch (i % 8) {
    case 0:
      return { field: { name, label: `Name ${i}`, kind: 'string', attrs: 'required minlength="2" maxlength="16" pattern="\\w+"' }, schema: z.string().min(2, 'Letters, digits, underscore').max(16).regex(/^\w+$/, 'Letters, digits, underscore') };
    case 1:
      return { field: { name, label: `Amount ${i}`, kind: 'number', attrs: 'required min="0" max="1000" step="any"' }, schema: z.coerce.number({ error: 'This value is required.' }).min(0).max(1000) };
    case 2:
      return { field: { name, label: `Day ${i}`, kind: 'date', attrs: 'required min="2020-01-01" max="2030-12-31"' }, schema: z.iso.date({ error: 'This value is required.' }).refine((d) => d >= '2020-01-01' && d <= '2030-12-31', 'Out of range.') };
    case 3:
      return { field: { name, label: `Choice ${i}`, kind: 'enum', attrs: 'required' }, schema: z.enum(CHOICES, { error: 'This value is required.' }) };
    case 4:
      return { field: { name, label: `Flag ${i}`, kind: 'boolean', attrs: '' }, schema: z.preprocess((v) => v === 'on', z.boolean()) };
    case 5:
      return { field: { name, label: `Time ${i}`, kind: 'time', attrs: 'required' }, schema: z.string({ error: 'This value is required.' }).regex(/^T?\d{2}:\d{2}(:\d{2})?$/, 'This value is required.') };
    case 6:
      return { field: { name, label: `Hours ${i}`, kind: 'number', attrs: 'required min="0" max="24" step="0.25"' }, schema: z.coerce.number({ error: 'This value is required.' }).min(0).max(24).multipleOf(0.25) };
    default:
      return { field: { name, label: `Notes ${i}`, kind: 'notes', attrs: 'maxlength="1000"' }, schema: z.string().max(1000).optional() };
  }
}

const made = Array.from({ length: FIELDS }, (_, i) => handField(i));
const fields = made.map((m) => m.field);
/** Empty text is "nothing sent", as a browser's empty control is. */
const schema = z.object(Object.fromEntries(made.map((m) => [m.field.name, z.preprocess((v) => (v === '' ? undefined : v), m.schema)])));

const TEMPLATE = `{% macro control(f, value, error) %}
<div class="field{% if error %} invalid{% endif %}" id="hand-{{ f.name }}-field">
{% if f.kind == 'boolean' %}<input type="checkbox" id="hand-{{ f.name }}" name="{{ f.name }}" value="on"{% if value %} checked{% endif %}> <label for="hand-{{ f.name }}">{{ f.label }}</label>
{% else %}<label for="hand-{{ f.name }}">{{ f.label }}</label>
{% if f.kind == 'enum' %}<select id="hand-{{ f.name }}" name="{{ f.name }}"{% if error %} aria-describedby="hand-{{ f.name }}-error" aria-invalid="true"{% endif %} {{ f.attrs | safe }}><option value=""></option>{% for c in choices %}<option value="{{ c }}"{% if c == value %} selected{% endif %}>{{ c }}</option>{% endfor %}</select>
{% elif f.kind == 'notes' %}<textarea id="hand-{{ f.name }}" name="{{ f.name }}" rows="4" {{ f.attrs | safe }}>{{ value }}</textarea>
{% else %}<input type="{{ 'text' if f.kind == 'string' else f.kind }}" id="hand-{{ f.name }}" name="{{ f.name }}"{% if error %} aria-describedby="hand-{{ f.name }}-error" aria-invalid="true"{% endif %} value="{{ value }}" {{ f.attrs | safe }}>{% endif %}
{% endif %}<span class="error" id="hand-{{ f.name }}-error" role="alert">{{ error }}</span></div>
{% endmacro %}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{% if errors | length %}Error: {% endif %}bench</title></head><body>
<form id="hand" method="post">
<input type="hidden" name="_csrf" value="{{ token }}">
{% if errors | length %}<div class="error-summary" tabindex="-1" autofocus><div role="alert"><h2>There is a problem</h2><ul>{% for f in fields %}{% if errors[f.name] %}<li><a href="#hand-{{ f.name }}">{{ f.label }}: {{ errors[f.name] }}</a></li>{% endif %}{% endfor %}</ul></div></div>{% endif %}
{% for f in fields %}{{ control(f, values[f.name], errors[f.name]) }}{% endfor %}
<div class="actions"><button type="submit">Save</button></div>
</form></body></html>`;

export function handWrittenApp(): Express {
  const app = express();
  const env = new nunjucks.Environment(null, { autoescape: true });
  const page = nunjucks.compile(TEMPLATE, env);
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => 'a benchmark secret, not for use',
    getSessionIdentifier: () => '',
    cookieName: 'hand_csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure: false, httpOnly: true },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?.['_csrf'],
  });
  app.use(cookieParser());
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(doubleCsrfProtection);
  const show = (req: express.Request, res: express.Response, values: Record<string, unknown>, errors: Record<string, string>) =>
    res.type('html').send(page.render({ fields, choices: CHOICES, values, errors, token: generateCsrfToken(req, res) }));
  app.get('/form', (req, res) => show(req, res, {}, {}));
  app.post('/form', (req, res) => {
    const body = req.body as Record<string, string>;
    const result = schema.safeParse(body);
    if (result.success) return res.redirect(303, '/form');
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      errors[name] ??= issue.message;
    }
    res.status(422);
    show(req, res, body, errors);
  });
  return app;
}
