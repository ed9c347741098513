// What a review step shows of an earlier step: each field it showed, by its label, with the value as the
// user would read it (a choice's label, "Yes" for a ticked box, never a password).
import type { CompiledField, CompiledForm } from '../forms/model/compiled-form.js';
import { shownParts } from '../forms/model/shown-parts.js';
import { atPlace } from '../forms/model/row-texts.js';
import type { StepValues } from './wizard-model.js';

function shownValue(field: CompiledField, step: StepValues): string {
  const raw = step.values[field.path];
  if (field.kind === 'boolean') return raw === undefined || raw === '' ? 'No' : 'Yes';
  if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
  if (field.inputType === 'password') return '••••••••';
  const label = (value: string) => field.choices.find((c) => c.value === value)?.label ?? step.labels?.[field.path] ?? value;
  return Array.isArray(raw) ? raw.map(label).join(', ') : label(raw);
}

/** The [label, value] rows of a step's form as its values fill it. */
export function reviewRows(form: CompiledForm, step: StepValues): Array<[string, string]> {
  return shownParts(form, step.values, step.rows).flatMap((part): Array<[string, string]> => {
    if ('field' in part) return [[part.field.label, shownValue(part.field, step)]];
    if ('upload' in part) return [];
    if ('rows' in part) return part.rows.flatMap((row, i) => row.map((f): [string, string] => [`${atPlace(part.list.texts.row, i + 1)}, ${f.label}`, shownValue(f, step)]));
    const chosen = part.union.branches.find((b) => b.value === part.chosen);
    return [[part.union.discriminator.label, shownValue(part.union.discriminator, step)], ...(chosen?.fields ?? []).map((f): [string, string] => [f.label, shownValue(f, step)])];
  });
}
