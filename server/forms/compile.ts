// A form's schema and options -> the compiled form: its fields in order, each worked out once
// (compile-field.ts), and every module its widgets need. Everything that can be wrong with a definition is
// found here, at start-up, and named by form and field.
import type * as z from 'zod';
import { compileField, humanize, type CompiledField, type FieldMessages, type FieldOptions } from './compile-field.js';
import { DefinitionProblem, FormDefinitionError } from './definition-errors.js';
import { introspectObject, isList, isUnion, ROW, type ListFacts, type SchemaFacts, type UnionFacts } from './introspect.js';
import type { Acl } from '../access/acl.js';
import type { FormAccess } from '../access/acl.js';
import { fieldAccess } from './field-rules.js';
import type { AttrMapOverride } from './mapping.js';
import type { Localized } from '../locales.js';
import { plainOptions, textResolver, type TextLocale } from './field-texts.js';

/** Dotted paths of the fields of an object type (`address.street`); a list of rows and its fields (`items`, `items.qty`). */
export type FieldPath<T> = T extends Date | readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]: NonNullable<T[K]> extends readonly (infer E)[]
          ? E extends Date ? K : E extends object ? K | `${K}.${FieldPath<E>}` : K
          : NonNullable<T[K]> extends Date
            ? K
            : NonNullable<T[K]> extends object
              ? `${K}.${FieldPath<NonNullable<T[K]>>}`
              : K;
      }[keyof T & string]
    : never;

export interface FormOptions<S extends z.ZodObject> {
  /** The `id` of the `<form>` and the prefix of field ids; defaults to the prefix, else the form's name. */
  id?: string;
  /**
   * Put before every posted name (`bill-street`), as Django's prefix: for several forms on one page that
   * share field names. `form.isPosted(body)` tells which one a POST came from.
   */
  prefix?: string;
  action?: string;
  method?: 'post' | 'get';
  submitLabel?: Localized;
  /** Overrides rows of the mapping table for every field of this form. */
  attrMap?: AttrMapOverride;
  /** Who may see and change the form's fields: the access list, and the default of every field. */
  access?: FormAccess;
  fields?: { [P in FieldPath<z.input<S>>]?: FieldOptions };
}

/**
 * A list of rows, compiled once: its count bounds, labels, and the fields of a row, whose paths, names
 * and ids hold ROW (`$row`) for the row's index (rows.ts makes them concrete per request).
 */
export interface CompiledList {
  path: string;
  name: string;
  id: string;
  label: string;
  /** What one row is called: "Item" makes "Item 2", "Remove item 2". */
  itemLabel: string;
  help?: string;
  min: number;
  /** The schema's `.max()`, else the list's `maxRows` option, else DEFAULT_MAX_ROWS: a list is always bounded. */
  max: number;
  /** `required` is said for too few rows, `invalid` for too many. */
  messages: FieldMessages<string>;
  rowFields: CompiledField[];
}

/** Sections chosen by a discriminator, compiled once: the discriminator's field, and each branch's fields. */
export interface CompiledUnion {
  path: string;
  id: string;
  label: string;
  discriminator: CompiledField;
  branches: Array<{ value: string; label: string; fields: CompiledField[] }>;
}

/** What a form shows, in order: a field, a list of rows, or sections chosen by a discriminator. */
export type FormPart = { field: CompiledField } | { list: CompiledList } | { union: CompiledUnion };

/** The form, compiled once: fields in order, and every module its widgets need. */
export interface CompiledForm {
  name: string;
  id: string;
  action: string;
  method: 'post' | 'get';
  submitLabel: string;
  /** The locale of its texts; null: each text's own default. */
  locale: string | null;
  parts: FormPart[];
  /** Every field, a list's row fields as they are compiled (with `$row`). */
  fields: CompiledField[];
  lists: CompiledList[];
  unions: CompiledUnion[];
  modules: string[];
  /** The prefix of its posted names, or null. */
  prefix: string | null;
  /** The access list of the form's rules; null when every role may see and change everything. */
  acl: Acl | null;
}

/** The hidden field by which a prefixed form says it sent a POST. */
export const FORM_FIELD = '_form';

/** Modules every form needs besides its widgets' classes. */
export const FORM_MODULES = ['dijit/form/Form', 'dijit/form/Button'] as const;

/** The modules a form of these fields loads: the form's own, then each widget class once. */
export const formModules = (fields: readonly CompiledField[]): string[] => [...new Set([...FORM_MODULES, ...fields.map((f) => f.module)])];

/** The options key of a path: a row field's path without its index (`items.$row.qty` -> `items.qty`). */
const optionsKey = (path: string) => path.split(`.${ROW}`).join('');

/**
 * The most rows a list without a `.max()` (or a `maxRows` option) takes: each row read is parsed and may
 * be re-rendered, so this bounds what one small POST can make the server do (SECURITY.md).
 */
export const DEFAULT_MAX_ROWS = 50;
const warnedLists = new Set<string>();

