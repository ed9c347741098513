// `inspector()`: a router the app mounts in development, after its own middleware (so that a preview
// gets the request as the app's pages do: its CSP nonce, its locale). It lists the forms of this process,
// explains one, and previews it; a preview's POST is parsed as the app would parse it. Refused at
// start-up when NODE_ENV is "production" unless asked for there.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { formRegistry, type FormDefinition } from '../forms/define.js';
import { escapeHtml } from '../common/escape.js';
import { AccessDeniedError } from '../common/errors.js';
import { renderHead } from '../http/head-tag.js';
import { sendRefusal } from '../http/refusals.js';
import type { ResolvedSettings } from '../settings/settings.js';
import { appSettings } from '../settings/app-settings.js';
import { SettingsError } from '../common/errors.js';
import { explainForm } from './explain-form.js';
import { formBody, indexBody, inspectorCss, inspectorPage, INSPECTOR_CSS, type FormSummary } from './inspector-html.js';
import { keepParses, recentParses } from './parse-log.js';

/** The settings the index shows: what decides how every page loads Dojo. */
function shownSettings(settings: ResolvedSettings): Array<[string, string]> {
  return [
    ['prefix', settings.prefix],
    ['theme', settings.theme],
    ['locales', settings.locales.join(', ')],
    ['formFunction', settings.formFunction ? `${settings.formFunction.module}#${settings.formFunction.fn}` : 'none: inline script'],
    ['releaseDir', settings.releaseDir ?? 'none: Dojo from its sources'],
    ['csrf', settings.csrf ? 'on' : 'off'],
    ['submissions', settings.submissions ? `once per id, kept ${settings.submissions.ttl} s` : 'off'],
    ['uploads', settings.uploads ? `at most ${settings.uploads.fileSize} bytes a file` : 'off'],
  ];
}


/**
 * Who may see the inspector, and whether it runs in production.
 * @public
 */
