// One form page of the demo: GET shows it, POST validates it with the same schema; an invalid POST
// re-renders with the user's values and errors (422), a valid one redirects (post/redirect/get). A form
// with access rules is shown and parsed as the request's roles may, for the record it edits. A page that
// edits a saved record shows it with its version, and a POST made after someone saved it meanwhile is
// merged, or comes back with the conflicts.
import type { Express, Request, Response } from 'express';
import type { FieldChange, FormDefinition } from '../server/index.js';
import { saveResult, savedResult } from './visitor-results.js';

/** Who the user is, for a form with access rules, and the record its POST edits. */
export interface PageAccess {
  /** The request's roles; a string is a 400 with that reason. */
  roles(req: Request): string[] | string;
  record: Record<string, unknown>;
}

interface FormPage {
  path: string;
  form: FormDefinition;
  title: string;
  intro: string;
  /** Per-request set-up before rendering (form function, headers). */
  prepare?: (req: Request, res: Response) => void;
  access?: PageAccess;
  /** What a valid POST's data does (a form with files keeps them) and what the done page shows of it. */
  accept?: (data: Record<string, unknown>) => Promise<Record<string, string>>;
  /** A saved record the page edits (its path has a parameter), and how a valid POST saves it. */
  edit?: SavedRecords;
}

/** Records the demo keeps (it has no database): each with its version, a counter, and its history. */
export interface SavedRecords {
  load(req: Request): { record: Record<string, unknown>; version: number };
  /** Saves a valid edit; `changes` says what it changed (result.changes). */
  save(req: Request, data: Record<string, unknown>, changes: readonly FieldChange[]): void;
  /** The record's history as lines in the request's language, under a title. */
  history?(req: Request): Promise<{ title: string; lines: string[] }>;
}

const display = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : Array.isArray(value) ? value.join(', ') : value && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '');

export function mountForm(app: Express, page: FormPage): void {
  const render = async (req: Request, res: Response, state = {}) => {
    page.prepare?.(req, res);
    const form = req.dojo.form(page.form, state);
    const history = await page.edit?.history?.(req);
    res.render('form-page.html', { title: page.title, intro: page.intro, roles: req.dojo.roles, form, history });
  };
  /** Sets the request's roles; false when they are refused (the response is sent). */
  const signIn = (req: Request, res: Response): boolean => {
    if (!page.access) return true;
    const roles = page.access.roles(req);
    if (typeof roles === 'string') {
      res.status(400).type('text').send(roles);
      return false;
    }
    req.dojo.roles = roles;
    return true;
  };
  /** The record the page edits: a saved one with its version, or the access rules' new one. */
  const recordOf = (req: Request) => page.edit?.load(req) ?? (page.access ? { record: page.access.record } : null);
  app.get(page.path, async (req, res) => {
    const edited = recordOf(req);
    if (signIn(req, res)) await render(req, res, edited ? page.form.initial(edited.record, 'version' in edited ? { version: edited.version } : {}) : {});
  });
  app.post(page.path, async (req, res) => {
    if (!signIn(req, res)) return;
    const edited = recordOf(req);
    // As the request has it: its roles (set by signIn) and its locale, for the messages.
    const result = await req.dojo.parseAsync(page.form, req.body, edited ? { current: edited.record, ...('version' in edited ? { version: edited.version } : {}) } : {});
    // An edit made after someone saved the record: 409, with the conflicts at their fields. A form that
    // passed but asks about warnings: 200, with each warning and its "Send it anyway" box.
    if (!result.ok) return void (await render(req, res.status(result.conflicts ? 409 : result.warned ? 200 : 422), result.state));
    const data = result.data as Record<string, unknown>;
    page.edit?.save(req, data, result.changes ?? []);
    const shown = page.accept ? await page.accept(data) : Object.fromEntries(Object.entries(data).filter(([k]) => !/password|confirm/.test(k)).map(([k, v]) => [k, display(v)]));
    saveResult(req, res, page.path, shown);
    res.redirect(303, `${req.path}/done`);
  });
  app.get(`${page.path}/done`, (req, res) => {
    res.render('done.html', { title: `${page.title}: saved`, saved: savedResult(req, page.path) ?? {}, back: req.path.replace(/\/done$/, '') });
  });
}
