// The `{% dojo %}` tag: everything a page's <head> needs for Dojo, in this order: theme stylesheet, extra
// stylesheets, dojoConfig, dojo.js, then one require([...]) that runs the ready callbacks once the DOM is
// ready. With a form function set, the same is said with no inline script (a JSON island read by boot.js).
import { createRequire } from 'node:module';
import type nunjucks from 'nunjucks';
import { BOOT_FILE, BOOT_ISLAND_ID } from '../settings/amd-ids.js';
import { attributes, placedJson, scriptJson } from '../common/escape.js';
import type { ReadyCallback, RequestDojo } from './request-dojo.js';

function stylesheets(dojo: RequestDojo): string {
  return [...dojo.themeUrls, ...dojo.stylesheets].map((href) => `<link${attributes({ rel: 'stylesheet', href })}>`).join('\n');
}

function callbackCode(callback: ReadyCallback, modules: string[]): string {
  if (callback.kind === 'code') return `(${callback.code})();`;
  const ref = `m${modules.indexOf(callback.module)}`;
  // A form's spec was made into JSON once, with its rendering: not again for every page.
  return `${ref}[${scriptJson(callback.fn)}].apply(${ref}, [${callback.args.map(placedJson).join(',')}]);`;
}

function inlineHead(dojo: RequestDojo): string {
  const script = (body: string) => `<script${attributes({ nonce: dojo.nonce })}>${body}</script>`;
  const modules = dojo.modules;
  const params = modules.map((_, i) => `m${i}`).join(', ');
  const body = dojo.ready.map((c) => callbackCode(c, modules)).join('\n');
  return [
    stylesheets(dojo),
    script(`var dojoConfig = ${scriptJson(dojo.effectiveConfig())};`),
    `<script${attributes({ src: dojo.src, nonce: dojo.nonce })}></script>`,
    script(`require(${scriptJson([...modules, 'dojo/domReady!'])}, function (${params}) {\n${body}\n});`),
  ].join('\n');
}

function islandHead(dojo: RequestDojo): string {
  // Only module calls can be said as data; RequestDojo refuses inline code in this mode.
  const ready = dojo.ready.flatMap((c) => (c.kind === 'call' ? [{ module: c.module, fn: c.fn, args: c.args }] : []));
  const boot = { dojoConfig: dojo.effectiveConfig(), modules: dojo.modules, ready };
  return [
    stylesheets(dojo),
    `<script type="application/json" id="${BOOT_ISLAND_ID}">${scriptJson(boot)}</script>`,
    `<script${attributes({ src: dojo.clientUrl(BOOT_FILE), 'data-island': BOOT_ISLAND_ID })}></script>`,
    `<script${attributes({ src: dojo.src })}></script>`,
  ].join('\n');
}

/**
 * The HTML that `{% dojo %}` emits for one request (empty when Dojo is disabled), for any other template
 * engine. Render it after `req.dojo.form()`.
 * @example
 * const form = req.dojo.form(signup);
 * res.send(`<head>${renderHead(req.dojo)}</head><body class="${req.dojo.bodyClass}">${form.html}</body>`);
 * @public
 */
export function renderHead(dojo: RequestDojo): string {
  dojo.headRendered();
  if (!dojo.enabled) return '';
  return dojo.formFunction ? islandHead(dojo) : inlineHead(dojo);
}

interface Parser {
  nextToken(): { value: string };
  parseSignature(a: null, b: boolean): unknown;
  advanceAfterBlockEnd(name: string): void;
}
interface Nodes {
  CallExtension: new (ext: object, method: string, args: unknown) => unknown;
}

/** Nunjucks is an optional peer: loaded only by apps that use the tag (and so have it installed). */
let runtime: typeof nunjucks.runtime | null = null;
const nunjucksRuntime = () => (runtime ??= (createRequire(import.meta.url)('nunjucks') as typeof nunjucks).runtime);

/** The Nunjucks extension behind `{% dojo %}` and `{% dojo request.dojo %}`. */
class DojoTag {
  tags = ['dojo'];
  parse(parser: Parser, nodes: Nodes): unknown {
    const token = parser.nextToken();
    const args = parser.parseSignature(null, true);
    parser.advanceAfterBlockEnd(token.value);
    return new nodes.CallExtension(this, 'run', args);
  }
  run(context: { ctx: Record<string, unknown> }, given?: RequestDojo): nunjucks.runtime.SafeString {
    const dojo = given ?? (context.ctx['dojo'] as RequestDojo | undefined);
    if (!dojo || typeof dojo.effectiveConfig !== 'function') {
      throw new Error('{% dojo %} found no req.dojo: is the dojo() middleware mounted before this route?');
    }
    return new (nunjucksRuntime().SafeString)(renderHead(dojo));
  }
}

/**
 * Registers dijitize's template tag on a Nunjucks environment.
 * @example useDijitize(nunjucks.configure('templates', { express: app, autoescape: true }));
 * @public
 */
export function useDijitize(env: nunjucks.Environment): nunjucks.Environment {
  env.addExtension('DijitizeDojoTag', new DojoTag());
  return env;
}
