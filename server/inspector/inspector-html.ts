// The inspector's pages as HTML: the list of forms, and one form explained (fields, access, locales,
// modules, previews, recent parses). Every value is escaped here; the pages carry no script and no inline
// style, so an app's strict CSP holds for them too.
import { escapeHtml } from '../common/escape.js';
import type { FormExplanation } from './explain-form.js';
import type { LoggedParse } from './parse-log.js';

const e = escapeHtml;

/** The stylesheet's name under the inspector's path. */
export const INSPECTOR_CSS = 'inspector.css';

export const inspectorCss = `body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:80rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:start;vertical-align:top}
th{background:#eef}code,pre{font:13px/1.4 ui-monospace,monospace}pre{white-space:pre-wrap;margin:0}
ul.compact{margin:0;padding-inline-start:1.1rem}.ok{color:#075e07}.refused{color:#9b1010}
nav a{margin-inline-end:1rem}.preview{border:1px solid #888;padding:1rem;max-width:40rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

/** A whole inspector page. */
export function inspectorPage(base: string, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)} · dijitize inspector</title><link rel="stylesheet" href="${e(`${base}/${INSPECTOR_CSS}`)}"></head><body><nav aria-label="Inspector"><a href="${e(base)}">All forms</a></nav><main><h1>${e(title)}</h1>${body}</main></body></html>`;
}

