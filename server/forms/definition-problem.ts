// The one internal error of form definitions: what is wrong, and in which field (null: the whole form).
// Introspection, the mapping table and field compilation throw it; compileForm wraps it, once, into the
// public FormDefinitionError that names the form. Any other error is a bug of ours and passes unwrapped.
export class DefinitionProblem extends Error {
  constructor(
    readonly path: string | null,
    message: string,
  ) {
    super(message);
  }
}
