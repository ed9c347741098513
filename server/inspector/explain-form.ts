// Why a form is as it is, as data: each field's zod facts, the widget chosen and why, each Dijit property
// and the constraint it came from, who may see and change what, which texts fall back, and the modules a
// build bundles. The inspector page and `dijitize explain` both show this one model.
import type { FormDefinition } from '../forms/define.js';
import type { CompiledField, CompiledForm } from '../forms/model/compiled-form.js';
import type { SchemaFacts } from '../forms/model/schema-facts.js';
import type { JsonValue } from '../common/escape.js';
import { formForRoles } from '../forms/request/role-view.js';
import { AccessDeniedError } from '../common/errors.js';

/**
 * A Dijit property of a field, and the constraint or option it came from.
 * @public
 */
export interface ExplainedProp {
  name: string;
  value: JsonValue;
  from: string;
}

/**
 * One field as dijitize understood it: its widget, why, and the properties the schema gave it.
 * @public
 */
export interface ExplainedField {
  path: string;
  label: string;
  /** Where it sits: the form itself, a list's row, or a union's section. */
  within: string;
  kind: string;
  /** The schema's facts in words: "required", "max length 40", "one of: a, b". */
  facts: string[];
  widget: string;
  /** The module required for it: the widget, or the app's own class made like it. */
  module: string;
  why: string;
  props: ExplainedProp[];
  /** The HTML constraint attributes, checked by the browser without JavaScript. */
  native: Array<{ name: string; value: string }>;
  /** Checks only the server makes while the user types, or choices from a source. */
  asks: string[];
  sensitive: boolean;
}

/**
 * What a role finds of each field.
 * @public
 */
export type FieldAccessLevel = 'hidden' | 'read-only' | 'changeable';

/**
 * Who finds what: each role, and what it finds of each field.
 * @public
 */
export interface ExplainedAccess {
  roles: string[];
  /** role -> field path -> what the role finds. */
  matrix: Record<string, Record<string, FieldAccessLevel>>;
}

/**
 * A defined form explained: the page `dijitize explain` prints and the inspector shows.
 * @public
 */
