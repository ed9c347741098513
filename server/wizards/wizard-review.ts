// What a review step shows of an earlier step: each field it showed, by its label, with the value as the
// user would read it (a choice's label, "Yes" for a ticked box, never a password).
import type { CompiledForm } from '../forms/model/compiled-form.js';
import { shownParts } from '../forms/model/shown-parts.js';
import { atPlace } from '../forms/model/row-texts.js';
import { readableValue, type Ticks } from '../forms/model/readable-value.js';
import type { StepValues } from './wizard-model.js';

/** The [label, value] rows of a step's form as its values fill it. */
export function reviewRows(form: CompiledForm, step: StepValues, ticks: Ticks): Array<[string, string]> {
  const read = (field: CompiledForm['fields'][number]): [string, string] => [field.label, readableValue(field, step.values[field.path], ticks, step.labels?.[field.path])];
  return shownParts(form, step.values, step.rows).flatMap((part): Array<[string, string]> => {
    if ('field' in part) return [read(part.field)];
    if ('upload' in part) return [];
    if ('rows' in part) return part.rows.flatMap((row, i) => row.map((f): [string, string] => [`${atPlace(part.list.texts.row, i + 1)}, ${f.label}`, read(f)[1]]));
    const chosen = part.union.branches.find((b) => b.value === part.chosen);
    return [read(part.union.discriminator), ...(chosen?.fields ?? []).map(read)];
  });
}
