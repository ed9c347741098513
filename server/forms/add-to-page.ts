// `req.dojo.form(form, state)`: renders a form for one request and registers what the page needs to turn
// it into widgets: its modules, and a ready callback (generated code, or the form function with its
// JSON island).
import { scriptJson } from '../escape.js';
import type { RequestDojo } from '../request-dojo.js';
import type { FormDefinition } from './define.js';
import { renderFormHtml } from './render-html.js';
import type { FormState } from './validate.js';
import { inlineFormCode } from './widget-code.js';
import { formSpec } from './widget-spec.js';

/** A form rendered for one request. In a template: `{{ form.html | safe }}`. */
export interface RenderedForm {
  id: string;
  html: string;
  toString(): string;
}

/** Id of the JSON island that holds a form's spec in form-function mode. */
export const specIslandId = (formId: string) => `${formId}-dijitize`;

export function addFormToPage(dojo: RequestDojo, form: FormDefinition, state: Partial<FormState> = {}, hiddenInputs = ''): RenderedForm {
  const compiled = form.compiled;
  let html = renderFormHtml(compiled, state, hiddenInputs);
  if (dojo.enabled) {
    const spec = formSpec(compiled, state);
    for (const mid of compiled.modules) dojo.require(mid);
    if (dojo.formFunction) {
      const island = specIslandId(compiled.id);
      html += `\n<script type="application/json" id="${island}">${scriptJson(spec)}</script>`;
      dojo.onReady({ ...dojo.formFunction, args: [island] });
    } else {
      dojo.onReady(inlineFormCode(spec));
    }
  }
  return { id: compiled.id, html, toString: () => html };
}
