// What dijitize's own endpoints (live checks, choices from a source) share: the field a request names, as
// the request's roles may use it, and a refusal as JSON that says why.
import type { Request, Response } from 'express';
import { formRegistry } from '../forms/define.js';
import { formForRoles } from '../forms/request/role-view.js';
import { AccessDeniedError, AccessError } from '../common/errors.js';
import type { ResolvedSettings } from '../settings/settings.js';
import { CHECK_FIELD, FORM_NAME_FIELD } from '../forms/model/posted-names.js';

/** Where the endpoints are under dojo()'s prefix. */
export const CHECK_PATH = '/check';
export const CHOICES_PATH = '/choices';

/** A choices query's parameter that carries the value of a field the choices depend on: `v.country=fr`. */
export const PARENT_PREFIX = 'v.';

/**
 * What a page's client needs of the endpoints (dojoConfig.dijitizeEndpoints): where they are, and the
 * names their requests use, so that the client keeps no copy of its own.
 */
export const endpointsConfig = (prefix: string) => ({
  check: `${prefix}${CHECK_PATH}`,
  choices: `${prefix}${CHOICES_PATH}`,
  names: { form: FORM_NAME_FIELD, field: CHECK_FIELD, parent: PARENT_PREFIX },
});

/** Answers a refused endpoint request: the status, and the reason as JSON. */
export const refuse = (res: Response, status: number, error: string) => void res.status(status).json({ error });

/**
 * The field an endpoint's request names, as the request's roles may change it (or, `seeing`, see it);
 * else the refusal sent.
 */
export function fieldForEndpoint(settings: ResolvedSettings, req: Request, res: Response, formName: unknown, fieldName: unknown, seeing = false) {
  if (typeof formName !== 'string' || typeof fieldName !== 'string') return refuse(res, 400, 'Name the form and the field.');
  const definition = formRegistry.get(formName);
  if (!definition) return refuse(res, 404, `No form ${JSON.stringify(formName.slice(0, 60))}.`);
  const compiled = definition.compiledFor(req.dojo.locale, settings.dojoConfig.locale);
  const roles = settings.roles?.(req) ?? null;
  if (compiled.acl && !roles) return refuse(res, 403, 'This form has access rules: dojo() needs the roles setting to answer for its fields.');
  let view;
  try {
    view = formForRoles(compiled, roles);
  } catch (err) {
    // Roles that may see nothing of the form, or that the access list does not know.
    if (err instanceof AccessDeniedError || err instanceof AccessError) return refuse(res, 403, err.message);
    throw err;
  }
  const field = view.fields.find((f) => f.name === fieldName && (seeing || !f.readOnly));
  if (!field) return refuse(res, 404, `The form has no field ${JSON.stringify(fieldName.slice(0, 60))} these roles may ${seeing ? 'see' : 'change'}.`);
  return { definition, view, field, roles };
}

