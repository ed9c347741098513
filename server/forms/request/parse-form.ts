// Server validation with the same schema: body -> coerced values -> zod -> typed data, or a form state
// that re-renders with the user's values and one message per field (the field's own messages first).
import type * as z from 'zod';
import { valuesForRoles, type ParseAccess } from './values-for-roles.js';
import { coerceValues, type Unreadable } from './coerce.js';
import type { RawValues, ParseResult } from '../model/form-state.js';
import type { CompiledField, CompiledForm, CompiledList } from '../model/compiled-form.js';
import { getPath, setPath } from '../../common/object-path.js';
import { postedUploads, uploadMessage } from './parse-uploads.js';
import { guardedCheck, serverCheckErrors } from './server-checks.js';
import { plainMessages, shownBound } from './plain-messages.js';
import { LISTED_CHOICES, resolveChoices, type ResolvedChoices } from './remote-choices.js';
import type { Request } from 'express';
import type { CheckContext, FormCheck, FormWarning } from '../model/form-options.js';
import { applyIntent, intentOf, postedFields, reorderRows } from './intents.js';
import { dijitMessages, zodErrorMap } from './message-locales.js';
import { DEFAULT_INVALID_MESSAGE, DEFAULT_REQUIRED_MESSAGE, countMessages } from '../model/field-messages.js';
import { filled, wordsFor, type OurWords } from '../../words/our-words.js';
import { bodyOfNow, fieldsNew } from './changed-form.js';
import { confirmedTokens, fieldWarnings, formWarnings, settleWarnings } from './warnings.js';
import { sensitivePaths } from '../model/shown-parts.js';

/** The messages for raw text that cannot be a value at all (the field's `messages.invalid` comes first). */
const unreadableMessage = (why: Unreadable, words: OurWords) => (why === 'not UTF-8' ? words.plain.notText : words.plain.tooLong);

/** Picks the message for one zod issue: missing -> required, out of bounds -> range, else invalid. */
export function messageFor(field: CompiledField, issue: z.core.$ZodIssue, value: unknown, required = DEFAULT_REQUIRED_MESSAGE, invalid = DEFAULT_INVALID_MESSAGE, locale: string | null = null): string {
  // A refinement's own message is the point of the refinement: keep it.
  if (issue.code === 'custom') return issue.message;
  // zod does not report the input, so "missing" is read from the coerced value itself. Any issue on a
  // missing value means "required": an enum reports one as `invalid_value`, not `invalid_type`.
  // A box that must be ticked (z.literal(true)) and is not: "required", as Dijit says it.
  const missing = value === undefined || value === null || (field.facts.mustBeTicked === true && value === false);
  const words = wordsFor(locale);
  const plain = plainMessages(locale);
  if (field.kind === 'multiEnum' && issue.code === 'too_small') return countMessages(field, words, required).tooFew;
  if (field.kind === 'multiEnum' && issue.code === 'too_big') return countMessages(field, words).tooMany;
  if (field.kind === 'textList' && issue.code === 'too_small' && issue.origin === 'array') return field.messages.required ?? plain.fewestWords(field.facts.minItems ?? 0);
  if (field.kind === 'textList' && issue.code === 'too_big' && issue.origin === 'array') return field.messages.invalid ?? plain.mostWords(field.facts.maxItems ?? 0);
  if (missing) return field.messages.required ?? required;
  const own = field.messages.invalid;
  if ((issue.code === 'too_small' || issue.code === 'too_big') && ['number', 'date', 'bigint'].includes(issue.origin)) {
    if (field.messages.range ?? own) return (field.messages.range ?? own) as string;
    const asDate = issue.origin === 'date';
    if (issue.code === 'too_small') return filled(issue.inclusive ? plain.atLeast : plain.moreThan, { bound: shownBound(issue.minimum, locale, asDate) });
    return filled(issue.inclusive ? plain.atMost : plain.lessThan, { bound: shownBound(issue.maximum, locale, asDate) });
  }
  if (issue.code === 'not_multiple_of') return field.messages.range ?? own ?? filled(plain.multipleOf, { step: shownBound(issue.divisor, locale, false) });
  if (own) return own;
  if (issue.code === 'too_small' && issue.origin === 'string') return plain.minLength(Number(issue.minimum));
  if (issue.code === 'too_big' && issue.origin === 'string') return plain.maxLength(Number(issue.maximum));
  if (issue.code === 'invalid_format' && issue.format === 'email') return plain.email;
  if (issue.code === 'invalid_format' && issue.format === 'url') return plain.url;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return plain.number;
  if (issue.code === 'invalid_type' && issue.expected === 'date') return plain.date;
  if (issue.code === 'invalid_value') return plain.choice;
  // zod says "must match pattern /^ORD-\d{6}$/" and the like: not for users' eyes. Dijit's word instead.
  return invalid;
}

