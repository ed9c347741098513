// The live check of one field while the user types (JavaScript on): the page POSTs the form's values to
// `<prefix>/check`, naming the form and the field; dojo() parses them as the form's POST would (its schema,
// zod's async refinements, then that field's `check` alone) and answers with the field's message or null.
// CSRF-protected as any POST, rate-limited per client, only for fields of defined forms that the
// request's roles may change. A check that fails to run answers 503: the page shows nothing, and the
// server decides when the form is sent.
import type { Request, RequestHandler, Response } from 'express';
import { formRegistry } from '../forms/define.js';
import { CHECK_FIELD, FORM_NAME_FIELD } from '../forms/model/posted-names.js';
import { formForRoles } from '../forms/request/role-view.js';
import { AccessDeniedError, AccessError } from '../common/errors.js';
import { escapeHtml } from '../common/escape.js';
import { log } from '../common/log.js';
import type { ResolvedSettings } from '../settings/settings.js';

/** The path under dojo()'s prefix. */
export const CHECK_PATH = '/check';

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

export function liveCheckEndpoint(settings: ResolvedSettings): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const found = fieldForEndpoint(settings, req, res, body[FORM_NAME_FIELD], body[CHECK_FIELD]);
    if (!found) return;
    const { definition, field, roles } = found;
    if (!field.check) return refuse(res, 404, `The field ${JSON.stringify(field.name)} has no server check.`);
    try {
      const result = await definition.parseAsync(body, { locale: req.dojo.locale, defaultLocale: settings.dojoConfig.locale, ...(roles ? { roles } : {}), request: req, only: field.path });
      const message = result.ok ? null : (result.state.errors[field.path] ?? null);
      res.set('Cache-Control', 'no-store').json({ message, html: message === null ? null : escapeHtml(message) });
    } catch (err) {
      log.request('live check of %s/%s failed: %s', definition.name, field.path, err instanceof Error ? err.message : String(err));
      refuse(res, 503, 'The check could not be made now; the form is checked again when it is sent.');
    }
  };
}
