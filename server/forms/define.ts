// `defineForm`: a zod object schema plus per-field options becomes a form definition, compiled at once
// (compile/compile-form.ts), registered for `dijitize build`, and able to parse what its form posts.
import type * as z from 'zod';
import { compileForm } from './compile/compile-form.js';
import { FORM_FIELD } from './model/posted-names.js';
import type { CompiledForm } from './model/compiled-form.js';
import type { FormOptions, FieldOptions } from './model/form-options.js';
import { FormDefinitionError } from '../common/errors.js';
import { textsArePlain } from './compile/field-texts.js';
import { rawValuesOf } from './request/initial-values.js';
import { parseForm, parseFormAsync, typedState } from './request/parse-form.js';
import { editChanges, sourceValuesToRead } from './request/edit-changes.js';
import { guardedCheck } from './request/server-checks.js';
import { formForRoles } from './request/role-view.js';
import type { Request } from 'express';
import type { FieldChange, FormState, ParseResult } from './model/form-state.js';
import { BoundedCache } from '../common/bounded-cache.js';
import { LOCALE } from '../settings/locales.js';
import { ourLanguage } from '../words/our-words.js';
import { log } from '../common/log.js';

/** Locales a form keeps compiled: far more than an app has, far fewer than requests could name. */
const KEPT_LOCALES = 32;

/**
 * How a POST is parsed: whose it is (for access rules) and in which locale its messages are.
 * @public
 */
export interface ParseOptions<S extends z.ZodObject> {
  roles?: readonly string[];
  /** The record being edited: what the fields the roles may not change keep. */
  current?: Partial<z.input<S>>;
  /** The locale of the messages (the field's own, Dijit's "required", zod's), and of the form's texts. */
  locale?: string;
  /** Where a text without a translation comes from; default: `locale`. */
  defaultLocale?: string;
  /**
   * The record as it was, as the edit form showed it (`form.initial(saved)`): a passing result's `changes`
   * then says each field the POST changes. `req.dojo.parse` with a `version` gives it by itself.
   */
  changesFrom?: Partial<Pick<FormState, 'values' | 'rows'>>;
}

/**
 * A defined form: its schema, its compiled fields (cached, per locale of its texts), and server-side parsing.
 * @public
 */
export class FormDefinition<S extends z.ZodObject = z.ZodObject> {
  readonly compiled: CompiledForm;
  readonly #byLocale = new BoundedCache<string, { compiled: CompiledForm; missing: string[] }>(KEPT_LOCALES);
  /** Every text is one string: one compilation serves every locale of a language of our words. */
  readonly #plain: boolean;
  constructor(
    readonly name: string,
    readonly schema: S,
    readonly options: FormOptions<S> = {},
  ) {
    this.compiled = compileForm(name, schema, options);
    this.#plain = textsArePlain((options.fields ?? {}) as Record<string, FieldOptions | undefined>, [options.submitLabel]);
  }

  #inLocale(locale: string, defaultLocale: string): { compiled: CompiledForm; missing: string[] } {
    // Plain texts are the same in every locale: one compilation per language of our own words.
    if (this.#plain && ourLanguage(locale) === 'en') return { compiled: this.compiled, missing: [] };
    // Checked before anything is kept: a locale passed through from a request is not a key until it is one.
    for (const l of [locale, defaultLocale]) {
      if (!LOCALE.test(l)) throw new TypeError(`${JSON.stringify(l.slice(0, 40))} is not a locale (Dojo's lower-case names, such as "de" or "en-us")`);
    }
    const key = this.#plain ? ourLanguage(locale) : `${locale} ${defaultLocale}`;
    let found = this.#byLocale.get(key);
    if (!found) {
      const missing: string[] = [];
      const compiled = compileForm(this.name, this.schema, this.options, { locale, defaultLocale, missing: (where) => missing.push(where) });
      log.forms('form "%s" compiled for %s (%d texts fell back)', this.name, locale, missing.length);
      this.#byLocale.set(key, (found = { compiled, missing }));
    }
    return found;
  }

  /** The form with its texts in `locale` (a missing translation: `defaultLocale`'s), compiled once per locale. */
  compiledFor(locale: string, defaultLocale: string): CompiledForm {
    return this.#inLocale(locale, defaultLocale).compiled;
  }

