// A form's schema and options -> the compiled form: its fields in order, each worked out once
// (compile-field.ts), and every module its widgets need. Everything that can be wrong with a definition is
// found here, at start-up, and named by form and field.
import type * as z from 'zod';
import { compileField, type CompiledField, type FieldOptions } from './compile-field.js';
import { DefinitionProblem, FormDefinitionError } from './definition-errors.js';
import { introspectObject } from './introspect.js';
import type { Acl } from '../access/acl.js';
import { fieldAccess, type FormAccess } from './access.js';
import type { AttrMapOverride } from './mapping.js';

/** Dotted paths of the fields of an object type (`address.street`). */
export type FieldPath<T> = T extends Date | readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]: NonNullable<T[K]> extends Date | readonly unknown[]
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
  submitLabel?: string;
  /** Overrides rows of the mapping table for every field of this form. */
  attrMap?: AttrMapOverride;
  /** Who may see and change the form's fields: the access list, and the default of every field. */
  access?: FormAccess;
  fields?: { [P in FieldPath<z.input<S>>]?: FieldOptions };
}

/** The form, compiled once: fields in order, and every module its widgets need. */
export interface CompiledForm {
  name: string;
  id: string;
  action: string;
  method: 'post' | 'get';
  submitLabel: string;
  fields: CompiledField[];
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

/** The form's fields, compiled; throws DefinitionProblem. */
function compileFields<S extends z.ZodObject>(id: string, schema: S, options: FormOptions<S>): CompiledField[] {
  const facts = introspectObject(schema);
  const fieldOptions = (options.fields ?? {}) as Record<string, FieldOptions | undefined>;
  const unknown = Object.keys(fieldOptions).filter((path) => !facts.some((f) => f.path === path));
  if (unknown.length) throw new DefinitionProblem(unknown[0] ?? null, `the schema has no such field (it has ${facts.map((f) => f.path).join(', ')})`);
  fieldAccess(null, undefined, options.access); // the form's own defaults, checked even when every field has its own
  return facts.map((f) => {
    const own = fieldOptions[f.path] ?? {};
    return { ...compileField(id, f, own, options.attrMap ?? {}, options.prefix ? `${options.prefix}-` : ''), access: fieldAccess(f.path, own.access, options.access) };
  });
}

/** Compiles a form's schema and options; throws FormDefinitionError. */
export function compileForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S>): CompiledForm {
  const { prefix } = options;
  if (prefix !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) throw new FormDefinitionError(name, null, `the prefix ${JSON.stringify(prefix)} must start with a letter and hold only letters, digits and _`);
  const id = options.id ?? prefix ?? name;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new FormDefinitionError(name, null, `the id ${JSON.stringify(id)} must start with a letter and hold only letters, digits, _ and -`);
  let fields: CompiledField[];
  try {
    fields = compileFields(id, schema, options);
  } catch (err) {
    // Wrapped once, here; anything else is a bug of ours and must not pass for a definition mistake.
    if (err instanceof DefinitionProblem) throw new FormDefinitionError(name, err.path, err.message);
    throw err;
  }
  const modules = [...new Set([...FORM_MODULES, ...fields.map((f) => f.module)])];
  return {
    name,
    id,
    action: options.action ?? '',
    method: options.method ?? 'post',
    submitLabel: options.submitLabel ?? 'Submit',
    fields,
    modules,
    prefix: prefix ?? null,
    acl: options.access?.acl ?? null,
  };
}
