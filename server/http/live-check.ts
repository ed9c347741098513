// The live check of one field while the user types (JavaScript on): the page POSTs the form's values to
// `<prefix>/check`, naming the form and the field; dojo() parses them as the form's POST would (its schema,
// zod's async refinements, then that field's `check` and `warn` alone) and answers with the field's message
// or null, and its warning (with the token its "Send it anyway" box posts) or null.
// CSRF-protected as any POST, rate-limited per client, only for fields of defined forms that the
// request's roles may change. A check that fails to run answers 503: the page shows nothing, and the
// server decides when the form is sent.
import type { RequestHandler } from 'express';
import { fieldForEndpoint, refuse } from './endpoint-field.js';
import { CHECK_FIELD, FORM_NAME_FIELD } from '../forms/model/posted-names.js';
import { escapeHtml } from '../common/escape.js';
import { log } from '../common/log.js';
import type { ResolvedSettings } from '../settings/settings.js';

export function liveCheckEndpoint(settings: ResolvedSettings): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const found = fieldForEndpoint(settings, req, res, body[FORM_NAME_FIELD], body[CHECK_FIELD]);
    if (!found) return;
    const { definition, field, roles } = found;
    if (!field.check && !field.warn) return refuse(res, 404, `The field ${JSON.stringify(field.name)} has no server check.`);
    try {
      const result = await definition.parseAsync(body, { locale: req.dojo.locale, defaultLocale: settings.dojoConfig.locale, ...(roles ? { roles } : {}), request: req, only: field.path });
      const message = result.ok ? null : (result.state.errors[field.path] ?? null);
      // A warning comes with its box's token: ticked while typing, it is confirmed when the form is sent.
      const warned = result.state.warnings?.[field.path];
      const warning = warned ? { html: escapeHtml(warned.message), token: warned.token } : null;
      res.set('Cache-Control', 'no-store').json({ message, html: message === null ? null : escapeHtml(message), warning });
    } catch (err) {
      log.request('live check of %s/%s failed: %s', definition.name, field.path, err instanceof Error ? err.message : String(err));
      refuse(res, 503, 'The check could not be made now; the form is checked again when it is sent.');
    }
  };
}