const list = (items: readonly string[]): string => (items.length ? `<ul class="compact">${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '');

const table = (caption: string, head: readonly string[], rows: readonly string[][]): string =>
  `<table><caption class="visually-hidden">${e(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</tbody></table>`;

const td = (html: string) => `<td>${html}</td>`;

/** What the index lists of each form. */
export interface FormSummary {
  name: string;
  fields: number;
  modules: number;
  access: boolean;
  serverChecks: boolean;
  fallbacks: number;
}

export function indexBody(base: string, forms: readonly FormSummary[], settings: Array<[string, string]>): string {
  const rows = forms.map((f) => [
    `<th scope="row"><a href="${e(`${base}/forms/${encodeURIComponent(f.name)}`)}">${e(f.name)}</a></th>`,
    td(String(f.fields)),
    td(String(f.modules)),
    td(f.access ? 'yes' : 'no'),
    td(f.serverChecks ? 'yes' : 'no'),
    td(String(f.fallbacks)),
  ]);
  return `<p>Every form this process has defined, and the settings of its <code>dojo()</code>. Development only.</p>
<h2>Forms</h2>${forms.length ? table('Forms', ['Form', 'Fields', 'Modules', 'Access rules', 'Server checks', 'Untranslated texts'], rows) : '<p>No form is defined yet: call defineForm() in a module the app imports.</p>'}
<h2>Settings</h2>${table('Settings', ['Setting', 'Value'], settings.map(([k, v]) => [`<th scope="row">${e(k)}</th>`, td(`<code>${e(v)}</code>`)]))}`;
}

const shownValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function fieldsTable(x: FormExplanation): string {
  const rows = x.fields.map((f) => [
    `<th scope="row"><code>${e(f.path)}</code><br>${e(f.label)}${f.within === 'form' ? '' : `<br><small>${e(f.within)}</small>`}</th>`,
    td(`${e(f.kind)}${list(f.facts)}`),
    td(`<code>${e(f.widget)}</code>${f.module === f.widget ? '' : `<br>as <code>${e(f.module)}</code>`}<br><small>${e(f.why)}</small>`),
    td(list(f.props.map((p) => `${p.name} = ${shownValue(p.value)} ← ${p.from}`))),
    td(list(f.native.map((n) => `${n.name}="${n.value}"`))),
    td(list([...f.asks, ...(f.sensitive ? ['sensitive: never kept in a draft or the log'] : [])])),
  ]);
  return table(`Fields of ${x.name}`, ['Field', 'Schema', 'Widget and why', 'Dijit properties ← from', 'HTML attributes (no JavaScript)', 'Server'], rows);
}

function accessTable(x: FormExplanation): string {
  if (!x.access) return '<p>No access rules: every role sees and changes every field.</p>';
  const { roles, matrix } = x.access;
  const paths = x.fields.filter((f) => f.within === 'form').map((f) => f.path);
  const rows = roles.map((role) => [`<th scope="row">${e(role)}</th>`, ...paths.map((p) => td(e(matrix[role]?.[p] ?? 'hidden')))]);
  return table(`Access of ${x.name}`, ['Role', ...paths], rows);
}

function localesBody(x: FormExplanation): string {
  if (!x.locales.length) return '';
  const rows = x.locales.map((l, i) => [`<th scope="row">${e(l.locale)}${i === 0 ? ' (default)' : ''}</th>`, td(l.fallbacks.length ? list(l.fallbacks) : 'every text translated')]);
  return table(`Locales of ${x.name}`, ['Locale', 'Texts shown in the default locale'], rows);
}

function parsesBody(parses: readonly LoggedParse[]): string {
  if (!parses.length) return '<p>No POST of this form was parsed by this process yet.</p>';
  const rows = parses.map((p) => [
    td(e(p.at.toISOString())),
    td(p.ok ? '<span class="ok">accepted</span>' : p.intent ? 'a button (intent)' : p.warned ? 'asked about warnings' : '<span class="refused">refused</span>'),
    td(list([...Object.entries(p.errors).map(([k, v]) => `${k}: ${v}`), ...p.formErrors, ...Object.entries(p.warnings).map(([k, v]) => `warning ${k || '(form)'}: ${v}`), ...p.confirmed.map((c) => `confirmed ${c}`)])),
    td(list([...p.ignored.map((i) => `ignored: ${i}`), ...p.conflicts.map((c) => `conflict: ${c}`), ...p.changes.map((c) => `changed ${c}`)])),
    td(`<pre>${e(JSON.stringify(p.values, null, 1))}</pre>`),
  ]);
  return table('Recent parses', ['When', 'Result', 'Errors and warnings', 'Ignored, conflicts and changes', 'Values (sensitive fields redacted)'], rows);
}

/**
 * The previews: the form as a page makes it, without JavaScript here (plain HTML), and with JavaScript on
 * a page of its own (an app's frame-ancestors policy may forbid frames); as one role when it has rules.
 */
function previewsBody(base: string, x: FormExplanation, role: string | null, plainForm: string): string {
  const url = (js: boolean) => `${base}/forms/${encodeURIComponent(x.name)}/preview?js=${js ? 'on' : 'off'}${role ? `&role=${encodeURIComponent(role)}` : ''}`;
  const roles = x.access
    ? `<form method="get"><label for="inspector-role">Preview as role</label> <select id="inspector-role" name="role">${x.access.roles.map((r) => `<option${r === role ? ' selected' : ''}>${e(r)}</option>`).join('')}</select> <button type="submit">Show</button></form>`
    : '';
  return `${roles}<p><a href="${e(url(true))}">Open the preview with JavaScript</a> · <a href="${e(url(false))}">Open it without JavaScript</a>. Sending a preview parses it as the app would (CSRF, checks, access) and adds it to the recent parses below.</p>
<section aria-label="${e(`${x.name} without JavaScript`)}" class="preview">${plainForm}</section>`;
}

export function formBody(base: string, x: FormExplanation, parses: readonly LoggedParse[], role: string | null, plainForm: string): string {
  const facts = [
    `${x.method.toUpperCase()} ${x.action || '(the page itself)'}`,
    `id ${x.id}${x.prefix ? `, posted names prefixed ${x.prefix}-` : ''}`,
    x.serverChecks ? 'has server checks: parse it with parseAsync' : 'no server checks: parse or parseAsync',
    ...(x.draft ? [`draft: ${x.draft}`] : []),
    x.leaveGuard ? 'leaving the page with changes not sent asks first (JavaScript on)' : 'leaving the page never asks (leaveGuard: false)',
  ];
  const uploads = x.uploads.length
    ? `<h2>File fields</h2>${table(`Files of ${x.name}`, ['Field', 'Rules'], x.uploads.map((u) => [`<th scope="row"><code>${e(u.path)}</code><br>${e(u.label)}</th>`, td(list(u.facts))]))}`
    : '';
  return `${list(facts)}
<h2>Fields</h2>${fieldsTable(x)}${uploads}
<h2>Access</h2>${accessTable(x)}
<h2>Locales</h2>${localesBody(x)}
<h2>Modules the build bundles</h2>${list(x.modules)}
<h2>Preview</h2>${previewsBody(base, x, role, plainForm)}
<h2>Recent parses</h2>${parsesBody(parses)}`;
}