/** The raw values of `fields` as a re-rendered page shows them: each cut to its field's echoLimit. */
function shownAgain(fields: readonly CompiledField[], raw: RawValues): RawValues {
  const shown: RawValues = {};
  for (const field of fields) {
    const value = raw[field.path];
    if (value === undefined) continue;
    const limit = field.echoLimit;
    shown[field.path] = Array.isArray(value) ? value.map((v) => v.slice(0, limit)) : value.slice(0, limit);
  }
  return shown;
}

/** The message for a list's own issue: too few rows, too many, or the list's refinement. */
function listMessage(list: CompiledList, issue: z.core.$ZodIssue, words: OurWords): string {
  if (issue.code === 'too_small') return list.messages.required ?? filled(words.rows.fewest(list.min), { item: list.itemLabel.toLowerCase() });
  if (issue.code === 'too_big') return tooManyRows(list, words);
  return issue.message;
}

const tooManyRows = (list: CompiledList, words: OurWords) => list.messages.invalid ?? filled(words.rows.most(list.max), { item: list.itemLabel.toLowerCase() });

/** How a POST is parsed: whose it is (access), and the locale of its messages. */
export type ParseFormOptions = Partial<ParseAccess> & { locale?: string };

/**
 * A POST made ready for the schema: either its result already (a button's intent, too many rows), or the
 * coerced values and what turns the schema's verdict into a result (`finish`), so that the schema may run
 * synchronously or not.
 */
type Prepared<T> =
  | { done: ParseResult<T>; choicesFor?: { field: CompiledField; values: Record<string, unknown> } }
  | { coerced: Record<string, unknown>; params: Parameters<z.ZodType['safeParse']>[1]; validated: readonly CompiledField[]; finish(result: z.ZodSafeParseResult<T>): ParseResult<T> };

/** What a body holds of a form's fields, as the roles may see and change them. */
function readPosted(form: CompiledForm, source: Record<string, unknown>, options: ParseFormOptions) {
  const { fields, validated, rows } = postedFields(form, source);
  const access = options.roles ? { roles: options.roles, current: options.current } : undefined;
  const { view, raw, unreadable, ignored } = valuesForRoles(form, fields, source, access);
  // The state shows only what the roles may see, and no more text than each field could hold (twice over).
  const values = shownAgain(view === form ? fields : view.fields, raw);
  return { validated, rows, view, raw, unreadable, ignored, values };
}

/** A body's values as typed, unchecked: the state that shows them again (a wizard's Back keeps them so). */
export function typedState(form: CompiledForm, body: unknown, options: ParseFormOptions = {}): { values: RawValues; rows: Record<string, number> } {
  const { values, rows } = readPosted(form, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>, options);
  return { values, rows };
}

