// A form as compilation leaves it, once per definition: its fields, lists of rows and sections, each with
// all that rendering and parsing need. Per request only values and errors change (form-state.ts).
import type { OurWords } from '../../words/our-words.js';
import type { Acl, FieldAccess } from '../../access/index.js';
import type { DijitClass, Markup } from './widgets.js';
import type { FieldKind, SchemaFacts, UploadFacts } from './schema-facts.js';
import type { ChoiceSource, FieldCheck, FieldMessages, FieldWarning, FormMigration } from './form-options.js';
import type { JsonValue } from '../../common/escape.js';
import type { RowTexts } from './row-texts.js';

export interface Choice {
  value: string;
  label: string;
}

/** One field, ready to render and to start. */
export interface CompiledField {
  /** Where the value goes in the data (`address.street`, `items.2.qty`); state is keyed by it. */
  path: string;
  /** The name the control posts: the path, behind the form's prefix (`bill-address.street`). */
  name: string;
  id: string;
  label: string;
  help?: string;
  kind: FieldKind;
  facts: SchemaFacts;
  /** The module to require: a Dijit class or the user's own. */
  module: string;
  /** The known class that decides markup and value handling. */
  widget: DijitClass;
  /** Why this widget: the rule of the default, or the widget option (the inspector shows it). */
  widgetWhy: string;
  /** Where each of `props` came from: the fact of the mapping table (`maxLength`), or an option. */
  propSources: Record<string, string>;
  markup: Markup;
  inputType: string;
  /** Dijit properties that do not change per request (no value, no error). */
  props: Record<string, JsonValue>;
  /** HTML constraint attributes, so the form validates with JavaScript off too. */
  native: Record<string, string | number | boolean | undefined>;
  /**
   * The longest text of it that a refused POST shows again: twice what the field could hold, plus a margin
   * (so a value a little too long is shown as typed, and refused); text without a bound in full. A request
   * cannot make the page echo more than its fields could hold (SECURITY.md).
   */
  echoLimit: number;
  choices: Choice[];
  /** The choices as [value, label] pairs, for a widget that takes them as a store (see WidgetInstance). */
  storeChoices?: Array<[string, string]>;
  messages: FieldMessages<string>;
  placeholder?: string;
  /** The grants to see and to change the field (none: everyone may). */
  access: FieldAccess;
  /** Set in the view of roles that may see the field but not change it (request/role-view.ts). */
  readOnly?: boolean;
  /** A check only the server can make (the field's `check` option). */
  check?: FieldCheck;
  /** A question to ask, not a refusal (the field's `warn` option), and the words its warning is shown with. */
  warn?: FieldWarning;
  warnWords?: { warning: string; sendAnyway: string };
  /** Where its choices come from when they are too many for the page (the `choices` option, a ChoiceSource). */
  source?: ChoiceSource;
  /** Never kept in the browser (a password, or the `sensitive` option): a draft leaves it out. */
  sensitive?: boolean;
  /** The posted names of the fields its source's choices depend on. */
  dependsOn?: string[];
  /** With choices: what a screen reader hears of the blank one a Select shows, in the form's language. */
  noChoice?: string;
  /** With `dependsOn`: the button that asks for the choices without JavaScript, its text and its name. */
  choicesButton?: { text: string; label: string };
}

/**
 * A list of rows, compiled once: its count bounds, labels, and the fields of a row, whose paths, names
 * and ids hold ROW (`$row`) for the row's index (shown-parts.ts makes them concrete per request).
 */
export interface CompiledList {
  path: string;
  name: string;
  id: string;
  label: string;
  /** What one row is called: "Item" makes "Item 2", "Remove item 2". */
  itemLabel: string;
  /** The names of its rows and their buttons (rowTexts of the item label). */
  texts: RowTexts;
  help?: string;
  min: number;
  /** The schema's `.max()`, else the list's `maxRows` option, else DEFAULT_MAX_ROWS: a list is always bounded. */
  max: number;
  /** `required` is said for too few rows, `invalid` for too many. */
  messages: FieldMessages<string>;
  rowFields: CompiledField[];
}

