// `req.dojo.form(form, state)`: renders a form for one request and registers what the page needs to turn
// it into widgets: its modules, and a ready callback (generated code, or the form function with its
// JSON island).
import { scriptJson } from '../escape.js';
import type { RequestDojo } from '../request-dojo.js';
import type { CompiledForm, FormDefinition } from './define.js';
import { errorCount, formOpenTag, renderFormBody } from './render-html.js';
import type { FormState } from './validate.js';
import { inlineFormCode } from './widget-code.js';
import { formSpec, type FormSpec } from './widget-spec.js';

/** A form rendered for one request. In a template: `{{ form.html | safe }}`. */
export interface RenderedForm {
  id: string;
  html: string;
  /** How many errors the form shows (0 on a blank or accepted form). */
  errorCount: number;
  /**
   * The page's title, starting with "Error: " when the form shows errors (as screen reader users hear
   * first). In a template: `<title>{{ form.pageTitle("Register") }}</title>`.
   */
  pageTitle(title: string): string;
  toString(): string;
}

/** Id of the JSON island that holds a form's spec in form-function mode. */
export const specIslandId = (formId: string) => `${formId}-dijitize`;

/**
 * What a form renders to for one state: its body HTML, and, made only when a page asks (each mode needs
 * one of them), its spec as JSON or its inline widget code.
 */
class Rendering {
  readonly body: string;
  readonly #spec: FormSpec;
  #specJson: string | undefined;
  #code: string | undefined;
  constructor(compiled: CompiledForm, state: Partial<FormState>) {
    this.body = renderFormBody(compiled, state);
    this.#spec = formSpec(compiled, state);
  }
  get specJson(): string {
    return (this.#specJson ??= scriptJson(this.#spec));
  }
  get code(): string {
    return (this.#code ??= inlineFormCode(this.#spec));
  }
}

/** A form shown without values or errors renders the same every time: rendered once per definition. */
const blankRenderings = new WeakMap<CompiledForm, Rendering>();
const isBlank = (state: Partial<FormState>) => !state.values && !state.errors && !state.formErrors?.length;

export function addFormToPage(dojo: RequestDojo, form: FormDefinition, state: Partial<FormState> = {}, hiddenInputs = ''): RenderedForm {
  const compiled = form.compiled;
  const blank = isBlank(state);
  let rendering = blank ? blankRenderings.get(compiled) : undefined;
  if (!rendering) {
    rendering = new Rendering(compiled, state);
    if (blank) blankRenderings.set(compiled, rendering);
  }
  let html = formOpenTag(compiled) + hiddenInputs + rendering.body;
  if (dojo.enabled) {
    for (const mid of compiled.modules) dojo.require(mid);
    if (dojo.formFunction) {
      const island = specIslandId(compiled.id);
      html += `\n<script type="application/json" id="${island}">${rendering.specJson}</script>`;
      dojo.onReady({ ...dojo.formFunction, args: [island] });
    } else {
      dojo.onReady(rendering.code);
    }
  }
  const errors = errorCount(state);
  return { id: compiled.id, html, errorCount: errors, pageTitle: (title) => (errors ? `Error: ${title}` : title), toString: () => html };
}