function prepare<S extends z.ZodObject>(form: CompiledForm, body: unknown, options: ParseFormOptions): Prepared<z.output<S>> {
  const { body: source, changedFrom } = bodyOfNow(form, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>);
  const { validated, rows, view, raw, unreadable, ignored, values } = readPosted(form, source, options);
  const uploads = postedUploads(form, source);
  // The files to keep go with every state shown again: a button's POST keeps them as a refused one does.
  const files = Object.keys(uploads.files).length ? { files: uploads.files } : {};
  // More rows than the list takes: refused before anything is parsed, and shown with the rows it takes.
  const over = form.lists.find((l) => (rows[l.path] ?? 0) > l.max);
  if (over) {
    const kept = Array.from({ length: over.max }, (_, i) => i);
    return { done: { ok: false, state: { values: reorderRows(values, over, kept), errors: { [over.path]: tooManyRows(over, form.words) }, formErrors: [], rows: { ...rows, [over.path]: over.max }, ...files }, ignored } };
  }
  const intent = intentOf(form, source);
  if (intent && 'field' in intent) {
    // Show a source's choices (the values of the fields they depend on as posted): filled in by parseFormAsync.
    const state = { values, errors: {}, formErrors: [], rows, ...files };
    return { done: { ok: false, intent: true, state, ignored }, choicesFor: { field: intent.field, values: coerceValues(validated, raw, unreadable, form, rows) } };
  }
  if (intent && 'union' in intent) return { done: { ok: false, intent: true, state: { values, errors: {}, formErrors: [], rows, ...files }, ignored } };
  if (intent) {
    const order = applyIntent(intent, rows[intent.list.path] ?? 0);
    const state = { values: reorderRows(values, intent.list, order), errors: {}, formErrors: [], rows: { ...rows, [intent.list.path]: order.length }, ...files };
    return { done: { ok: false, intent: true, state, ignored } };
  }
  const coerced = coerceValues(validated, raw, unreadable, form, rows);
  for (const [path, value] of Object.entries(uploads.values)) if (value !== undefined) setPath(coerced, path, value);
  // zod's own messages in the request's locale, for this parse only.
  const errorMap = options.locale ? zodErrorMap(options.locale) : null;

  // A page of another definition: the fields it did not have come back marked new, whatever the schema says.
  const added = changedFrom === null ? [] : fieldsNew(validated, view.fields, source);
  const finish = (result: z.ZodSafeParseResult<z.output<S>>): ParseResult<z.output<S>> => {
    const parsed = judged(result);
    if (added.length === 0) return parsed;
    const marks = Object.fromEntries(added.map((f) => [f.path, form.words.form.newField]));
    return { ok: false, state: { ...parsed.state, errors: { ...parsed.state.errors, ...marks }, formErrors: [form.words.form.changed, ...parsed.state.formErrors] }, ignored: parsed.ignored };
  };
  const judged = (result: z.ZodSafeParseResult<z.output<S>>): ParseResult<z.output<S>> => {
    const filesOk = Object.keys(uploads.errors).length === 0;
    if (result.success && unreadable.size === 0 && filesOk) return { ok: true, data: result.data, state: { values, errors: {}, formErrors: [], rows, ...files }, ignored };

    const dijit = options.locale ? dijitMessages(options.locale) : { missingMessage: DEFAULT_REQUIRED_MESSAGE, invalidMessage: DEFAULT_INVALID_MESSAGE };
    const errors: Record<string, string> = { ...uploads.errors };
    const formErrors: string[] = [];
    const uploadAt = new Map(form.uploads.map((u) => [u.path, u]));
    for (const field of validated) {
      const why = unreadable.get(field.path);
      if (why) errors[field.path] = field.messages.invalid ?? unreadableMessage(why, form.words);
    }
    // Found by path for each issue: a refused POST of a thousand rows has thousands of both.
    const fieldAt = new Map(validated.map((f) => [f.path, f]));
    for (const issue of result.error?.issues ?? []) {
      // An issue on an array element (projects.0) belongs to the array field.
      const path = issue.path.map(String);
      const joined = path.join('.');
      const field = fieldAt.get(joined) ?? fieldAt.get(path.slice(0, -1).join('.'));
      const list = form.lists.find((l) => joined === l.path || joined.startsWith(`${l.path}.`));
      const upload = uploadAt.get(joined) ?? uploadAt.get(path.slice(0, -1).join('.'));
      if (upload) errors[upload.path] ??= uploadMessage(upload, issue, uploads.values[upload.path]);
      else if (!field && list) errors[list.path] ??= listMessage(list, issue, form.words);
      else if (!field) formErrors.push(issue.message);
      else if (view !== form && !view.fields.some((f) => f.path === field.path)) {
        if (!formErrors.includes(form.words.form.hiddenInvalid)) formErrors.push(form.words.form.hiddenInvalid);
      } else errors[field.path] ??= messageFor(field, issue, getPath(coerced, field.path), dijit.missingMessage, dijit.invalidMessage, options.locale ?? null);
    }
    return { ok: false, state: { values, errors, formErrors, rows, ...files }, ignored };
  };
  return { coerced, params: errorMap ? { error: errorMap } : undefined, validated, finish };
}

/** Parses a POSTed body with the form's schema; with access rules, as the roles in `access` may. */
export function parseForm<S extends z.ZodObject>(schema: S, form: CompiledForm, body: unknown, options: ParseFormOptions = {}): ParseResult<z.output<S>> {
  const prepared = prepare<S>(form, body, options);
  if ('done' in prepared) return prepared.done;
  return prepared.finish(schema.safeParse(prepared.coerced, prepared.params));
}

/** What a check or a source gets besides the value: the form's values, and whose request this is. */
const checkContext = (values: Record<string, unknown>, options: ParseFormOptions & { request?: Request }): CheckContext => ({
  values,
  locale: options.locale ?? null,
  roles: options.roles ?? null,
  ...(options.request ? { request: options.request } : {}),
});

/**
 * A choices button's result (JavaScript off): the state again, with the source's choices for the values
 * posted (those it depends on) to pick from, when they are few enough for a list; else the field stays a
 * text box whose typed label is looked up.
 */
