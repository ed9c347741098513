// The per-request `req.dojo`: what one page will ask of Dojo. Made fresh for every request from the
// resolved settings, so that nothing a handler changes can leak into the next request.
import type * as z from 'zod';
import type { Request } from 'express';
import { CLIENT_MODULES, PACKAGE_NAME, REQUIRE_ID, specIslandId } from '../settings/amd-ids.js';
import { endpointsConfig } from './endpoint-field.js';
import { RESUMABLE_PATH } from './resumable-uploads.js';
import { CSRF_FIELD, SUBMISSION_FIELD, VERSION_FIELD } from '../forms/model/posted-names.js';
import { prepareEdit, sealEdit, withEdit } from './nothing-lost/edit-versions.js';
import { newSubmissionId, releaseSubmission } from './nothing-lost/submitted-once.js';
import { assertInlineScript, ScriptJson, type JsonValue } from '../common/escape.js';
import { directionOf, htmlLang } from '../settings/locales.js';
import { packageFolder, TUS_PACKAGE } from '../settings/package-folders.js';
import type { DojoConfig, ModuleFunction, ResolvedSettings } from '../settings/settings.js';
import { THEMES, type Theme } from '../settings/themes.js';
import type { Release } from '../serve/release-source.js';
import { formForRoles } from '../forms/request/role-view.js';
import { render, renderedForm, withLook, type FormLook, type RenderedForm } from '../forms/render/render.js';
import type { FormDefinition } from '../forms/define.js';
import type { EditedRecord, FormState, ParseResult } from '../forms/model/form-state.js';

/**
 * A ready callback: inline JavaScript (a function expression), or a call of a client module's function.
 * @public
 */
export type ReadyCallback =
  | { kind: 'code'; code: string }
  | { kind: 'call'; module: string; fn: string; args: Array<JsonValue | ScriptJson> };

/**
 * What a handler may pass to `onReady`/`prependReady`.
 * @public
 */
export type ReadyInput = string | (ModuleFunction & { args?: JsonValue[] });

/** Where the page's Dojo files come from: the source packages, or one built release. */
export interface DojoSources {
  /** URL of dojo.js. */
  src: string;
  /** The dojoConfig keys that locate packages (baseUrl, packages) for this source. */
  locate: Pick<DojoConfig, 'packages'> & { baseUrl?: string };
  /** URL of a theme's stylesheet. */
  themeUrl(theme: Theme): string;
  /** URL of a file of the dijitize client package (boot.js). */
  clientUrl(file: string): string;
  release: Release | null;
}

/**
 * How a POST is parsed besides its body: the record it edits (`current`, for the fields the roles may not
 * change), and that record's version now (edit conflicts).
 * @public
 */
export interface EditOptions<S extends z.ZodObject> {
  current?: Partial<z.input<S>>;
  version?: string | number;
}

/**
 * The Dojo set-up of one request. Read by the `{% dojo %}` tag; changed by handlers.
 * @example req.dojo.theme = 'tundra'; req.dojo.require('dijit/form/Button');
 * @public
 */
export class RequestDojo {
  /** The settings' dojoConfig, never changed: `config` copies it for a request that changes its own. */
  readonly #settingsConfig: DojoConfig;
  #config: DojoConfig | null = null;
  #locale: string;
  /** The request this is for (set by dojo()); server checks get it. */
  request: Request | null = null;
  /** Stylesheets added after the theme, in order. */
  readonly stylesheets: string[] = [];
  /** Modules required on the page, in order, without duplicates. */
  readonly modules: string[] = [];
  /** Ready callbacks, run in order after the DOM is ready and the modules are loaded. */
  readonly ready: ReadyCallback[] = [];
  /** When set, forms are started by this function of a client module, and the page has no inline script. */
  formFunction: ModuleFunction | null;
  /** A CSP nonce to put on inline scripts (inline mode). */
  nonce: string | null = null;
  /** Makes this request's CSRF token (set by the middleware when CSRF protection is on). */
  csrfToken: (() => string) | null = null;
  /**
   * The roles of this request's user, for forms with access rules (set it where the app knows who is
   * logged in). Null: no one said, and such a form refuses to render rather than guess.
   */
  roles: string[] | null = null;
  /** False turns off everything the head tag would emit. */
  enabled: boolean;
  #theme: Theme;
  readonly #locales: readonly string[];
  readonly #defaultLocale: string;
  readonly #sources: DojoSources;
  #headRendered = false;
  readonly #prefix: string;
  /** Whether a form of the page asks dijitize's endpoints (live checks, choices): its dojoConfig then says where. */
  #asksServer = false;
  /** Whether each form carries a one-time submission id (the submissions setting). */
  readonly #submissionIds: boolean;
  /** Where a form's files go in chunks (uploads.resumable), and whether they are scanned; null: one request a file. */
  readonly #resumable: { url: string; scan: boolean } | null;
  /** Whether a form of the page takes files: its dojoConfig then says where they go. */
  #takesFiles = false;

