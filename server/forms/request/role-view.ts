// Who may see and change each field: a compiled form as one user's roles find it. A field a role may
// not see is left out (HTML, widget spec, modules); one it may see but not change is read-only and never
// required. Rendering and parsing both start from this view, so what is shown and what is taken agree.
import type { Acl } from '../../access/index.js';
import { type CompiledField, formModules, type CompiledForm, type FormPart } from '../model/compiled-form.js';
import { AccessDeniedError } from '../../common/errors.js';

/** The views already made, per form and set of roles: a handful per form in any app. */
const views = new WeakMap<CompiledForm, Map<string, CompiledForm>>();

/** A field as a role that may see but not change it gets it: read-only, not required, not posted. */
function readOnly(field: CompiledField): CompiledField {
  return { ...field, readOnly: true, props: { ...field.props, readOnly: true, required: false }, native: { ...field.native, required: undefined } };
}

function makeView(form: CompiledForm, acl: Acl, roles: readonly string[]): CompiledForm {
  // A form with rules has no lists of rows (compile refuses rules on row fields): its parts are fields.
  const parts = form.parts.flatMap((part): FormPart[] => {
    if (!('field' in part)) return [part];
    const { see, change } = part.field.access;
    if (see && !acl.allows(roles, see)) return [];
    return [{ field: change && !acl.allows(roles, change) ? readOnly(part.field) : part.field }];
  });
  const fields = parts.flatMap((p) => ('field' in p ? [p.field] : []));
  if (fields.length === 0) throw new AccessDeniedError(`the roles ${roles.join(', ') || '(none)'} may not see form "${form.name}"`);
  return { ...form, parts, fields, modules: formModules(fields, form.uploads.length > 0) };
}

/**
 * The form as these roles find it; the form itself when it has no access rules. Throws
 * AccessDeniedError when the roles may see no field, and an error when a form with rules gets no roles.
 */
export function formForRoles(form: CompiledForm, roles: readonly string[] | null): CompiledForm {
  if (!form.acl) return form;
  if (!roles) {
    throw new Error(`Form "${form.name}" has access rules: say whose request this is, with req.dojo.roles = [...] before req.dojo.form(), and form.parse(body, { roles, current })`);
  }
  const key = JSON.stringify([...roles].sort());
  let byRoles = views.get(form);
  if (!byRoles) views.set(form, (byRoles = new Map()));
  let view = byRoles.get(key);
  if (!view) byRoles.set(key, (view = makeView(form, form.acl, roles)));
  return view;
}
