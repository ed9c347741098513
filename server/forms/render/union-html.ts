// Sections chosen by a discriminator, as plain HTML: the discriminator's control, a switch button, and
// a section per branch. Only the chosen section shows; the others are `hidden`, and their fields carry
// no native constraint, so that the browser does not check what it does not show. Without JavaScript
// the switch button sends an intent and the server shows the chosen section; with it, dijitize/unions
// switches sections in the page and disables the hidden sections' widgets (so they are not posted).
import { attributes, escapeHtml } from '../../common/escape.js';
import type { CompiledField } from '../model/compiled-form.js';
import { fieldHtmlOf } from './field-templates.js';
import { intentButton } from './intent-button.js';
import type { ShownUnion } from '../model/shown-parts.js';
import type { FormState } from '../model/form-state.js';
import { sectionId } from './ids.js';

/** A field of a hidden section: shown to no one, checked by no browser. Made once per field (its templates are kept by it). */
const hiddenFields = new WeakMap<CompiledField, CompiledField>();
function unconstrained(field: CompiledField): CompiledField {
  let hidden = hiddenFields.get(field);
  // The input type is a constraint too: a bad address in an email box, or a half-typed date, would stop the
  // browser sending the form while the field is hidden. Hidden, every box but a password is plain text.
  const inputType = field.inputType === 'password' ? field.inputType : 'text';
  if (!hidden) hiddenFields.set(field, (hidden = { ...field, inputType, native: {} }));
  return hidden;
}

export function unionHtml(shown: ShownUnion, state: Partial<FormState>): string {
  const { union, chosen } = shown;
  const sections = union.branches.map((branch) => {
    const open = branch.value === chosen;
    const fields = branch.fields.map((f) => fieldHtmlOf(open ? f : unconstrained(f), state)).join('\n');
    return `<fieldset${attributes({ class: 'dijitize-branch', id: sectionId(union, branch.value), hidden: !open })}><legend>${escapeHtml(branch.label)}</legend>${fields}</fieldset>`;
  });
  const switchButton = intentButton(`switch:${union.path}`, union.switchText, 'switch');
  return (
    `<fieldset${attributes({ class: 'dijitize-union', id: union.id })}><legend>${escapeHtml(union.label)}</legend>` +
    `${fieldHtmlOf(union.discriminator, state)}<div class="dijitize-switch-actions">${switchButton}</div>${sections.join('\n')}</fieldset>`
  );
}
