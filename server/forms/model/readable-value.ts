// A field's raw value as a person reads it: a choice by its label, a ticked box as yes or no, a password
// never. Said where a value is shown outside its control: a wizard's review, an edit's conflict.
import type { RawValue } from './field-values.js';
import type { CompiledField } from './compiled-form.js';

/** How a ticked box reads, and one not ticked. */
export interface Ticks {
  yes: string;
  no: string;
}

export const ENGLISH_TICKS: Ticks = { yes: 'Yes', no: 'No' };

/** `raw` of `field` as a person reads it; `label` is a source's label of it, when known. */
export function readableValue(field: CompiledField, raw: RawValue | undefined, ticks: Ticks = ENGLISH_TICKS, label?: string): string {
  if (field.kind === 'boolean') return raw === undefined || raw === '' ? ticks.no : ticks.yes;
  if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return '—';
  if (field.inputType === 'password') return '••••••••';
  const read = (value: string) => field.choices.find((c) => c.value === value)?.label ?? label ?? value;
  return Array.isArray(raw) ? raw.map(read).join(', ') : read(raw);
}
