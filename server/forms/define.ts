// `defineForm`: a zod object schema plus per-field options becomes a form definition. Everything that
// can be wrong with a definition is found here, at start-up, and named by form and field.
import type * as z from 'zod';
import { compileField, type CompiledField, type FieldOptions } from './compile.js';
import { DefinitionProblem } from './definition-problem.js';
import { introspectObject } from './introspect.js';
import type { AttrMapOverride } from './mapping.js';
import { rawValuesOf } from './initial-values.js';
import { parseForm, type FormState, type ParseResult } from './validate.js';

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
  /** The `id` of the `<form>` and the prefix of field ids; defaults to the form's name. */
  id?: string;
  action?: string;
  method?: 'post' | 'get';
  submitLabel?: string;
  /** Overrides rows of the mapping table for every field of this form. */
  attrMap?: AttrMapOverride;
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
}

/**
 * A definition mistake: names the form and the field.
 * @example
 * try { defineForm('signup', z.object({ age: z.number() }), { fields: { age: { widget: 'dijit/form/CheckBox' } } }); }
 * catch (err) { if (err instanceof FormDefinitionError) console.error(err.message); } // form "signup", field "age": ...
 */
export class FormDefinitionError extends Error {
  override name = 'FormDefinitionError';
  constructor(
    readonly form: string,
    readonly field: string | null,
    problem: string,
  ) {
    super(`Form "${form}"${field ? `, field "${field}"` : ''}: ${problem}`);
  }
}

/** Modules every form needs besides its widgets' classes. */
export const FORM_MODULES = ['dijit/form/Form', 'dijit/form/Button'] as const;

/** The form's fields, compiled; throws DefinitionProblem. */
function compileFields<S extends z.ZodObject>(id: string, schema: S, options: FormOptions<S>): CompiledField[] {
  const facts = introspectObject(schema);
  const fieldOptions = (options.fields ?? {}) as Record<string, FieldOptions | undefined>;
  const unknown = Object.keys(fieldOptions).filter((path) => !facts.some((f) => f.path === path));
  if (unknown.length) throw new DefinitionProblem(unknown[0] ?? null, `the schema has no such field (it has ${facts.map((f) => f.path).join(', ')})`);
  return facts.map((f) => compileField(id, f, fieldOptions[f.path] ?? {}, options.attrMap ?? {}));
}

/** Compiles a form's schema and options; throws FormDefinitionError. */
export function compileForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S>): CompiledForm {
  const id = options.id ?? name;
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
  };
}

/** A defined form: its schema, its compiled fields (cached), and server-side parsing. */
export class FormDefinition<S extends z.ZodObject = z.ZodObject> {
  readonly compiled: CompiledForm;
  constructor(
    readonly name: string,
    readonly schema: S,
    readonly options: FormOptions<S> = {},
  ) {
    this.compiled = compileForm(name, schema, options);
  }

  /**
   * Coerces a POSTed body (urlencoded, flat dotted names) and validates it with the schema.
   * @example const result = form.parse(req.body); if (result.ok) save(result.data);
   */
  parse(body: unknown): ParseResult<z.output<S>> {
    return parseForm(this.schema, this.compiled, body);
  }

  /**
   * The state that shows existing data in the form (for edit pages).
   * @example res.render('edit.html', { form: req.dojo.form(profile, profile.initial(user)) });
   */
  initial(data: Partial<z.input<S>>): Partial<FormState> {
    return { values: rawValuesOf(this.compiled.fields, data) };
  }
}

/**
 * The forms defined so far, by name: `dijitize build` reads this to know which modules to bundle. It
 * lives on globalThis so that the app and the CLI share it even through two copies of this package.
 */
export const formRegistry: Map<string, FormDefinition> = ((globalThis as Record<symbol, unknown>)[Symbol.for('dijitize.forms')] ??=
  new Map<string, FormDefinition>()) as Map<string, FormDefinition>;

/**
 * Defines a form. Throws FormDefinitionError naming the form and field when the definition is wrong.
 * @example
 * const register = defineForm('register', z.object({ username: z.string().min(2) }), {
 *   fields: { username: { label: 'Username', messages: { invalid: 'Letters only' } } },
 * });
 */
export function defineForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S> = {}): FormDefinition<S> {
  const existing = formRegistry.get(name);
  if (existing && existing.schema !== schema) throw new FormDefinitionError(name, null, 'a different form with this name is already defined');
  const form = new FormDefinition(name, schema, options);
  formRegistry.set(name, form as unknown as FormDefinition);
  return form;
}
