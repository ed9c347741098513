// What the browser must create for one form on one request: a list of widget instances (module, node,
// properties, server error). Both modes hand this spec to the client's `forms.build`: inline as the ready
// call's argument, or in a JSON island that the form function reads. (Types, not interfaces: a spec is a
// JSON value.)
import { escapeHtml, scriptJson, type JsonValue } from '../../common/escape.js';
import { KIND_VALUES, type RawValue } from '../model/field-values.js';
import { FORM_MODULES, type CompiledField, type CompiledForm, type CompiledUpload, type UploadMessages } from '../model/compiled-form.js';
import { CSRF_FIELD, FILE_PLACE, KEPT_FILE_FIELD, REMOVE_FILE_FIELD, UPLOAD_ONLY_FIELD, WARNED_FIELD } from '../model/posted-names.js';
import { shownFields, type ShownPart } from '../model/shown-parts.js';
import { includes, shownValue } from './field-html.js';
import { choicesButtonId, focusTarget, isGroup, listIds, partIds, sectionId, submitId, uploadIds } from './ids.js';
import { countMessages } from '../model/field-messages.js';
import type { OurWords } from '../../words/our-words.js';
import { widgetError, type FormState } from '../model/form-state.js';
import { ROW_PLACE, type RowTexts } from '../model/row-texts.js';
import { ROW } from '../model/schema-facts.js';
import { LIST_MARKUP, type ListMarkup } from './list-markup.js';

/** One widget to create: `new (require(module))(props, node)`, then show `error` if there is one. */
export type WidgetInstance = {
  module: string;
  node: string;
  props: Record<string, JsonValue>;
  /**
   * The choices as [value, label] pairs, for a widget that takes them as a store. Left to itself, Dijit
   * builds that store from the `<option>`s with `innerText`, which forces a layout of the page per select.
   */
  choices?: Array<[string, string]>;
  /** The server's message, shown inside the widget until the user changes the value. */
  error?: string;
  /** What the client adds to the widget: the id of the field's error text, kept in step with the
   * widget's state, the step a number must be a multiple of (no Dijit property checks it), and whether
   * the server checks the value as the user types (a live check). */
  extras?: { errorText: string; step?: number; check?: boolean; warn?: { text: string; name: string; warning: string; sendAnyway: string }; noChoice?: string; source?: { pageSize: number; dependsOn: string[]; button: string } };
};

/**
 * A multiple-choice field's count of choices, checked by the browser when the form is sent as the server
 * checks it (no widget or native attribute can say "at most n" of a group); a box that must be ticked
 * is a count of at least one.
 */
export type ChoiceCount = {
  name: string;
  min: number;
  max: number | null;
  /** Messages, HTML-escaped: Dijit's way of showing text. */
  tooFew: string;
  tooMany: string;
  /** The field's error text, and the element that takes the focus when the count is wrong. */
  errorText: string;
  focus: string;
};

/** The data a form function receives. The first instance is the form itself. */
/** A list of rows, for the client to add, remove and move rows in the page. */
export type ListSpec = {
  /** The list's fieldset, the container of its rows, and the template of a new row. */
  id: string;
  rows: string;
  template: string;
  min: number;
  max: number | null;
  /** The rows' count now, and the next index a new row takes (indexes are never reused in a page). */
  count: number;
  /** The widgets of a new row, with `marker` for its index. */
  widgets: WidgetInstance[];
  /** The row index's placeholder in the template and the new row's widgets (`$row`). */
  marker: string;
  /** The names of a row and its buttons, with `place` for the row's place (1, 2, ...). */
  texts: RowTexts;
  place: string;
  /** How the page marks a row and its buttons: the buttons' name, and each part's class. */
  markup: ListMarkup;
};

/** Sections chosen by a discriminator, for the client to switch them in the page. */
export type UnionSpec = {
  /** The discriminator's posted name. */
  name: string;
  /** Each branch's value and the id of its section. */
  sections: Array<[string, string]>;
};

/**
 * A file field, for the client to check chosen files as the server will (size, type, count), upload each
 * at once (with a progress bar past PROGRESS_FROM bytes) and keep it as the server keeps one.
 */
export type UploadSpec = {
  /** The posted name, and the ids of the input, the kept files' list, the error text, the progress bar's place. */
  name: string;
  input: string;
  kept: string;
  error: string;
  progress: string;
  /** The form's name: what the upload says it is for, so that the server checks the file as the field does. */
  form: string;
  types: string[];
  minSize: number | null;
  maxSize: number | null;
  maxFiles: number | null;
  multiple: boolean;
  /** The field's messages, with `place` for a file's name; `remove` is a kept file's checkbox label. */
  messages: UploadMessages & CompiledUpload['texts'];
  place: string;
  /** The names an upload posts: the CSRF token's, a kept file's token and its id when removed, and the upload's mark. */
  names: { csrf: string; kept: string; remove: string; upload: string };
  progressFrom: number;
};