/** Sections chosen by a discriminator, compiled once: the discriminator's field, and each branch's fields. */
export interface CompiledUnion {
  path: string;
  id: string;
  label: string;
  discriminator: CompiledField;
  branches: Array<{ value: string; label: string; fields: CompiledField[] }>;
  /** The button that shows the chosen section without JavaScript, in the form's language. */
  switchText: string;
}

/** The messages of a file field, each said by the server and by the browser's check before sending. */
export interface UploadMessages {
  required: string;
  tooLarge: string;
  tooSmall: string;
  wrongType: string;
  tooMany: string;
  tooFew: string;
  /** A kept file that is no longer there (swept, expired, or its token not ours). */
  lost: string;
}

/** A file field, compiled once: what its files may be, how many, and what it says when they are not. */
export interface CompiledUpload {
  path: string;
  name: string;
  id: string;
  label: string;
  help?: string;
  facts: UploadFacts;
  /** The input's `accept`: the types a file may be, comma-separated; '' for any. */
  accept: string;
  messages: UploadMessages;
  /** What the page and the client say of its files, in the form's language (`{file}`, `{field}` filled where said). */
  texts: Pick<OurWords['uploads'], 'kept' | 'remove' | 'replace' | 'add' | 'uploading' | 'cancel' | 'failed' | 'waiting' | 'dontSend' | 'scanning' | 'offline'>;
}

/** What a form shows, in order: a field, a file field, a list of rows, or sections chosen by a discriminator. */
export type FormPart = { field: CompiledField } | { upload: CompiledUpload } | { list: CompiledList } | { union: CompiledUnion };

/** The form, compiled once: fields in order, and every module its widgets need. */
export interface CompiledForm {
  name: string;
  id: string;
  action: string;
  method: 'post' | 'get';
  submitLabel: string;
  /** The locale of its texts; null: each text's own default. */
  locale: string | null;
  /** dijitize's own words in that locale's language (English for null). */
  words: OurWords;
  parts: FormPart[];
  /** Every field, a list's row fields as they are compiled (with `$row`). */
  fields: CompiledField[];
  lists: CompiledList[];
  unions: CompiledUnion[];
  uploads: CompiledUpload[];
  /** Whether a field asks the server while the user works (a server check, or choices from a source). */
  asksServer: boolean;
  modules: string[];
  /** The prefix of its posted names, or null. */
  prefix: string | null;
  /** The access list of the form's rules; null when every role may see and change everything. */
  acl: Acl | null;
  /** Whether the browser keeps a draft (the `draft` option): for how many days, and the names it never keeps. */
  draft: { days: number; skip: string[] } | null;
  /** A short hash of what its POST means (model/fingerprint.ts): a page of another definition posts another. */
  fingerprint: string;
  /** The `migrate` option: a POST of another definition's body, made this definition's. */
  migrate: FormMigration | null;
  /** Whether leaving the page with changes not sent asks first (JavaScript on; the `leaveGuard` option). */
  leaveGuard: boolean;
}

/** How long a draft lasts in the browser unless the form's `draft` option says. */
export const DRAFT_DAYS = 7;

/**
 * Modules every form needs besides its widgets' classes: dijitize's form controller (dijit/form/Form's
 * behaviour on the server's <form> as it stands: client/dijitize/Form.js) and the submit button.
 */
export const FORM_MODULES = ['dijitize/Form', 'dijit/form/Button'] as const;

/**
 * What a form with file fields loads besides: the bar that shows a large file's upload, and tus-js-client
 * (its AMD build, package `tus`), which sends a file in chunks that resume (uploads.resumable).
 */
export const UPLOAD_MODULES = ['dijit/ProgressBar', 'tus/tus'] as const;

/** What a form with choices from a source loads besides: what its store queries dojo()'s choices endpoint with. */
export const SOURCE_MODULES = ['dojo/request', 'dojo/store/util/QueryResults', 'dojo/io-query'] as const;

/** The modules a form of these fields loads: the form's own, each widget class once, then the sources' and uploads'. */
export const formModules = (fields: readonly CompiledField[], uploads = false): string[] => [
  ...new Set([...FORM_MODULES, ...fields.map((f) => f.module), ...(fields.some((f) => f.source) ? SOURCE_MODULES : []), ...(uploads ? UPLOAD_MODULES : [])]),
];
