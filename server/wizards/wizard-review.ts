// What a review step shows of an earlier step: each field it showed, by its label, with the value as the
// user would read it (a choice's label, "Yes" for a ticked box, never a password).
import type { CompiledField, CompiledForm } from '../forms/model/compiled-form.js';
import { shownParts } from '../forms/model/shown-parts.js';
import { atPlace } from '../forms/model/row-texts.js';
import type { StepValues } from './wizard-model.js';

/** How the review says a box is ticked, or not. */
export interface Ticks {
  yes: string;
  no: string;
}

function shownValue(field: CompiledField, step: StepValues, ticks: Ticks): string {
  const raw = step.values[field.path];
  if (field.kind === 'boolean') return raw === undefined || raw === '' ? ticks.no : ticks.yes;
  if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
  if (field.inputType === 'password') return '••••••••';
  const label = (value: string) => field.choices.find((c) => c.value === value)?.label ?? step.labels?.[field.path] ?? value;
  return Array.isArray(raw) ? raw.map(label).join(', ') : label(raw);
}

/** The [label, value] rows of a step's form as its values fill it. */
export function reviewRows(form: CompiledForm, step: StepValues, ticks: Ticks): Array<[string, string]> {
  return shownParts(form, step.values, step.rows).flatMap((part): Array<[string, string]> => {
    if ('field' in part) return [[part.field.label, shownValue(part.field, step, ticks)]];
    if ('upload' in part) return [];
    if ('rows' in part) return part.rows.flatMap((row, i) => row.map((f): [string, string] => [`${atPlace(part.list.texts.row, i + 1)}, ${f.label}`, shownValue(f, step, ticks)]));
    const chosen = part.union.branches.find((b) => b.value === part.chosen);
    return [[part.union.discriminator.label, shownValue(part.union.discriminator, step, ticks)], ...(chosen?.fields ?? []).map((f): [string, string] => [f.label, shownValue(f, step, ticks)])];
  });
}
