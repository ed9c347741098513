// Choices from a source, for the page's FilteringSelect or ComboBox (JavaScript on): a dojo/store/JsonRest
// queries `<prefix>/choices/<form>/<field>?id=&name=<typed>*` a page at a time (its Range header), and gets
// one choice by `?id=<value>`. Only fields of defined forms that the request's roles may see; bounded work
// (a query of at most MAX_QUERY characters, pages of at most MAX_PAGE); rate-limited with the live checks.
// A source that fails answers 503: the widget shows no choices, and the server checks the value at submit.
import type { Request, RequestHandler } from 'express';
import { fieldForEndpoint, PARENT_PREFIX, refuse } from './endpoint-field.js';
import { setPath } from '../common/object-path.js';
import { MAX_QUERY } from '../forms/request/remote-choices.js';
import { log } from '../common/log.js';
import type { CheckContext } from '../forms/model/form-options.js';
import type { CompiledForm } from '../forms/model/compiled-form.js';
import type { ResolvedSettings } from '../settings/settings.js';

/** The most choices in one answer. */
export const MAX_PAGE = 50;

/** What Dijit sends for typed text: `ada*`, with `*` and `?` typed by the user escaped (`\*`). */
const typedText = (query: string): string => query.replace(/\*$/, '').replace(/\\(.)/g, '$1');

/**
 * Whether a query asks for a label exactly: Dijit searches as the user types with a trailing `*`, and
 * looks a label up without one (an empty label, when a field is cleared, is no choice at all).
 */
const isExact = (query: string): boolean => !/(^|[^\\])\*$/.test(query);

/** The page a JsonRest query asks for (`Range: items=20-39`), within MAX_PAGE. */
function pageOf(req: Request): { offset: number; limit: number } {
  const range = /^items=(\d{1,7})-(\d{1,7})$/.exec(req.get('range') ?? req.get('x-range') ?? '');
  if (!range) return { offset: 0, limit: MAX_PAGE };
  const offset = Number(range[1]);
  return { offset, limit: Math.max(1, Math.min(MAX_PAGE, Number(range[2]) - offset + 1)) };
}

/** The values of the fields the choices depend on, from the query (only those: nothing else is read). */
function parentValues(req: Request, form: CompiledForm, dependsOn: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of dependsOn) {
    const parent = form.fields.find((f) => f.name === name);
    const value = req.query[`${PARENT_PREFIX}${name}`];
    if (parent && typeof value === 'string') setPath(values, parent.path, value.slice(0, parent.echoLimit));
  }
  return values;
}

export function choicesEndpoint(settings: ResolvedSettings): RequestHandler {
  return async (req, res) => {
    const found = fieldForEndpoint(settings, req, res, req.params['form'], req.params['field'], true);
    if (!found) return;
    const { definition, view, field, roles } = found;
    const source = field.source;
    if (!source) return refuse(res, 404, `The field ${JSON.stringify(field.name)} has no choices from a source.`);
    const { id, name = '' } = req.query;
    if ((id !== undefined && typeof id !== 'string') || typeof name !== 'string') return refuse(res, 400, 'Give one id, or one name to search for.');
    const query = typedText(name);
    if (query.length > MAX_QUERY || (id ?? '').length > MAX_QUERY) return refuse(res, 400, `A query is at most ${MAX_QUERY} characters.`);
    const ctx: CheckContext = { values: parentValues(req, view, field.dependsOn ?? []), request: req, locale: req.dojo.locale, roles };
    res.set('Cache-Control', 'no-store'); // what a source answers may depend on who asks
    try {
      if (id) {
        const choice = await source.get(id, ctx);
        return choice ? void res.json({ id: choice.value, name: choice.label }) : refuse(res, 404, 'No such choice.');
      }
      const page = pageOf(req);
      const exact = isExact(name);
      if (exact && query === '') return void res.set('Content-Range', 'items 0-0/0').json([]);
      const found = await source.search(query, page, ctx);
      const items = exact ? found.items.filter((item) => item.label.toLocaleLowerCase() === query.toLocaleLowerCase()) : found.items;
      const total = exact ? items.length : found.total;
      const shown = items.slice(0, page.limit).map((item) => ({ id: item.value, name: item.label }));
      res.set('Content-Range', `items ${page.offset}-${page.offset + Math.max(shown.length - 1, 0)}/${total}`).json(shown);
    } catch (err) {
      log.request('choices of %s/%s failed: %s', definition.name, field.path, err instanceof Error ? err.message : String(err));
      refuse(res, 503, 'The choices cannot be found now; the value is checked when the form is sent.');
    }
  };
}
