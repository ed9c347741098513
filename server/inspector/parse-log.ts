// The inspector's memory of this process's last few parses per form: what was sent, what was refused and
// what was ignored. It listens only while an inspector is mounted, keeps a handful per form and a bounded
// number of forms, and never keeps what a sensitive field holds (passwords, `sensitive: true`).
import { parseListeners, type FormDefinition } from '../forms/define.js';
import type { ParseResult, RawValues } from '../forms/model/form-state.js';
import { sensitivePaths } from '../forms/model/shown-parts.js';
import { BoundedCache } from '../common/bounded-cache.js';

/** Parses kept per form: enough to see the last few tries, never a history. */
export const KEPT_PARSES = 5;
/** Forms with a log: every form of any app, while a request cannot grow it (it names only defined forms). */
const KEPT_FORMS = 1000;
/** What a sensitive field's value is shown as. */
export const REDACTED = '(sensitive: not kept)';

export interface LoggedParse {
  at: Date;
  ok: boolean;
  /** A button's intent (add a row, show the choices): not a submit. */
  intent: boolean;
  /** Passed, but asked about warnings not confirmed yet. */
  warned: boolean;
  values: RawValues;
  errors: Record<string, string>;
  formErrors: string[];
  ignored: string[];
  conflicts: string[];
  /** Warnings the form asked about (not confirmed yet), by path (`''`: the form's), and those confirmed. */
  warnings: Record<string, string>;
  confirmed: string[];
  /** What an edit changed (`result.changes`): a sensitive field's without its values. */
  changes: string[];
}

const logs = new BoundedCache<string, LoggedParse[]>(KEPT_FORMS);

function record(form: FormDefinition, result: ParseResult<unknown>): void {
  const sensitive = sensitivePaths(form.compiled);
  const values = Object.fromEntries(Object.entries(result.state.values).map(([path, value]) => [path, sensitive(path) ? REDACTED : value]));
  const entry: LoggedParse = {
    at: new Date(),
    ok: result.ok,
    intent: !result.ok && result.intent === true,
    warned: !result.ok && result.warned === true,
    values,
    errors: { ...result.state.errors },
    formErrors: [...result.state.formErrors],
    ignored: [...result.ignored],
    conflicts: [...(result.conflicts ?? [])],
    warnings: Object.fromEntries(Object.entries(result.state.warnings ?? {}).map(([path, w]) => [path, w.message])),
    confirmed: result.ok ? (result.warnings ?? []).map((w) => `${w.path || '(form)'}: ${w.message}`) : [],
    changes: result.ok ? (result.changes ?? []).map((c) => (c.sensitive ? `${c.path}: changed` : `${c.path}: ${c.before ?? ''} → ${c.after ?? ''}`)) : [],
  };
  const kept = logs.get(form.name) ?? [];
  logs.set(form.name, [entry, ...kept].slice(0, KEPT_PARSES));
}

/** Starts keeping parses (an inspector was mounted); once, however many inspectors. */
export function keepParses(): void {
  parseListeners.add(record);
}

/** The form's last parses, newest first. */
export const recentParses = (form: string): readonly LoggedParse[] => logs.get(form) ?? [];