/** A list's bound from its `maxRows` option, else the default, said once per list as a process warning. */
function listBound(form: string, path: string, maxRows: number | undefined): number {
  if (maxRows !== undefined) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new DefinitionProblem(path, `maxRows must be a whole number of at least 1, not ${maxRows}`);
    return maxRows;
  }
  const key = `${form}\u0000${path}`;
  if (!warnedLists.has(key) && warnedLists.size < 10_000) {
    warnedLists.add(key);
    process.emitWarning(`form "${form}", list "${path}" has no .max(): it takes at most ${DEFAULT_MAX_ROWS} rows from a POST (give the schema a .max(), or the field a maxRows option)`, { code: 'DIJITIZE_LIST_WITHOUT_MAX' });
  }
  return DEFAULT_MAX_ROWS;
}

/** The form's parts, compiled; throws DefinitionProblem. */
function compileParts<S extends z.ZodObject>(id: string, schema: S, options: FormOptions<S>, at: TextLocale | null): FormPart[] {
  const nodes = introspectObject(schema);
  const known = nodes.flatMap((n) =>
    isList(n) ? [n.path, ...n.rows.map((r) => optionsKey(r.path))] : isUnion(n) ? [n.path, n.discriminator.path, ...n.branches.flatMap((b) => b.fields.map((f) => f.path))] : [n.path],
  );
  if (options.access && nodes.some((n) => isList(n) || isUnion(n))) {
    throw new DefinitionProblem(null, 'access rules on a form with lists of rows or discriminated unions are not supported yet');
  }
  const fieldOptions = (options.fields ?? {}) as Record<string, FieldOptions | undefined>;
  const unknown = Object.keys(fieldOptions).filter((path) => !known.includes(path));
  if (unknown.length) throw new DefinitionProblem(unknown[0] ?? null, `the schema has no such field (it has ${known.join(', ')})`);
  fieldAccess(null, undefined, options.access); // the form's own defaults, checked even when every field has its own
  const namePrefix = options.prefix ? `${options.prefix}-` : '';
  // Each place's options with their texts in this locale.
  const optionsOf = (key: string) => plainOptions(fieldOptions[key] ?? {}, textResolver(at, key));
  const field = (facts: SchemaFacts): CompiledField => {
    const own = optionsOf(optionsKey(facts.path));
    return { ...compileField(id, facts, own, options.attrMap ?? {}, namePrefix), access: fieldAccess(facts.path, own.access, options.access) };
  };
  const list = (facts: ListFacts): CompiledList => {
    const own = optionsOf(facts.path);
    return {
      path: facts.path,
      name: namePrefix + facts.path,
      id: `${id}-${facts.path.replace(/\./g, '-')}`,
      label: own.label ?? humanize(facts.path),
      itemLabel: own.itemLabel ?? 'Row',
      ...(own.help ? { help: own.help } : {}),
      min: facts.minItems,
      max: facts.maxItems ?? listBound(id, facts.path, own.maxRows),
      messages: own.messages ?? {},
      rowFields: facts.rows.map(field),
    };
  };
  const union = (facts: UnionFacts): CompiledUnion => {
    const own = optionsOf(facts.path);
    const discriminator = field(facts.discriminator);
    const labelOf = (value: string) => discriminator.choices.find((c) => c.value === value)?.label ?? value;
    return {
      path: facts.path,
      id: `${id}-${facts.path.replace(/\./g, '-')}`,
      label: own.label ?? humanize(facts.path),
      discriminator,
      branches: facts.branches.map((b) => ({ value: b.value, label: labelOf(b.value), fields: b.fields.map(field) })),
    };
  };
  return nodes.map((n): FormPart => (isList(n) ? { list: list(n) } : isUnion(n) ? { union: union(n) } : { field: field(n) }));
}

/**
 * Compiles a form's schema and options, with its texts in one locale (null: each text's own default);
 * throws FormDefinitionError.
 */
export function compileForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S>, at: TextLocale | null = null): CompiledForm {
  const { prefix } = options;
  if (prefix !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) throw new FormDefinitionError(name, null, `the prefix ${JSON.stringify(prefix)} must start with a letter and hold only letters, digits and _`);
  const id = options.id ?? prefix ?? name;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new FormDefinitionError(name, null, `the id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, _ and -`);
  let parts: FormPart[];
  try {
    parts = compileParts(id, schema, options, at);
  } catch (err) {
    // Wrapped once, here; anything else is a bug of ours and must not pass for a definition mistake.
    if (err instanceof DefinitionProblem) throw new FormDefinitionError(name, err.path, err.message);
    throw err;
  }
  const lists = parts.flatMap((p) => ('list' in p ? [p.list] : []));
  const unions = parts.flatMap((p) => ('union' in p ? [p.union] : []));
  const fields = parts.flatMap((p) => ('list' in p ? p.list.rowFields : 'union' in p ? [p.union.discriminator, ...p.union.branches.flatMap((b) => b.fields)] : [p.field]));
  const modules = formModules(fields);
  return {
    name,
    id,
    action: options.action ?? '',
    method: options.method ?? 'post',
    submitLabel: textResolver(at, '(form)')(options.submitLabel, 'submitLabel') ?? 'Submit',
    locale: at?.locale ?? null,
    parts,
    fields,
    lists,
    unions,
    modules,
    prefix: prefix ?? null,
    acl: options.access?.acl ?? null,
  };
}
