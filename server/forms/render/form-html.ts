// A compiled form + its state -> plain, accessible HTML that works with JavaScript off: labels tied to
// ids, native constraint attributes, the user's values, and each error as text beside its field.
import { attributes, escapeHtml } from '../../common/escape.js';
import { fieldHtmlOf } from './field-templates.js';
import { focusTarget, partIds, submitId } from './ids.js';
import { warningHtml } from './field-html.js';
import { shownFields } from '../model/shown-parts.js';
import type { CompiledForm } from '../model/compiled-form.js';
import { listHtml } from './list-html.js';
import { unionHtml } from './union-html.js';
import { uploadHtml } from './upload-html.js';
import { atPlace } from '../model/row-texts.js';
import type { ShownPart } from '../model/shown-parts.js';
import { FORM_WARNING, type FormState } from '../model/form-state.js';

/** The opening `<form>` tag. */
export function formOpenTag(form: CompiledForm): string {
  // A form with file fields sends them: multipart, set by itself.
  const enctype = form.uploads.length ? 'multipart/form-data' : undefined;
  return `<form${attributes({ id: form.id, class: 'dijitize-form', action: form.action || undefined, method: form.method, enctype })}>\n`;
}

/** The most links the error summary lists; the rest are counted. */
export const MAX_SUMMARY_LINKS = 20;

/**
 * The error summary at the top of a re-rendered form (the GOV.UK Design System's pattern): a heading, each
 * field's error as a link to that field, then the errors of the whole form. It takes the focus on load
 * (`autofocus`, so without JavaScript too), and its text is announced.
 */
function errorSummary(form: CompiledForm, parts: ShownPart[], state: Partial<FormState>): string {
  // [path, the link's target, the name the link gives the field]
  const targets = parts.flatMap((p): Array<[string, string, string]> => {
    if ('field' in p) return [[p.field.path, focusTarget(p.field), p.field.label]];
    if ('upload' in p) return [[p.upload.path, p.upload.id, p.upload.label]];
    if ('rows' in p) {
      const rowFields = p.rows.flatMap((row, i) => row.map((f): [string, string, string] => [f.path, focusTarget(f), `${atPlace(p.list.texts.row, i + 1)}, ${f.label}`]));
      return [[p.list.path, p.list.id, p.list.label], ...rowFields];
    }
    const shown = p.union.branches.find((b) => b.value === p.chosen)?.fields ?? [];
    return [p.union.discriminator, ...shown].map((f): [string, string, string] => [f.path, focusTarget(f), f.label]);
  });
  // Each link names its field ("Email: Enter an email address..."): a long form's list of bare messages
  // reads "This value is required." a hundred times.
  const wrong = targets.filter(([path]) => state.errors?.[path]);
  // Capped: past a screenful, more links help no one, and a flood of errors must not make a flood of page.
  const fieldErrors = wrong.slice(0, MAX_SUMMARY_LINKS).map(([path, target, name]) => {
    const error = state.errors?.[path] as string;
    return `<li><a${attributes({ href: `#${target}` })}>${escapeHtml(name ? `${name}: ${error}` : error)}</a></li>`;
  });
  if (wrong.length > MAX_SUMMARY_LINKS) fieldErrors.push(`<li>${escapeHtml(form.words.form.moreErrors(wrong.length - MAX_SUMMARY_LINKS))}</li>`);
  const formErrors = state.formErrors ?? [];
  if (fieldErrors.length === 0 && formErrors.length === 0) return '';
  const id = `${form.id}-error-summary`;
  const fieldList = fieldErrors.length ? `<ul class="dijitize-error-list">${fieldErrors.join('')}</ul>` : '';
  const formList = formErrors.length ? `<ul${attributes({ class: 'dijitize-form-errors', id: `${form.id}-errors` })}>${formErrors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>` : '';
  return (
    `<div${attributes({ class: 'dijitize-error-summary', id, tabindex: -1, autofocus: true, 'aria-labelledby': `${id}-title` })}>` +
    `<div role="alert"><h2${attributes({ id: `${id}-title` })}>${escapeHtml(form.words.form.problem)}</h2>${formList}${fieldList}</div></div>`
  );
}

/**
 * The warnings' summary (a form that passed but asks first): a heading, what to do, each field's warning
 * as a link to its box, and the form's own warning with its box. It takes the focus when no error does.
 */
function warningSummary(form: CompiledForm, parts: ShownPart[], state: Partial<FormState>): string {
  const warnings = state.warnings ?? {};
  if (Object.keys(warnings).length === 0) return '';
  const id = `${form.id}-warning-summary`;
  const words = form.words.form;
  const fields = shownFields(parts).filter((f) => warnings[f.path]);
  const links = fields.map((f) => `<li><a${attributes({ href: `#${partIds(f).warning}-anyway` })}>${escapeHtml(`${f.label}: ${warnings[f.path]?.message ?? ''}`)}</a></li>`);
  const own = warnings[FORM_WARNING];
  const formWarning = own ? `<div class="dijitize-warning">${warningHtml(own, words, `${form.id}-warning`)}</div>` : '';
  const focus = errorCount(state) === 0 ? { tabindex: -1, autofocus: true } : {};
  return (
    `<div${attributes({ class: 'dijitize-warning-summary', id, ...focus, 'aria-labelledby': `${id}-title` })}>` +
    `<div role="status"><h2${attributes({ id: `${id}-title` })}>${escapeHtml(words.warningsTitle)}</h2><p>${escapeHtml(words.warningsIntro)}</p>` +
    `${links.length ? `<ul>${links.join('')}</ul>` : ''}</div>${formWarning}</div>`
  );
}

/** How many errors a state shows (the error summary's items). */
export const errorCount = (state: Partial<FormState>): number => Object.keys(state.errors ?? {}).length + (state.formErrors?.length ?? 0);

/** What goes inside the form for one request: the error summary, fields, submit button, and the closing tag. */
export function renderFormBody(form: CompiledForm, state: Partial<FormState>, parts: ShownPart[]): string {
  const fields = parts.map((p) => ('field' in p ? fieldHtmlOf(p.field, state) : 'upload' in p ? uploadHtml(p.upload, state) : 'rows' in p ? listHtml(p, state) : unionHtml(p, state))).join('\n');
  const submit = `<div class="dijitize-actions"><button${attributes({ type: 'submit', id: submitId(form) })}>${escapeHtml(form.submitLabel)}</button></div>`;
  // Enter in a field sends the form with its first submit button: with lists or sections, that would be
  // a row's "Remove" or a "Show" button. A hidden copy of the real one comes first.
  const first = form.lists.length || form.unions.length ? `<button type="submit" class="dijitize-default" hidden tabindex="-1">${escapeHtml(form.submitLabel)}</button>\n` : '';
  return `${first}${errorSummary(form, parts, state)}${warningSummary(form, parts, state)}\n${fields}\n${submit}\n</form>`;
}