  constructor(settings: ResolvedSettings, sources: DojoSources) {
    this.#settingsConfig = settings.dojoConfig;
    this.#locale = settings.dojoConfig.locale;
    this.formFunction = settings.formFunction ? { ...settings.formFunction } : null;
    this.enabled = settings.enabled;
    this.#theme = settings.theme;
    this.#locales = settings.locales;
    this.#defaultLocale = settings.dojoConfig.locale;
    this.#sources = sources;
    this.#prefix = settings.prefix;
    this.#submissionIds = settings.submissions !== false;
    this.#resumable = settings.uploads && settings.uploads.resumable ? { url: `${settings.prefix}${RESUMABLE_PATH}`, scan: settings.uploads.scan !== undefined } : null;
  }

  /**
   * This request's locale: one of the `locales` setting, negotiated from Accept-Language by the
   * middleware; a handler may set it (`req.dojo.locale = 'de'`). It is `dojoConfig.locale` on the page.
   */
  get locale(): string {
    return this.#config?.locale ?? this.#locale;
  }

  set locale(value: string) {
    if (!this.#locales.includes(value)) {
      throw new TypeError(`req.dojo.locale must be one of the locales setting (${this.#locales.join(', ')}); got ${JSON.stringify(value)}`);
    }
    this.#locale = value;
    if (this.#config) this.#config.locale = value;
  }

  /**
   * Per-request copy of dojoConfig: change it freely, the next request starts from the settings again.
   * Made on first use: most requests (a POST that redirects, a page that changes nothing) never need one.
   */
  get config(): DojoConfig {
    return (this.#config ??= { ...structuredClone(this.#settingsConfig), locale: this.#locale });
  }

  /** The app's default locale (the dojoConfig.locale setting): where a text without a translation comes from. */
  get defaultLocale(): string {
    return this.#defaultLocale;
  }

  /** The locale as `<html lang>` says it (`en-US`). */
  get lang(): string {
    return htmlLang(this.locale);
  }

  /** `rtl` for a right-to-left locale (`<html dir>`; Dijit mirrors its widgets), else `ltr`. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.locale);
  }

  /** URL of dojo.js (read-only). */
  get src(): string {
    return this.#sources.src;
  }

  /** The built release this page uses, or null in source mode. */
  get release(): Release | null {
    return this.#sources.release;
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(value: Theme) {
    if (!(THEMES as readonly string[]).includes(value)) {
      throw new TypeError(`req.dojo.theme must be one of ${THEMES.join(', ')}; got ${JSON.stringify(value)}`);
    }
    // Its stylesheet would 404 on every page: say so where the mistake is, as the setting does at start-up.
    if (value === 'flat') {
      try {
        packageFolder('dojo-themes');
      } catch (err) {
        throw new TypeError(`req.dojo.theme = 'flat': ${(err as Error).message}`);
      }
    }
    this.#theme = value;
  }

  /** The class to put on `<body>` so that the theme applies (empty when disabled). */
  get bodyClass(): string {
    return this.enabled ? this.#theme : '';
  }

  /** URL of the current theme's stylesheet. */
  get themeUrl(): string {
    return this.#sources.themeUrl(this.#theme);
  }

  /** The theme's stylesheets: its own, then its right-to-left one on a right-to-left page. */
  get themeUrls(): string[] {
    return this.dir === 'rtl' ? [this.themeUrl, this.themeUrl.replace(/\.css$/, '_rtl.css')] : [this.themeUrl];
  }

  /** URL of a file of the dijitize client package. */
  clientUrl(file: string): string {
    return this.#sources.clientUrl(file);
  }

  /** True when the page runs under a Content-Security-Policy: no inline script, or a nonce. */
  get underCsp(): boolean {
    return this.formFunction !== null || this.nonce !== null;
  }

  /** The dojoConfig to emit: this request's config plus where packages live. */
  effectiveConfig(): DojoConfig & { baseUrl?: string } {
    const { locate } = this.#sources;
    // The settings' own object when the request changed nothing: read here, never changed.
    const current = this.#config ?? { ...this.#settingsConfig, locale: this.#locale };
    const own = current.packages.filter((p) => !locate.packages.some((l) => l.name === p.name));
    // tus-js-client only where a page takes files (a form's modules name it): other pages do not name it.
    const resumable = this.#takesFiles && this.#resumable !== null;
    const located = this.#takesFiles ? locate.packages : locate.packages.filter((p) => p.name !== TUS_PACKAGE);
    const config: DojoConfig & { baseUrl?: string; has?: Record<string, unknown> } = {
      ...current,
      ...(locate.baseUrl ? { baseUrl: locate.baseUrl } : {}),
      packages: [...located, ...own],
      ...(this.#asksServer ? { dijitizeEndpoints: endpointsConfig(this.#prefix) } : {}),
      ...(resumable ? { dijitizeUploads: this.#resumable } : {}),
    };
    // Under a CSP, Dojo must not eval: its "csp-restrictions" feature takes the eval-free paths.
    if (this.underCsp) config.has = { ...(config['has'] as Record<string, unknown> | undefined), 'csp-restrictions': true };
    return config;
  }

  /** Maps a package name to a URL (the seed's set_module_path), replacing an earlier mapping. */
  setPackage(name: string, location: string, main?: string): this {
    if (!PACKAGE_NAME.test(name)) throw new TypeError(`Package name ${JSON.stringify(name)} must not contain slashes`);
    const pkg = main ? { name, location, main } : { name, location };
    const at = this.config.packages.findIndex((p) => p.name === name);
    if (at >= 0) this.config.packages[at] = pkg;
    else this.config.packages.push(pkg);
    return this;
  }

  /** Adds a stylesheet after the theme's (once). */
  addStylesheet(url: string): this {
    if (!this.stylesheets.includes(url)) this.stylesheets.push(url);
    return this;
  }

  /**
   * Called by `renderHead`: the head now holds this page's modules and ready calls, so adding any later
   * is an error that says what to do, never a widget silently left out.
   */
  headRendered(): void {
    this.#headRendered = true;
  }

  #assertHeadOpen(method: string): void {
    if (!this.#headRendered) return;
    throw new Error(
      `req.dojo.${method}() was called after the page's head was rendered ({% dojo %} or renderHead()), so the page would never load what it adds. ` +
        'Call req.dojo.form(), require() and onReady() first (in the route handler), then render the head: e.g. const form = req.dojo.form(def); then put renderHead(req.dojo) and form.html in the page.',
    );
  }

  /** Requires an AMD module on this page (once). */
  require(moduleId: string): this {
    this.#assertHeadOpen('require');
    if (!REQUIRE_ID.test(moduleId)) throw new TypeError(`${JSON.stringify(moduleId)} is not an AMD module id`);
    if (!this.modules.includes(moduleId)) this.modules.push(moduleId);
    return this;
  }

  /** Runs a callback when the page is ready, after those already added. */
  onReady(callback: ReadyInput): this {
    this.#assertHeadOpen('onReady');
    this.ready.push(this.#toCallback(callback, 'onReady'));
    return this;
  }

  /** Runs a callback when the page is ready, before those already added. */
  prependReady(callback: ReadyInput): this {
    this.#assertHeadOpen('prependReady');
    this.ready.unshift(this.#toCallback(callback, 'prependReady'));
    return this;
  }

  /**
   * Renders a form for this page and adds what turns it into widgets (the seed's `dojo_form`): its
   * modules, and a ready call of the client's `forms.build` with its spec (inline mode), or of the form
   * function with the id of a JSON island that holds the spec. With access rules, only what
   * `roles` may see is rendered; a form they may see nothing of throws AccessDeniedError (a 403).
   * `look` changes its submit label or action for this page (a wizard's Next).
   * @example res.render('register.html', { form: req.dojo.form(register, result.state) });
   */
  form(definition: FormDefinition, state: Partial<FormState> = {}, look: FormLook = {}): RenderedForm {
    this.#assertHeadOpen('form');
    const compiled = withLook(definition.compiledFor(this.locale, this.#defaultLocale), look);
    if (compiled.asksServer) this.#asksServer = true;
    if (compiled.uploads.length) this.#takesFiles = true;
    const hidden: Record<string, string> = this.csrfToken ? { [CSRF_FIELD]: this.csrfToken() } : {};
    if (this.#submissionIds && compiled.method === 'post' && this.request) hidden[SUBMISSION_FIELD] = newSubmissionId(this.request, definition.name);
    if (state.edit) hidden[VERSION_FIELD] = sealEdit(this.request, definition.name, state.edit);
    const rendering = render(formForRoles(compiled, this.roles), state, hidden);
    const errorTitle = compiled.words.form.errorTitle;
    if (!this.enabled) return renderedForm(rendering, rendering.html, errorTitle);
    for (const mid of rendering.modules) this.require(mid);
    if (!this.formFunction) {
      // The spec goes in as the JSON its rendering made (once per state; a blank form's once per definition).
      this.ready.push(this.#call(CLIENT_MODULES.forms, 'build', [new ScriptJson(rendering.specJson)]));
      return renderedForm(rendering, rendering.html, errorTitle);
    }
    const island = specIslandId(rendering.id);
    this.onReady({ ...this.formFunction, args: [island] });
    return renderedForm(rendering, `${rendering.html}\n<script type="application/json" id="${island}">${rendering.specJson}</script>`, errorTitle);
  }

  /**
   * Parses a POST of `definition` as this request has it: its roles, and its locale for the messages.
   * With `version` (the record's version now; the form was shown with `initial(record, { version })`), an
   * edit sent after the record changed is merged with the saved one, or comes back with its conflicts; a
   * passing edit's `result.changes` says each field it changes.
   * @example const result = req.dojo.parse(timecard, req.body, { current: card });
   * @example const result = req.dojo.parse(card, req.body, { current: saved, version: saved.version });
   */
  parse<S extends z.ZodObject>(definition: FormDefinition<S>, body: unknown, options: EditOptions<S> = {}): ParseResult<z.output<S>> {
    const { version, ...rest } = options;
    // An edit's result says what it changes of the record as it was (saved meanwhile: as it is now).
    const parse = (sent: unknown, changesFrom?: EditedRecord) => definition.parse(sent, { ...this.#parseOptions(rest), ...(changesFrom ? { changesFrom } : {}) });
    if (version === undefined) return this.#settled(parse(body));
    const prepared = this.#prepareEdit(definition, body, rest.current, version);
    return this.#settled('done' in prepared ? prepared.done : withEdit(parse(prepared.body, prepared.edit), prepared.edit, prepared.merged));
  }

  /**
   * `parse` with zod's async refinements and the forms' server checks, given this request.
   * @example const result = await req.dojo.parseAsync(register, req.body);
   */
  async parseAsync<S extends z.ZodObject>(definition: FormDefinition<S>, body: unknown, options: EditOptions<S> = {}): Promise<ParseResult<z.output<S>>> {
    const { version, ...rest } = options;
    const parse = (sent: unknown, changesFrom?: EditedRecord) =>
      definition.parseAsync(sent, { ...this.#parseOptions(rest), ...(this.request ? { request: this.request } : {}), ...(changesFrom ? { changesFrom } : {}) });
    if (version === undefined) return this.#settled(await parse(body));
    const prepared = this.#prepareEdit(definition, body, rest.current, version);
    return this.#settled('done' in prepared ? prepared.done : withEdit(await parse(prepared.body, prepared.edit), prepared.edit, prepared.merged));
  }

  #parseOptions<S extends z.ZodObject>(options: { current?: Partial<z.input<S>> }) {
    return { ...options, ...(this.roles ? { roles: this.roles } : {}), locale: this.locale, defaultLocale: this.#defaultLocale };
  }

  #prepareEdit<S extends z.ZodObject>(definition: FormDefinition<S>, body: unknown, current: Partial<z.input<S>> | undefined, version: string | number) {
    return prepareEdit(this.request, definition as unknown as FormDefinition, body, { roles: this.roles, current, version, compiled: definition.compiledFor(this.locale, this.#defaultLocale) });
  }

  /** A refused POST (or a button's) is no submission: its id is given back, so that the form can be sent once fixed. */
  #settled<T>(result: ParseResult<T>): ParseResult<T> {
    if (!result.ok) releaseSubmission(this.request);
    return result;
  }

  #toCallback(input: ReadyInput, method: string): ReadyCallback {
    if (typeof input === 'string') {
      if (this.formFunction) {
        throw new Error(
          `req.dojo.${method}(code): inline code cannot run when a form function is set (pages carry no inline script); pass { module, fn, args } instead`,
        );
      }
      return { kind: 'code', code: assertInlineScript(input, `req.dojo.${method}() code`) };
    }
    return this.#call(input.module, input.fn, input.args ?? []);
  }

  /** A ready call of a module's function, the module required on the page. */
  #call(module: string, fn: string, args: Array<JsonValue | ScriptJson>): ReadyCallback {
    this.require(module);
    return { kind: 'call', module, fn, args };
  }
}