  /** The texts with no translation in `locale` (`hours: label`), which show `defaultLocale`'s. */
  missingTexts(locale: string, defaultLocale: string): string[] {
    return this.#inLocale(locale, defaultLocale).missing;
  }

  /**
   * Coerces a POSTed body (urlencoded, flat dotted names) and validates it with the schema. A form with
   * access rules needs `access`: the fields the roles may not change keep the values of `access.current`
   * (the record being edited), whatever the body says, and `result.ignored` names those it tried to
   * change; roles that may see nothing of the form get AccessDeniedError (a 403).
   * @example const result = form.parse(req.body); if (result.ok) save(result.data);
   * @example const result = timecard.parse(req.body, { roles: user.roles, current: card, locale: req.dojo.locale });
   */
  parse(body: unknown, options: ParseOptions<S> = {}): ParseResult<z.output<S>> {
    if (this.hasServerChecks) throw new TypeError(`form "${this.name}" has server checks (check options, or choices from a source): parse it with await form.parseAsync(body, ...)`);
    return told(this, this.#withChanges(parseForm(this.schema, this.#compiledAt(options), body, options), options));
  }

  /**
   * `parse` with zod's async refinements and the server checks (each field's `check`, then the form's),
   * given the request at hand. A form with checks must be parsed so.
   * @example const result = await register.parseAsync(req.body, { request: req, locale: req.dojo.locale });
   */
  parseAsync(body: unknown, options: ParseOptions<S> & { request?: Request; only?: string } = {}): Promise<ParseResult<z.output<S>>> {
    return parseFormAsync(this.schema, this.#compiledAt(options), body, options, this.options.check, this.options.warn).then(async (result) => {
      if (!result.ok || !options.changesFrom) return told(this, result);
      return told(this, { ...result, changes: await this.changes(options.changesFrom, result.state, options) });
    });
  }

  /** A passing edit's result with what it changes (`parse`: a form without sources, so no label to look up). */
  #withChanges<R extends ParseResult<z.output<S>>>(result: R, options: ParseOptions<S>): R {
    if (!result.ok || !options.changesFrom) return result;
    return { ...result, changes: editChanges(...this.#changeSides(options.changesFrom, result.state, options)) };
  }

  #changeSides(before: Partial<Pick<FormState, 'values' | 'rows'>>, after: Partial<Pick<FormState, 'values' | 'rows'>>, options: Pick<ParseOptions<S>, 'locale' | 'defaultLocale' | 'roles'>) {
    const view = formForRoles(this.#compiledAt(options), options.roles ?? null);
    return [view, { values: before.values ?? {}, rows: before.rows ?? {} }, { values: after.values ?? {}, rows: after.rows ?? {} }] as const;
  }

  /**
   * What changed from one state of a record to another (each `form.initial(record)`, or a result's
   * state), said in `locale`: of the fields `roles` may see; a field whose choices come from a source by
   * its choices' labels (`source.get`; one it cannot find reads as its value). A history kept as the
   * records' states reads in each reader's language so.
   * @example const lines = await card.changes(card.initial(before), card.initial(after), { locale: req.dojo.locale });
   */
  async changes(
    before: Partial<Pick<FormState, 'values' | 'rows'>>,
    after: Partial<Pick<FormState, 'values' | 'rows'>>,
    options: Pick<ParseOptions<S>, 'locale' | 'defaultLocale' | 'roles'> & { request?: Request } = {},
  ): Promise<FieldChange[]> {
    const [view, was, now] = this.#changeSides(before, after, options);
    const ctx = { values: {}, locale: options.locale ?? null, roles: options.roles ?? null, ...(options.request ? { request: options.request } : {}) };
    const labels: Record<string, Record<string, string>> = {};
    await Promise.all(
      sourceValuesToRead(view, was, now).map(async ({ field, value }) => {
        const found = await guardedCheck(`the choices of ${field.path}`, () => field.source?.get(value, ctx), null);
        if (found) (labels[field.path] ??= {})[value] = found.label;
      }),
    );
    return editChanges(view, was, now, labels);
  }

  /**
   * What a POST holds, as typed and unchecked: the state that shows it again. A wizard's Back keeps a
   * step so; the values are cut as a refused POST's are, and hold only what the roles may see.
   * @example const kept = form.typed(req.body); res.render('form.html', { form: req.dojo.form(form, kept) });
   */
  typed(body: unknown, options: Pick<ParseOptions<S>, 'roles'> = {}): Pick<FormState, 'values'> & { rows: Record<string, number> } {
    return typedState(this.compiled, body, options);
  }

  /** Whether the form has checks only the server can make (or warnings, or choices from a source): then only `parseAsync` parses it. */
  get hasServerChecks(): boolean {
    return Boolean(this.options.check || this.options.warn) || this.compiled.asksServer;
  }

  #compiledAt({ locale, defaultLocale }: ParseOptions<S>): CompiledForm {
    return locale ? this.compiledFor(locale, defaultLocale ?? locale) : this.compiled;
  }

