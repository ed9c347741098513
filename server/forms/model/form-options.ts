// What an app writes to define a form: the options of the form and of each field (public types). Each text
// may be given per locale; compile/field-texts.ts turns them into plain strings.
import type * as z from 'zod';
import type { Request } from 'express';
import type { AttrMapOverride } from './attr-map.js';
import type { CustomWidget, DijitClass } from './widgets.js';
import type { FieldAccess, FormAccess } from '../../access/index.js';
import type { JsonValue } from '../../common/escape.js';
import type { Localized } from '../../settings/locales.js';
import type { RowTexts } from './row-texts.js';

/**
 * A field's messages; `T` is what a text is: per locale (Localized) as given, one string once compiled.
 * @public
 */
export interface FieldMessages<T = Localized> {
  /** Shown when the field is empty (Dijit `missingMessage`). */
  required?: T;
  /** Shown when the value is malformed (Dijit `invalidMessage`). */
  invalid?: T;
  /** Shown when a number or date is out of bounds (Dijit `rangeMessage`). */
  range?: T;
  /** A file field's: a file larger than `.max()`, smaller than `.min()`, of a type `.mime()` does not take. */
  tooLarge?: T;
  tooSmall?: T;
  wrongType?: T;
  /** A file field's: more files than its array's `.max()`, fewer than its `.min()`. */
  tooMany?: T;
  tooFew?: T;
  /** A file field's: a file kept from an earlier POST that is no longer there (it expired). */
  lost?: T;
}

/**
 * What a server check gets besides the value: the form's other values, and the request at hand.
 * @public
 */
export interface CheckContext {
  /** The form's values as the POST gives them (coerced), by their nesting (`values.address.city`). */
  values: Readonly<Record<string, unknown>>;
  /** The request being answered: the form's POST, or a live check's. Absent when parsed without one. */
  request?: Request;
  /** The request's locale (for the message), or null. */
  locale: string | null;
  /** The roles the form was parsed for, or null. */
  roles: readonly string[] | null;
}

/**
 * A check only the server can make (is this name free, does this coupon exist): the message to show,
 * or null (or nothing) when the value is fine. Runs after the field's schema passed, at submit
 * (`form.parseAsync`) and, with JavaScript, while the user types (a live check through dojo()).
 * @public
 */
export type FieldCheck = (value: unknown, ctx: CheckContext) => string | null | undefined | Promise<string | null | undefined>;

/**
 * A check of the whole form, after every field passed: a message for the form, messages by field path,
 * or null when all is well. Runs at submit only (`form.parseAsync`).
 * @public
 */
export type FormCheck<T> = (data: T, ctx: CheckContext) => string | Record<string, string> | null | undefined | Promise<string | Record<string, string> | null | undefined>;

/**
 * A question, not a refusal (an amount ten times the usual, a date on a Sunday): the warning to show, or
 * null (or nothing) when the value looks fine. Runs after the field passed every check, at submit and,
 * with JavaScript, while the user types. A form sent with a warning comes back (200) with it and a "Send it
 * anyway" box; sent again with the box ticked and the value unchanged, it passes, and `result.warnings`
 * says what was confirmed. A warning that throws is logged and asks nothing.
 * @public
 */
export type FieldWarning = (value: unknown, ctx: CheckContext) => string | null | undefined | Promise<string | null | undefined>;

/**
 * A question about the whole form, once every field passed and confirmed its own: a warning for the
 * form, warnings by field path, or null. Runs at submit only.
 * @public
 */
export type FormWarning<T> = (data: T, ctx: CheckContext) => string | Record<string, string> | null | undefined | Promise<string | Record<string, string> | null | undefined>;

/**
 * Choices too many to put in the page (ten thousand employees, every city), found as the user types.
 * `search` gets the form's other values in `ctx.values`, so that choices may depend on them (a region
 * of the chosen country). Values and labels are text.
 * @example
 * const people: ChoiceSource = {
 *   search: async (query, { offset, limit }) => db.people.search(query, offset, limit),  // { items: [{ value, label }], total }
 *   get: async (value) => db.people.byId(value),                                         // { value, label } or null
 * };
 * @public
 */
export interface ChoiceSource {
  /** The choices whose label matches `query` (what the user typed), `limit` of them from `offset`, and how many match. */
  search(query: string, page: { offset: number; limit: number }, ctx: CheckContext): Promise<{ items: Array<{ value: string; label: string }>; total: number }>;
  /** The choice of a value, or null when it is none (a posted value is checked by it). */
  get(value: string, ctx: CheckContext): Promise<{ value: string; label: string } | null>;
}

/** Whether a field's `choices` option is a source rather than a list. */
export const isChoiceSource = (choices: unknown): choices is ChoiceSource =>
  typeof choices === 'object' && choices !== null && typeof (choices as Record<string, unknown>)['search'] === 'function' && typeof (choices as Record<string, unknown>)['get'] === 'function';

/**
 * The choices of a field: labels by value, or a list of values (or values with labels), in the order shown.
 * @public
 */
export type ChoicesOption<T = Localized> = Readonly<Record<string, T>> | ReadonlyArray<string | { value: string; label: T }>;

/**
 * Per-field options of a form (the seed's `dojo_field` arguments and more). Each text may be given per
 * locale (`{ 'en-us': 'Hours', de: 'Stunden' }`, or a function of the locale).
 * @public
 */