/** How many choices from a source a widget shows at a time ("More choices" shows the next page). */
export const SOURCE_PAGE_SIZE = 20;

/** Files from this size up show their upload's progress. */
export const PROGRESS_FROM = 1024 * 1024;

export type FormSpec = {
  form: string;
  modules: string[];
  widgets: WidgetInstance[];
  counts: ChoiceCount[];
  lists: ListSpec[];
  unions: UnionSpec[];
  uploads: UploadSpec[];
  /** A form with live checks: the names whose values a check never posts (passwords, `sensitive: true`). */
  sensitive?: string[];
  /** The draft the browser keeps (client/dijitize/drafts.js): for how many days, the names it never keeps (`$row` for a row's index). */
  draft?: { days: number; skip: string[]; marker: string; texts: { restored: string; discard: string } };
  /** Whether leaving the page with changes not sent asks first (the form's `leaveGuard` option). */
  leaveGuard?: true;
};

function uploadSpec(form: CompiledForm, upload: CompiledUpload): UploadSpec {
  const ids = uploadIds(upload);
  const { facts } = upload;
  return {
    name: upload.name,
    input: upload.id,
    kept: ids.kept,
    error: ids.error,
    progress: ids.progress,
    form: form.name,
    types: facts.types,
    minSize: facts.minSize ?? null,
    maxSize: facts.maxSize ?? null,
    maxFiles: facts.maxFiles ?? null,
    multiple: facts.multiple,
    messages: { ...upload.messages, ...upload.texts },
    place: FILE_PLACE,
    names: { csrf: CSRF_FIELD, kept: KEPT_FILE_FIELD, remove: REMOVE_FILE_FIELD, upload: UPLOAD_ONLY_FIELD },
    progressFrom: PROGRESS_FROM,
  };
}

function choiceCount(field: CompiledField, words: OurWords): ChoiceCount[] {
  const { minItems = 0, maxItems } = field.facts;
  // A box that must be ticked is a count of one: a Dijit CheckBox has no "required" of its own.
  if (field.facts.mustBeTicked && !field.readOnly) {
    return [{ name: field.name, min: 1, max: null, tooFew: escapeHtml(countMessages(field, words).tooFew), tooMany: '', errorText: partIds(field).error, focus: focusTarget(field) }];
  }
  if (field.kind !== 'multiEnum' || field.readOnly || (minItems === 0 && maxItems === undefined)) return [];
  const { tooFew, tooMany } = countMessages(field, words);
  return [{ name: field.name, min: minItems, max: maxItems ?? null, tooFew: escapeHtml(tooFew), tooMany: escapeHtml(tooMany), errorText: partIds(field).error, focus: focusTarget(field) }];
}

/**
 * The widget's value properties for a shown value: none for a text box or area, whose widget takes the
 * text from its control (dijitize/formSupport), so that the page carries the text once, not again in the
 * spec (a refused POST echoed each value twice); else the kind's reading of `raw`.
 */
export function widgetValueOf(field: CompiledField, raw: RawValue): Record<string, JsonValue> {
  // A source's widget takes the choice's value; its control shows the label (or the text typed).
  if (field.source) return { value: Array.isArray(raw) ? (raw[0] ?? '') : raw };
  const text = field.kind === 'string' || field.kind === 'textList';
  return text && (field.markup === 'input' || field.markup === 'textarea') ? {} : KIND_VALUES[field.kind].widgetValue(raw);
}

/**
 * A field's widgets for a shown value and error. `value` is the widget's value properties (see
 * widgetValueOf); the field templates pass markers in their place.
 */
