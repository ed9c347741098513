// A compiled form and one request's state -> all a page needs of it: the form's HTML, the spec of its
// widgets and the modules they load. Pure: `req.dojo.form()` puts the result on the page.
import { filled } from '../../words/our-words.js';
import { attributes } from '../../common/escape.js';
import { FINGERPRINT_FIELD, FORM_NAME_FIELD, FORM_FIELD } from '../model/posted-names.js';
import type { CompiledForm } from '../model/compiled-form.js';
import { errorCount, formOpenTag, renderFormBody } from './form-html.js';
import type { FormState } from '../model/form-state.js';
import { shownParts, type ShownPart } from '../model/shown-parts.js';
import { fieldJsonOf } from './field-templates.js';
import { formSpec, formSpecJson, type FormSpec } from './widget-spec.js';

/** A form rendered for one state. */
export interface FormRendering {
  id: string;
  /** The whole `<form>` element. */
  html: string;
  /** The widgets to create, for the client's `forms.build`. */
  readonly spec: FormSpec;
  /** The spec as JSON that is safe inside a `<script>` element. */
  readonly specJson: string;
  /** The AMD modules the widgets need. */
  modules: readonly string[];
  /** How many errors the form shows (0 on a blank or accepted form). */
  errorCount: number;
}

/** What a state renders to, hidden inputs aside. The spec and its JSON are made when first asked for. */
class StateRendering {
  #spec: FormSpec | undefined;
  #specJson: string | undefined;
  constructor(
    readonly body: string,
    private readonly form: CompiledForm,
    private readonly state: Partial<FormState>,
    private readonly parts: ShownPart[],
  ) {}
  get spec(): FormSpec {
    return (this.#spec ??= formSpec(this.form, this.state, this.parts));
  }
  get specJson(): string {
    return (this.#specJson ??= formSpecJson(this.form, this.parts, (field) => fieldJsonOf(field, this.state)));
  }
}

/** A form shown without values or errors renders the same every time: rendered once per definition. */
const blankRenderings = new WeakMap<CompiledForm, StateRendering>();
const isBlank = (state: Partial<FormState>) => !state.values && !state.errors && !state.formErrors?.length && !state.files;

function stateRendering(form: CompiledForm, state: Partial<FormState>): StateRendering {
  const blank = isBlank(state);
  let rendering = blank ? blankRenderings.get(form) : undefined;
  if (!rendering) {
    const parts = shownParts(form, state.values ?? {}, state.rows);
    rendering = new StateRendering(renderFormBody(form, state, parts), form, state, parts);
    if (blank) blankRenderings.set(form, rendering);
  }
  return rendering;
}

/**
 * Renders a form for one state; `hidden` adds hidden inputs (name -> value) at the top of the form.
 * @example const { html, spec } = render(signup.compiled, { values: { name: 'Ada' } });
 */
export function render(form: CompiledForm, state: Partial<FormState> = {}, hidden: Readonly<Record<string, string>> = {}): FormRendering {
  const rendering = stateRendering(form, state);
  // A prefixed form says which it is, for form.isPosted().
  const own: Record<string, string> = form.prefix ? { [FORM_FIELD]: form.prefix } : {};
  // A form whose fields ask dojo()'s endpoints names itself: a live check posts the form's values, this among
  // them; so does a form with file fields, whose files are stored only for the form a POST names.
  if (form.asksServer || form.uploads.length) own[FORM_NAME_FIELD] = form.name;
  own[FINGERPRINT_FIELD] = form.fingerprint; // a POST of another definition's page is known as such
  // The CSRF token first: a multipart POST is checked on its first part, before anything else is read.
  const inputs = Object.entries({ ...hidden, ...own }).map(([name, value]) => `<input${attributes({ type: 'hidden', name, value })}>\n`);
  return {
    id: form.id,
    html: formOpenTag(form) + inputs.join('') + rendering.body,
    get spec() {
      return rendering.spec;
    },
    get specJson() {
      return rendering.specJson;
    },
    modules: form.modules,
    errorCount: errorCount(state),
  };
}

/**
 * A form rendered for one request. In a template: `{{ form.html | safe }}`.
 * @public
 */
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
  /** The HTML, so that a template may print the rendered form itself. */
  toString(): string;
}

/** What a handler gets back from `req.dojo.form()`: the rendering's HTML plus what the page added. */
export function renderedForm(rendering: FormRendering, html: string, errorTitle: string): RenderedForm {
  const errors = rendering.errorCount;
  return { id: rendering.id, html, errorCount: errors, pageTitle: (title) => (errors ? filled(errorTitle, { title }) : title), toString: () => html };
}

/**
 * How a page shows a form besides its definition: another submit label (a wizard's Next or Finish), another
 * action. Each look is made once per compiled form, so a blank form still renders once per look.
 * @public
 */
export interface FormLook {
  submitLabel?: string;
  action?: string;
}

const looks = new WeakMap<CompiledForm, Map<string, CompiledForm>>();

/** The compiled form with a look's label and action. */
export function withLook(form: CompiledForm, look: FormLook): CompiledForm {
  if (look.submitLabel === undefined && look.action === undefined) return form;
  const key = `${look.submitLabel ?? form.submitLabel}\n${look.action ?? form.action}`;
  let byLook = looks.get(form);
  if (!byLook) looks.set(form, (byLook = new Map()));
  let found = byLook.get(key);
  if (!found) byLook.set(key, (found = { ...form, submitLabel: look.submitLabel ?? form.submitLabel, action: look.action ?? form.action }));
  return found;
}
