// The errors of form definitions. Introspection, the mapping table and field compilation throw the
// internal DefinitionProblem (what is wrong, and in which field); compileForm wraps it, once, into the
// public FormDefinitionError that names the form too. Any other error is a bug of ours and passes unwrapped.

/** What is wrong with a definition, and in which field (null: the whole form). */
export class DefinitionProblem extends Error {
  constructor(
    readonly path: string | null,
    message: string,
  ) {
    super(message);
  }
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
