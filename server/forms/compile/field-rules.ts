// A field's access rules, at definition: its own, else the form's, checked against the access list once
// (per-request views of a form are request/role-view.ts).
import type { FieldAccess, FormAccess } from '../../access/index.js';
import { DefinitionProblem } from '../../common/errors.js';

/**
 * A field's rules: its own, else the form's. Throws DefinitionProblem for rules without a list, or for a
 * grant that no role has (a misspelt resource or privilege would otherwise hide a field from everyone).
 */
export function fieldAccess(path: string | null, own: FieldAccess | undefined, form: FormAccess | undefined): FieldAccess {
  const access: FieldAccess = { see: own?.see ?? form?.see, change: own?.change ?? form?.change };
  if (!access.see && !access.change) return {};
  if (!form?.acl) throw new DefinitionProblem(path, 'access rules need the form\'s access list: give the form access: { acl, ... }', 'access');
  for (const grant of [access.see, access.change]) {
    if (grant && !form.acl.grants(grant)) {
      throw new DefinitionProblem(path, `no role of the access list has the privilege "${grant.privilege}" on "${grant.resource}"`, 'access');
    }
  }
  return access;
}