export interface FieldOptions<T = Localized> {
  label?: T;
  /** Help text, shown beside the field and as the widget's `promptMessage`. */
  help?: T;
  /** The Dijit class; the default depends on the field's type (docs/forms.md, "Default widgets"). */
  widget?: DijitClass | CustomWidget;
  /** Overrides rows of the mapping table for this field (the seed's `attr_map`). */
  attrMap?: AttrMapOverride;
  /** Raw Dijit properties, applied last (the seed's `dojo_attrs`). */
  props?: Record<string, JsonValue>;
  messages?: FieldMessages<T>;
  /**
   * Labels for enum values, or the choices of a string field shown as a select; or a ChoiceSource, whose
   * choices are found as the user types (a FilteringSelect querying dojo()'s choices endpoint).
   */
  choices?: ChoicesOption<T> | ChoiceSource;
  /** For a field with a ChoiceSource: the fields whose values its choices depend on (cleared when they change). */
  dependsOn?: string[];
  /** A password input (never kept in a draft). */
  password?: boolean;
  /** Never kept in the browser: a form's draft leaves it out (docs/nothing-lost.md, "Drafts"). */
  sensitive?: boolean;
  /** For a list of rows: what one row is called (default "Row"): "Item" makes "Item 2", "Remove item 2". */
  itemLabel?: T;
  /**
   * For a list of rows: its words (see RowTexts), each per locale like every text; `{Item}` is the item
   * label, `{item}` the same in lower case, `{n}` a row's place. Unset ones are English.
   * @example rowTexts: { removeRow: { 'en-us': 'Remove {item} {n}', de: '{Item} {n} entfernen' } }
   */
  rowTexts?: Partial<Record<keyof RowTexts, T>>;
  /**
   * For a list of rows without `.max()`: the most rows it takes from one POST (default DEFAULT_MAX_ROWS,
   * 50). Every row read is validated and may be re-rendered, so the bound is the bound of a POST's work.
   */
  maxRows?: number;
  placeholder?: T;
  /** Who may see and change this field (see compile/field-rules.ts); the form's rules are its default. */
  access?: FieldAccess;
  /** A check only the server can make; see FieldCheck. The form is then parsed with `parseAsync`. */
  check?: FieldCheck;
  /** A question to ask, not a refusal; see FieldWarning. The form is then parsed with `parseAsync`. */
  warn?: FieldWarning;
}

/**
 * Dotted paths of the fields of an object type (`address.street`); a list of rows and its fields (`items`, `items.qty`); a file field (`receipt`).
 * @public
 */
export type FieldPath<T> = T extends Date | Blob | readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]: NonNullable<T[K]> extends readonly (infer E)[]
          ? E extends Date | Blob ? K : E extends object ? K | `${K}.${FieldPath<E>}` : K
          : NonNullable<T[K]> extends Date | Blob
            ? K
            : NonNullable<T[K]> extends object
              ? `${K}.${FieldPath<NonNullable<T[K]>>}`
              : K;
      }[keyof T & string]
    : never;

/**
 * The options of a form (`defineForm(name, schema, options)`): ids, prefix, texts, mapping overrides, access rules, and each field's options.
 * @public
 */
export interface FormOptions<S extends z.ZodObject> {
  /** The `id` of the `<form>` and the prefix of field ids; defaults to the prefix, else the form's name. */
  id?: string;
  /**
   * Put before every posted name (`bill-street`), as Django's prefix: for several forms on one page that
   * share field names. `form.isPosted(body)` tells which one a POST came from.
   */
  prefix?: string;
  action?: string;
  method?: 'post' | 'get';
  submitLabel?: Localized;
  /** Overrides rows of the mapping table for every field of this form. */
  attrMap?: AttrMapOverride;
  /** Who may see and change the form's fields: the access list, and the default of every field. */
  access?: FormAccess;
  fields?: { [P in FieldPath<z.input<S>>]?: FieldOptions };
  /** A check of the whole form only the server can make; see FormCheck. The form is then parsed with `parseAsync`. */
  check?: FormCheck<z.output<S>>;
  /** A question about the whole form; see FormWarning. The form is then parsed with `parseAsync`. */
  warn?: FormWarning<z.output<S>>;
  /**
   * With JavaScript, leaving the page (a link, a reload, closing it) while the form holds changes not sent
   * asks first (the browser's own `beforeunload` question). On by default; `false` turns it off.
   */
  leaveGuard?: boolean;
  /**
   * With JavaScript, keep what is typed as a draft in the browser (localStorage, for this form at this
   * URL), restored with a notice if the page is closed before the form is sent; `days` it lasts (7).
   * Passwords, files and fields marked `sensitive` are never kept.
   */
  draft?: boolean | { days?: number };
  /**
   * A POST made from a page of an earlier definition of this form (an older release, during a deploy): its
   * body by posted name, and the fingerprint that page carried. Return the body this definition reads,
   * e.g. with a renamed field's value under its new name. Fields added since come back to be filled in
   * either way; fields removed since are ignored (docs/build-and-deploy.md, "Deploy with open pages").
   */
  migrate?: FormMigration;
}

/**
 * A form's `migrate` option: an earlier definition's posted body, made this one's.
 * @example migrate: (body) => ({ ...body, fullName: body['fullName'] ?? body['name'] })
 * @public
 */
export type FormMigration = (body: Readonly<Record<string, unknown>>, fromFingerprint: string) => Record<string, unknown>;