export interface FormExplanation {
  name: string;
  id: string;
  method: string;
  action: string;
  prefix: string | null;
  fields: ExplainedField[];
  uploads: Array<{ path: string; label: string; facts: string[] }>;
  access: ExplainedAccess | null;
  /** Per locale the app answers in: the texts that show the default locale's words instead. */
  locales: Array<{ locale: string; fallbacks: string[] }>;
  modules: string[];
  serverChecks: boolean;
  draft: string | null;
  /** Whether leaving the page with changes not sent asks first (the `leaveGuard` option). */
  leaveGuard: boolean;
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** A field's zod facts, each in a few words. */
export function factsInWords(facts: SchemaFacts): string[] {
  const words: string[] = [facts.required ? 'required' : 'optional'];
  if (facts.nullable) words.push('nullable');
  if (facts.format) words.push(`format ${facts.format}`);
  if (facts.minLength !== undefined) words.push(`min length ${facts.minLength}`);
  if (facts.maxLength !== undefined) words.push(`max length ${facts.maxLength}`);
  for (const p of facts.patterns) words.push(`${p.from} /${p.source}/${p.flags}`);
  if (facts.integer) words.push('integer');
  if (facts.min !== undefined) words.push(`${facts.minExclusive ? '>' : '>='} ${facts.min}`);
  if (facts.max !== undefined) words.push(`${facts.maxExclusive ? '<' : '<='} ${facts.max}`);
  if (facts.step !== undefined) words.push(`step ${facts.step}`);
  if (facts.minItems !== undefined) words.push(`at least ${facts.minItems} chosen`);
  if (facts.maxItems !== undefined) words.push(`at most ${facts.maxItems} chosen`);
  if (facts.values) words.push(`one of: ${facts.values.join(', ')}`);
  if (facts.defaultValue !== undefined) words.push(`default ${shown(facts.defaultValue)}`);
  return words;
}

/** `{ constraints: { min: 1 } }` -> `[['constraints.min', 1]]`: the names the mapping table writes to. */
function flatProps(props: Record<string, JsonValue>, base = ''): Array<[string, JsonValue]> {
  return Object.entries(props).flatMap(([key, value]): Array<[string, JsonValue]> =>
    value && typeof value === 'object' && !Array.isArray(value) ? flatProps(value, `${base}${key}.`) : [[`${base}${key}`, value]],
  );
}

/** Where a property came from: its own entry, else its nearest parent's (`props: { constraints: {...} }`). */
function sourceOf(field: CompiledField, name: string): string {
  for (let at = name; at; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
    if (Object.hasOwn(field.propSources, at)) return field.propSources[at] as string;
  }
  return 'dijitize';
}

function explainField(field: CompiledField, within: string): ExplainedField {
  const asks = [...(field.check ? ['a server check while typing'] : []), ...(field.warn ? ['a warning (warn): asked while typing and at submit, confirmed with "Send it anyway"'] : []), ...(field.source ? [`choices from a source${field.dependsOn?.length ? `, depending on ${field.dependsOn.join(', ')}` : ''}`] : [])];
  return {
    path: field.path,
    label: field.label,
    within,
    kind: field.kind,
    facts: factsInWords(field.facts),
    widget: field.widget,
    module: field.module,
    why: field.widgetWhy,
    props: flatProps(field.props).map(([name, value]) => ({ name, value, from: sourceOf(field, name) })),
    native: Object.entries(field.native).flatMap(([name, value]) => (value === undefined || value === false ? [] : [{ name, value: String(value) }])),
    asks,
    sensitive: Boolean(field.sensitive),
  };
}

function explainAccess(compiled: CompiledForm): ExplainedAccess | null {
  if (!compiled.acl) return null;
  const roles = compiled.acl.roles;
  const matrix: ExplainedAccess['matrix'] = {};
  for (const role of roles) {
    const row: Record<string, FieldAccessLevel> = {};
    let seen = new Map<string, CompiledField>();
    try {
      seen = new Map(formForRoles(compiled, [role]).fields.map((f) => [f.path, f]));
    } catch (err) {
      if (!(err instanceof AccessDeniedError)) throw err;
    }
    for (const field of compiled.fields) {
      const shown = seen.get(field.path);
      row[field.path] = !shown ? 'hidden' : shown.readOnly ? 'read-only' : 'changeable';
    }
    matrix[role] = row;
  }
  return { roles, matrix };
}

/** Every field of the form with where it sits: a list's rows and a union's sections said as such. */
function fieldsWithin(compiled: CompiledForm): Array<[CompiledField, string]> {
  return compiled.parts.flatMap((part): Array<[CompiledField, string]> => {
    if ('field' in part) return [[part.field, 'form']];
    if ('list' in part) return part.list.rowFields.map((f) => [f, `each row of ${part.list.path}`]);
    if ('union' in part) {
      const { union } = part;
      return [[union.discriminator, `chooses the section of ${union.path || 'the form'}`], ...union.branches.flatMap((b) => b.fields.map((f): [CompiledField, string] => [f, `section ${union.discriminator.path} = ${b.value}`]))];
    }
    return [];
  });
}

/**
 * Explains a defined form for the app's locales (the first is the default).
 * @public
 * @example explainForm(register, ['en-us', 'de']).fields[0].why // 'text of at most 255'
 */
export function explainForm(form: FormDefinition, locales: readonly string[] = []): FormExplanation {
  const { compiled } = form;
  const [defaultLocale] = locales;
  return {
    name: compiled.name,
    id: compiled.id,
    method: compiled.method,
    action: compiled.action,
    prefix: compiled.prefix,
    fields: fieldsWithin(compiled).map(([field, within]) => explainField(field, within)),
    uploads: compiled.uploads.map((u) => ({
      path: u.path,
      label: u.label,
      facts: [
        u.facts.required ? 'required' : 'optional',
        u.facts.multiple ? `${u.facts.minFiles} to ${u.facts.maxFiles ?? 'any number of'} files` : 'one file',
        ...(u.facts.maxSize !== undefined ? [`at most ${u.facts.maxSize} bytes`] : []),
        ...(u.facts.types.length ? [`types: ${u.facts.types.join(', ')}`] : []),
      ],
    })),
    access: explainAccess(compiled),
    locales: defaultLocale === undefined ? [] : locales.map((locale) => ({ locale, fallbacks: locale === defaultLocale ? [] : form.missingTexts(locale, defaultLocale) })),
    modules: compiled.modules,
    serverChecks: form.hasServerChecks,
    leaveGuard: compiled.leaveGuard,
    draft: compiled.draft ? `kept in the browser for ${compiled.draft.days} days${compiled.draft.skip.length ? `, never ${compiled.draft.skip.join(', ')}` : ''}` : null,
  };
}
