// A field's schema facts and options -> everything needed to render it and create its widget, worked out
// once per form definition. Per request only values and errors change.
import type { SchemaFacts, FieldKind } from '../model/schema-facts.js';
import { PACKAGED_MODULE_ID } from '../../settings/amd-ids.js';
import { DefinitionProblem } from '../../common/errors.js';
import { KIND_VALUES } from '../model/field-values.js';
import { applyAttrMap, mappedFacts } from './mapping.js';
import { type AttrMapOverride, type MappedFacts } from '../model/attr-map.js';
import { defaultWidget, isDijitClass, WIDGETS, type Capability, type DijitClass, type Markup } from '../model/widgets.js';
import type { Choice, CompiledField } from '../model/compiled-form.js';
import { isChoiceSource, type ChoicesOption, type FieldOptions } from '../model/form-options.js';

/** A field's default label: its last name in words (`firstName` -> "First name"). */
export const humanize = (path: string): string => {
  const last = path.split('.').pop() ?? path;
  const words = last.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function choicesOf(facts: SchemaFacts, option: ChoicesOption<string> | undefined): Choice[] {
  const given: Choice[] = !option
    ? []
    : Array.isArray(option)
      ? option.map((c: string | Choice) => (typeof c === 'string' ? { value: c, label: c } : c))
      : Object.entries(option as Record<string, string>).map(([value, label]) => ({ value, label }));
  if (!facts.values) return given;
  const unknown = given.filter((c) => !facts.values?.includes(c.value));
  if (unknown.length) {
    throw new DefinitionProblem(facts.path, `choices name values the schema does not allow: ${unknown.map((c) => c.value).join(', ')}`);
  }
  return facts.values.map((value) => ({ value, label: given.find((c) => c.value === value)?.label ?? value }));
}

function inputType(facts: SchemaFacts, options: FieldOptions): string {
  if (options.password) return 'password';
  if (facts.kind === 'number') return 'number';
  if (facts.kind === 'date' || facts.kind === 'isoDate') return 'date';
  if (facts.kind === 'time') return 'time';
  if (facts.format === 'email') return 'email';
  if (facts.format === 'url') return 'url';
  return 'text';
}

function echoLimit(facts: SchemaFacts, choices: readonly Choice[]): number {
  const longestChoice = choices.length ? Math.max(...choices.map((c) => c.value.length)) : undefined;
  const holds = KIND_VALUES[facts.kind].maxText ?? facts.maxLength ?? longestChoice;
  return holds === undefined ? Infinity : 2 * holds + 64;
}

/** A pattern is given to the browser only where it compiles as HTML's `pattern` (the `v` flag). */
function htmlPattern(pattern: string | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  try {
    new RegExp(pattern, 'v');
    return pattern;
  } catch {
    return undefined;
  }
}

/**
 * The same constraints as native attributes, for the browser's own checks (JavaScript off). Bounds come
 * from the mapped facts, so an exclusive bound (`gt(0)`) is the same inclusive one the widget gets.
 */
function nativeAttributes(facts: SchemaFacts, markup: Markup, mapped: MappedFacts): CompiledField['native'] {
  const required = facts.required && facts.kind !== 'boolean' && facts.kind !== 'multiEnum';
  switch (markup) {
    case 'input':
    case 'range':
      if (facts.kind === 'number') {
        return { required, min: mapped.min as number | undefined, max: mapped.max as number | undefined, step: facts.integer ? (facts.step ?? 1) : (facts.step ?? 'any') };
      }
      if (facts.kind === 'date' || facts.kind === 'isoDate') return { required, min: mapped.min as string, max: mapped.max as string };
      if (facts.kind === 'time') return { required };
      return { required, minlength: facts.minLength, maxlength: facts.maxLength, pattern: htmlPattern(mapped.pattern) };
    case 'textarea':
      return { required, minlength: facts.minLength, maxlength: facts.maxLength };
    case 'select':
    case 'radios':
      return { required };
    case 'multiselect':
      // "At least one" is what a native <select multiple required> checks; other counts are the client's.
      return { required: (facts.minItems ?? 0) > 0 };
    case 'checkbox':
      // A box that must be ticked: the browser's own check refuses the form unticked (JavaScript off).
      return facts.mustBeTicked ? { required: true } : {};
    default:
      return {};
  }
}

/** Compiles one field. Throws DefinitionProblem for a widget that does not fit, or a bad mapping. */
/** A field whose choices come from a source: its value is text, and its widget one that takes a store. */
function checkSource(facts: SchemaFacts, widget: DijitClass, options: FieldOptions<string>): void {
  if (facts.kind !== 'string') throw new DefinitionProblem(facts.path, `choices from a source need a text field (z.string()), not ${facts.kind}`, 'live-checks');
  if (!(WIDGETS[widget].capabilities as readonly Capability[]).includes('store')) throw new DefinitionProblem(facts.path, `choices from a source need a widget that takes a store (FilteringSelect or ComboBox), not ${widget}`, 'live-checks');
  for (const parent of options.dependsOn ?? []) {
    if (typeof parent !== 'string' || parent === facts.path) throw new DefinitionProblem(facts.path, `dependsOn names other fields of the form, not ${JSON.stringify(parent)}`, 'live-checks');
  }
}

export function compileField(formId: string, facts: SchemaFacts, options: FieldOptions<string>, formAttrMap: AttrMapOverride, namePrefix = ''): Omit<CompiledField, 'access'> {
  const source = isChoiceSource(options.choices) ? options.choices : undefined;
  if (options.dependsOn && !source) throw new DefinitionProblem(facts.path, 'dependsOn is an option of a field whose choices come from a source', 'live-checks');
  const choices = source ? [] : choicesOf(facts, options.choices as ChoicesOption<string> | undefined);
  const requested = options.widget;
  const chosen =
    requested === undefined
      ? defaultWidget(facts.kind, { ...facts, choices: choices.length > 0 || source !== undefined })
      : { widget: typeof requested === 'string' ? requested : requested.base, why: typeof requested === 'string' ? 'the widget option' : `the widget option: ${requested.module}, made like its base` };
  const widget = chosen.widget;
  if (!isDijitClass(widget)) {
    throw new DefinitionProblem(facts.path, `unknown Dijit class ${JSON.stringify(widget)}; known: ${Object.keys(WIDGETS).join(', ')}`);
  }
  const info = WIDGETS[widget];
  if (!(info.kinds as readonly FieldKind[]).includes(facts.kind)) {
    throw new DefinitionProblem(facts.path, `${widget} does not fit a ${facts.kind} field; it takes ${info.kinds.join(' or ')}`);
  }
  if (source) checkSource(facts, widget, options);
  for (const key of ['check', 'warn'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') throw new DefinitionProblem(facts.path, `${key} must be a function of the value (sync or async), not ${typeof options[key]}`, 'live-checks');
  }
  // A source's field is a text input without JavaScript: what is typed is looked up when the form is sent.
  const markup: Markup = source ? 'input' : widget === 'dijit/form/CheckBox' && facts.kind === 'multiEnum' ? 'checkboxes' : info.markup;
  if ((markup === 'select' || markup === 'radios' || markup === 'checkboxes' || markup === 'multiselect') && choices.length === 0) {
    throw new DefinitionProblem(facts.path, `${widget} needs choices: use z.enum([...]) or give choices`);
  }
  const module = typeof requested === 'object' ? requested.module : widget;
  if (!PACKAGED_MODULE_ID.test(module)) {
    throw new DefinitionProblem(facts.path, `widget module ${JSON.stringify(module)} is not an AMD module id`);
  }

  const mapped = mappedFacts(facts, options);
  const propSources: Record<string, string> = {};
  const props = applyAttrMap(facts.path, mapped, info.capabilities, { ...formAttrMap, ...options.attrMap }, propSources);
  const id = `${formId}-${facts.path.replace(/\./g, '-')}`;
  const type = inputType(facts, options);
  if (type === 'password') {
    props['type'] = 'password';
    propSources['type'] = 'the password option';
  }
  if (options.placeholder) {
    props['placeHolder'] = options.placeholder;
    propSources['placeHolder'] = 'the placeholder option';
  }
  Object.assign(props, options.props);
  // A props entry replaces the whole property, what the table wrote inside it (`constraints.min`) too.
  for (const key of Object.keys(options.props ?? {})) {
    for (const written of Object.keys(propSources)) if (written.startsWith(`${key}.`)) delete propSources[written];
    propSources[key] = 'the props option';
  }

  return {
    path: facts.path,
    name: namePrefix + facts.path,
    id,
    label: options.label ?? humanize(facts.path),
    ...(options.help ? { help: options.help } : {}),
    kind: facts.kind,
    facts,
    module,
    widget,
    widgetWhy: chosen.why,
    propSources,
    markup,
    inputType: type,
    props,
    // A source's input takes a label to look up, not the value the schema checks: only "required" applies.
    native: source ? { required: facts.required } : nativeAttributes(facts, markup, mapped),
    echoLimit: echoLimit(facts, choices),
    choices,
    ...((info.capabilities as readonly Capability[]).includes('store') && !source ? { storeChoices: choices.map((c): [string, string] => [c.value, c.label]) } : {}),
    messages: options.messages ?? {},
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.check ? { check: options.check } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
    ...(options.sensitive || type === 'password' ? { sensitive: true } : {}),
    ...(source ? { source, dependsOn: (options.dependsOn ?? []).map((p) => namePrefix + p) } : {}),
  };
}