export interface InspectorOptions {
  /** Serve it even when NODE_ENV is "production": it shows every form and its recent values to whoever reaches it. */
  production?: boolean;
  /**
   * Who may open it, besides this machine: client addresses (`req.ip`, as the app's `trust proxy` makes
   * it), or a function of the request. Default: loopback clients only, as Django's debug toolbar keeps to
   * INTERNAL_IPS; a request forwarded by a proxy the app does not trust is never taken for a local one.
   */
  allow?: readonly string[] | ((req: Request) => boolean);
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
const isLoopback = (ip: string | undefined): boolean => !!ip && (/^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ip === '::1');

/** Whether the inspector answers this request. */
function allowed(req: Request, allow: InspectorOptions['allow']): boolean {
  if (typeof allow === 'function') return allow(req);
  if (allow?.includes(req.ip ?? '')) return true;
  // Behind an untrusted proxy on this machine, every visitor comes from loopback: such a request is not ours.
  const forwarded = req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined;
  if (forwarded && req.ip === req.socket.remoteAddress) return false;
  return isLoopback(req.ip);
}

/**
 * The form inspector: every defined form with its mapping, access, locales, modules, a preview with and
 * without JavaScript, and this process's last parses of it (sensitive fields redacted). Development only.
 * Answers loopback clients only, unless `allow` says otherwise.
 * @example if (process.env.NODE_ENV === 'development') app.use('/_dijitize', inspector());
 * @public
 */
export function inspector(options: InspectorOptions = {}): Router {
  if (process.env['NODE_ENV'] === 'production' && options.production !== true) {
    throw new SettingsError('inspector(): NODE_ENV is "production", and the inspector shows every form and its recent values; mount it only in development (if (process.env.NODE_ENV === "development") app.use("/_dijitize", inspector())), or pass { production: true } to serve it anyway', 'inspector');
  }
  if (options.allow !== undefined && typeof options.allow !== 'function' && !(Array.isArray(options.allow) && options.allow.every((a) => typeof a === 'string'))) {
    throw new SettingsError('inspector(): allow must be a list of client addresses or a function of the request', 'inspector');
  }
  keepParses();
  const router = express.Router();
  router.use((req, res, next) => {
    if (allowed(req, options.allow)) return next();
    sendRefusal(res, 403, 'Not for this address', 'The form inspector answers only this machine (loopback). To open it from elsewhere, pass allow to inspector().');
  });
  /** The app's dojo() settings: what its pages load and in which locales. */
  const settingsOf = (req: Request): ResolvedSettings => {
    if (!req.dojo) throw new Error('inspector() found no req.dojo: mount it after app.use(dojo(...))');
    return appSettings()[0] as ResolvedSettings;
  };
  /**
   * The form the path names, and the role it is shown as (a form with access rules: `?role=`, else the
   * list's first), set as the request's roles; null once a 404 or 400 that says why is sent.
   */
  const formAndRole = (req: Request, res: Response): { form: FormDefinition; role: string | null } | null => {
    const form = formRegistry.get(String(req.params['name']));
    if (!form) {
      sendRefusal(res, 404, 'No such form', `No form named ${JSON.stringify(String(req.params['name']).slice(0, 80))} is defined in this process.`);
      return null;
    }
    const roles = form.compiled.acl?.roles;
    if (!roles) return { form, role: null };
    const asked = req.query['role'];
    if (asked !== undefined && (typeof asked !== 'string' || !roles.includes(asked))) {
      sendRefusal(res, 400, 'No such role', `role must be one of the form's access list: ${roles.join(', ')}.`);
      return null;
    }
    const role = asked ?? roles[0] ?? null;
    if (role) req.dojo.roles = [role];
    return { form, role };
  };

  router.get(`/${INSPECTOR_CSS}`, (_req, res) => {
    res.type('css').send(inspectorCss);
  });

  router.get('/', (req, res) => {
    const settings = settingsOf(req);
    const base = req.baseUrl;
    const forms: FormSummary[] = [...formRegistry.values()].map((form) => {
      const x = explainForm(form, settings.locales);
      return { name: x.name, fields: x.fields.length + x.uploads.length, modules: x.modules.length, access: x.access !== null, serverChecks: x.serverChecks, fallbacks: x.locales.reduce((n, l) => n + l.fallbacks.length, 0) };
    });
    res.type('html').send(inspectorPage(base, 'Forms', indexBody(base, forms, shownSettings(settings))));
  });

  router.get('/forms/:name', (req, res) => {
    const found = formAndRole(req, res);
    if (!found) return;
    const { form, role } = found;
    const base = req.baseUrl;
    const x = explainForm(form, settingsOf(req).locales);
    let plain: string;
    try {
      plain = req.dojo.form(form, {}, { action: `${base}/forms/${encodeURIComponent(form.name)}/preview?js=off${role ? `&role=${encodeURIComponent(role)}` : ''}` }).html;
    } catch (err) {
      if (!(err instanceof AccessDeniedError)) throw err;
      plain = `<p>The role ${escapeHtml(role)} may see no field of this form: its users get a 403.</p>`;
    }
    res.type('html').send(inspectorPage(base, `Form "${form.name}"`, formBody(base, x, recentParses(form.name), role, plain)));
  });

  /** The form alone on a page, as a template would make it: with the head tag (js=on) or without (js=off). */
  const preview = (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const found = formAndRole(req, res);
      if (!found) return;
      const { form } = found;
      const scripted = req.query['js'] !== 'off';
      const result = req.method === 'POST' ? await req.dojo.parseAsync(form, req.body) : null;
      const said = !result ? '' : result.ok ? '<p role="status">Accepted. The inspector page lists what was parsed.</p>' : '';
      const rendered = req.dojo.form(form, result?.state ?? {}, { action: req.originalUrl });
      const head = scripted ? renderHead(req.dojo) : '';
      const title = `Preview of ${form.name}${scripted ? '' : ' without JavaScript'}`;
      res
        .status(result && !result.ok && !result.intent && !result.warned ? 422 : 200)
        .type('html')
        .send(`<!DOCTYPE html><html lang="${escapeHtml(req.dojo.lang)}" dir="${req.dojo.dir}"><head><meta charset="utf-8"><title>${escapeHtml(rendered.pageTitle(title))}</title>${head}</head><body class="${escapeHtml(req.dojo.bodyClass)}"><main><h1>${escapeHtml(title)}</h1>${said}${rendered.html}</main></body></html>`);
    })().catch(next);
  };
  router.get('/forms/:name/preview', preview);
  router.post('/forms/:name/preview', preview);
  return router;
}
