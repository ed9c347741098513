// The raw values a POST gives, as the user's roles may: what they may change from the body, the rest from
// the record being edited (never from the body).
import { isDeepStrictEqual } from 'node:util';
import type { CompiledField, CompiledForm } from '../model/compiled-form.js';
import { KIND_VALUES, type RawValue } from '../model/field-values.js';
import type { RawValues } from '../model/form-state.js';
import { type Unreadable, rawValues } from './coerce.js';
import { formForRoles } from './role-view.js';
import { rawValuesOf } from './initial-values.js';

/** Whose POST this is, for a form with access rules: the user's roles, and the record being edited. */
export interface ParseAccess {
  roles: readonly string[];
  /** What the fields the roles may not change keep (typed data, as `form.initial()` takes). */
  current?: unknown;
}

/** Whether two raw values mean the same value of the field. */
const sameValue = (field: CompiledField, a: RawValue | undefined, b: RawValue | undefined): boolean =>
  isDeepStrictEqual(KIND_VALUES[field.kind].parse(a, field.facts), KIND_VALUES[field.kind].parse(b, field.facts));

/**
 * The raw values a POST gives, as its roles may: each field they may change from the body, every other
 * one from `current`, never from the body. `ignored` names the fields the body tried to change anyway.
 */
export function valuesForRoles(
  form: CompiledForm,
  fields: readonly CompiledField[],
  body: unknown,
  access: ParseAccess | undefined,
): { view: CompiledForm; raw: RawValues; unreadable: Map<string, Unreadable>; ignored: string[] } {
  const view = formForRoles(form, access?.roles ?? null);
  if (view === form) return { view, ...rawValues(fields, body), ignored: [] };
  const changeable = new Set(view.fields.filter((f) => !f.readOnly).map((f) => f.path));
  const fixed = form.fields.filter((f) => !changeable.has(f.path));
  const { raw, unreadable } = rawValues(form.fields.filter((f) => changeable.has(f.path)), body);
  const kept = rawValuesOf(fixed, access?.current).values;
  const sent = rawValues(fixed, body).raw;
  const ignored = fixed.filter((f) => Object.hasOwn(sent, f.path) && !sameValue(f, sent[f.path], kept[f.path])).map((f) => f.path);
  return { view, raw: { ...raw, ...kept }, unreadable, ignored };
}