  /**
   * Whether a POST came from this form: for pages with several forms (give each a `prefix`).
   * @example if (billing.isPosted(req.body)) result = billing.parse(req.body);
   */
  isPosted(body: unknown): boolean {
    const sent = body && typeof body === 'object' ? (body as Record<string, unknown>)[FORM_FIELD] : undefined;
    return sent === (this.compiled.prefix ?? undefined);
  }

  /**
   * The state that shows existing data in the form (for edit pages). With `version` (the record's version
   * now: a counter, a timestamp, an etag), the page carries it sealed with what it shows, and a POST parsed
   * with the record's version then tells an edit made meanwhile (docs/nothing-lost.md, "Edit conflicts").
   * @example res.render('edit.html', { form: req.dojo.form(profile, profile.initial(user)) });
   * @example res.render('edit.html', { form: req.dojo.form(card, card.initial(saved, { version: saved.version })) });
   */
  initial(data: Partial<z.input<S>>, options: { version?: string | number } = {}): Partial<FormState> {
    const { values, rows } = rawValuesOf(this.compiled.fields, data, this.compiled.lists);
    const edit = options.version === undefined ? {} : { edit: { version: String(options.version), values, rows } };
    return this.compiled.lists.length ? { values, rows, ...edit } : { values, ...edit };
  }
}

/** Who hears of every parse (the inspector's log of recent results); none unless it is on. */
export const parseListeners = new Set<(form: FormDefinition, result: ParseResult<unknown>) => void>();

function told<R extends ParseResult<unknown>>(form: FormDefinition<z.ZodObject>, result: R): R {
  for (const listener of parseListeners) listener(form as FormDefinition, result);
  return result;
}

/**
 * The forms defined so far, by name: `dijitize build` reads this to know which modules to bundle. It
 * lives on globalThis so that the app and the CLI share it even through two copies of this package.
 */
export const formRegistry: Map<string, FormDefinition> = ((globalThis as Record<symbol, unknown>)[Symbol.for('dijitize.forms')] ??=
  new Map<string, FormDefinition>()) as Map<string, FormDefinition>;

/**
 * Defines a form. Throws FormDefinitionError naming the form and field when the definition is wrong.
 * @example
 * const register = defineForm('register', z.object({ username: z.string().min(2) }), {
 *   fields: { username: { label: 'Username', messages: { invalid: 'Letters only' } } },
 * });
 * @public
 */
export function defineForm<S extends z.ZodObject>(name: string, schema: S, options: FormOptions<S> = {}): FormDefinition<S> {
  const existing = formRegistry.get(name);
  if (existing && existing.schema !== schema) throw new FormDefinitionError(name, null, 'a different form with this name is already defined');
  const form = new FormDefinition(name, schema, options);
  formRegistry.set(name, form as unknown as FormDefinition);
  return form;
}

/**
 * The texts of the defined forms with no translation in some of `locales`, one line a form and locale
 * (`form "timecard", de: hours: label, notes: help`): said at start-up, so that none is found by users.
 */
export function missingTranslations(locales: readonly string[], defaultLocale: string): string[] {
  const lines: string[] = [];
  for (const form of formRegistry.values()) {
    for (const locale of locales) {
      if (locale === defaultLocale) continue;
      const missing = form.missingTexts(locale, defaultLocale);
      if (missing.length) lines.push(`form "${form.name}", ${locale}: ${missing.join(', ')}`);
    }
  }
  return lines;
}