export function fieldInstances(field: CompiledField, raw: RawValue, error: string | undefined, value: Record<string, JsonValue> = widgetValueOf(field, raw)): WidgetInstance[] {
  // Dijit shows messages as HTML (tooltips): escape the server's message for that context.
  const extras: NonNullable<WidgetInstance['extras']> = { errorText: partIds(field).error };
  if (field.facts.step !== undefined && field.kind === 'number') extras.step = field.facts.step;
  if (field.noChoice) extras.noChoice = field.noChoice;
  // A field with a server check asks the server while the user types (a field the roles only see does not).
  if ((field.check || field.warn) && !field.readOnly) extras.check = true;
  // A field that warns shows the server's warning in its own place, with a box to confirm it.
  if (field.warnWords && !field.readOnly) extras.warn = { text: partIds(field).warning, name: WARNED_FIELD, ...field.warnWords };
  // A field whose choices come from a source: the widget queries dojo()'s choices endpoint, a page at a time.
  if (field.source) extras.source = { pageSize: SOURCE_PAGE_SIZE, dependsOn: field.dependsOn ?? [], button: choicesButtonId(field) };
  const withError = (w: WidgetInstance): WidgetInstance => (error ? { ...w, extras, error: escapeHtml(error) } : { ...w, extras });
  if (isGroup(field)) {
    const ids = partIds(field);
    return field.choices.map((c, i) =>
      withError({
        module: field.module,
        node: ids.choice(i),
        props: { ...field.props, id: ids.choice(i), name: field.name, value: c.value, checked: includes(raw, c.value) },
      }),
    );
  }
  const instance: WidgetInstance = { module: field.module, node: field.id, props: { ...field.props, id: field.id, name: field.name, ...value } };
  if (field.storeChoices) instance.choices = field.storeChoices;
  return [withError(instance)];
}

/** All of a form's spec but its fields' widgets: the same for every state that shows the same parts. */
function specFrame(form: CompiledForm, parts: ShownPart[]) {
  const fields = shownFields(parts);
  // The form controller sets its node's enctype from its own `encType`: a form with files says it.
  const encType: Record<string, JsonValue> = form.uploads.length ? { encType: 'multipart/form-data' } : {};
  const formWidget: WidgetInstance = { module: FORM_MODULES[0], node: form.id, props: { action: form.action, method: form.method, ...encType } };
  const submitWidget: WidgetInstance = { module: 'dijit/form/Button', node: submitId(form), props: { type: 'submit', label: escapeHtml(form.submitLabel) } };
  const lists = parts.flatMap((p): ListSpec[] => {
    if (!('rows' in p)) return [];
    const ids = listIds(p.list);
    // The compiled row fields hold `$row` already: they are the template.
    const template = p.list.rowFields.flatMap((f) => fieldInstances(f, shownValue(f, {}), undefined));
    return [{ id: p.list.id, rows: ids.rows, template: ids.template, min: p.list.min, max: p.list.max, count: p.rows.length, widgets: template, marker: ROW, texts: p.list.texts, place: ROW_PLACE, markup: LIST_MARKUP }];
  });
  const unions = parts.flatMap((p): UnionSpec[] =>
    'union' in p ? [{ name: p.union.discriminator.name, sections: p.union.branches.map((b) => [b.value, sectionId(p.union, b.value)] as [string, string]) }] : [],
  );
  const uploads = parts.flatMap((p): UploadSpec[] => ('upload' in p ? [uploadSpec(form, p.upload)] : []));
  const draft = form.draft ? { draft: { ...form.draft, marker: ROW, texts: form.words.draft } } : {};
  const sensitive = form.fields.some((f) => f.check || f.warn) ? { sensitive: form.fields.filter((f) => f.sensitive).map((f) => f.name) } : {};
  const leaveGuard = form.leaveGuard ? { leaveGuard: true as const } : {};
  return { fields, formWidget, submitWidget, rest: { form: form.id, modules: form.modules, counts: fields.flatMap((f) => choiceCount(f, form.words)), lists, unions, uploads, ...sensitive, ...draft, ...leaveGuard } };
}

/** The widget instances of a form for one request. */
export function formSpec(form: CompiledForm, state: Partial<FormState>, parts: ShownPart[]): FormSpec {
  const { fields, formWidget, submitWidget, rest } = specFrame(form, parts);
  const widgets = fields.flatMap((f) => fieldInstances(f, shownValue(f, state), widgetError(state, f.path)));
  return { ...rest, widgets: [formWidget, ...widgets, submitWidget] };
}

/**
 * `formSpec` as script-safe JSON, made without it: each field's widgets come as JSON already (`fieldJson`,
 * from the field templates), and the rest of the spec is small.
 */
export function formSpecJson(form: CompiledForm, parts: ShownPart[], fieldJson: (field: CompiledField) => string): string {
  const { fields, formWidget, submitWidget, rest } = specFrame(form, parts);
  const widgets = [scriptJson(formWidget), ...fields.map(fieldJson).filter((json) => json !== ''), scriptJson(submitWidget)];
  // The frame's JSON ends with "}": the widgets go in as its last key.
  return `${scriptJson(rest).slice(0, -1)},"widgets":[${widgets.join(',')}]}`;
}