async function withSourceChoices<T>(result: ParseResult<T>, { field, values }: { field: CompiledField; values: Record<string, unknown> }, options: ParseFormOptions & { request?: Request }): Promise<ParseResult<T>> {
  const found = await field.source?.search('', { offset: 0, limit: LISTED_CHOICES }, checkContext(values, options));
  if (!found || found.total > LISTED_CHOICES || found.items.length === 0) return result;
  return { ...result, state: { ...result.state, matches: { ...result.state.matches, [field.path]: found.items } } };
}

/** A result with what sources said: chosen values and labels in its state, their errors over the schema's. */
function withChoices<T>(result: ParseResult<T>, choices: ResolvedChoices): ParseResult<T> {
  const { errors, labels, matches, chosen } = choices;
  const state = { ...result.state, values: { ...result.state.values, ...chosen } };
  if (Object.keys(labels).length) state.labels = labels;
  if (Object.keys(matches).length) state.matches = matches;
  if (Object.keys(errors).length === 0) return { ...result, state };
  return { ok: false, state: { ...state, errors: { ...state.errors, ...errors } }, ignored: result.ignored };
}

/**
 * `parseForm` with zod's async refinements, then the server checks: each field's `check` whose value its
 * schema passed (`only`: that field's alone, for a live check), then the form's own once every field passed.
 */
export async function parseFormAsync<S extends z.ZodObject>(
  schema: S,
  form: CompiledForm,
  body: unknown,
  options: ParseFormOptions & { request?: Request; only?: string },
  formCheck?: FormCheck<z.output<S>>,
  formWarn?: FormWarning<z.output<S>>,
): Promise<ParseResult<z.output<S>>> {
  const prepared = prepare<S>(form, body, options);
  if ('done' in prepared) return prepared.choicesFor ? withSourceChoices(prepared.done, prepared.choicesFor, options) : prepared.done;
  const ctx = checkContext(prepared.coerced, options);
  // Choices from sources first: a typed label becomes its value before the schema sees it.
  const choices = await resolveChoices(prepared.validated, prepared.coerced, ctx, form.words, options.only);
  const parsed = prepared.finish(await schema.safeParseAsync(prepared.coerced, prepared.params));
  const result = withChoices(parsed, choices);
  const errors = await serverCheckErrors(prepared.validated, result.state.errors, prepared.coerced, ctx, form.words, options.only);
  let checked: ParseResult<z.output<S>> = Object.keys(errors).length === 0 ? result : { ok: false, state: { ...result.state, errors: { ...result.state.errors, ...errors } }, ignored: result.ignored };
  if (checked.ok && formCheck && options.only === undefined) {
    const data = checked.data;
    const verdict = await guardedCheck('the form\'s check', () => formCheck(data, ctx), form.words.form.formNotChecked);
    if (typeof verdict === 'string') checked = { ok: false, state: { ...result.state, formErrors: [verdict] }, ignored: result.ignored };
    else if (verdict && Object.keys(verdict).length) checked = { ok: false, state: { ...result.state, errors: verdict }, ignored: result.ignored };
  }
  return withWarnings(form, checked, prepared.validated, prepared.coerced, ctx, body, options.only, formWarn);
}

/**
 * A result with its warnings asked: each field's without an error, and the form's once it passed. Any not
 * confirmed by the POST's boxes brings a passing form back (`warned`); confirmed ones go with its data.
 * A live check (`only`) asks its field's, and only says it.
 */
async function withWarnings<T>(form: CompiledForm, result: ParseResult<T>, fields: readonly CompiledField[], values: Record<string, unknown>, ctx: CheckContext, body: unknown, only: string | undefined, formWarn?: FormWarning<T>): Promise<ParseResult<T>> {
  const said = await fieldWarnings(fields, result.state.errors, values, ctx, only);
  if (result.ok && formWarn && only === undefined) Object.assign(said, await formWarnings(formWarn, result.data, ctx));
  if (Object.keys(said).length === 0) return result;
  const ticked = only === undefined ? confirmedTokens((body && typeof body === 'object' ? body : {}) as Record<string, unknown>) : new Set<string>();
  const { open, confirmed } = settleWarnings(form.name, said, result.state.values, ticked, sensitivePaths(form));
  const state = Object.keys(open).length ? { ...result.state, warnings: open } : result.state;
  if (!result.ok || only !== undefined) return { ...result, state };
  if (Object.keys(open).length) return { ok: false, warned: true, state, ignored: result.ignored };
  return { ...result, warnings: confirmed };
}
