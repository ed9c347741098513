// The mapping table's vocabulary: the constraint facts it maps (in Dijit terms), and how an app overrides
// a row of it. The table itself and its use are compile/mapping.ts.
import type { Capability } from './widgets.js';
import type { JsonValue } from '../../common/escape.js';

/**
 * The constraint facts that the table maps, after zod's checks are turned into Dijit terms.
 * @public
 */
export interface MappedFacts {
  required?: boolean;
  maxLength?: number;
  /** One regular expression (without flags) that says every string check: lengths, `.regex()`, formats. */
  pattern?: string;
  min?: number | string;
  max?: number | string;
  places?: string;
  step?: number;
  help?: string;
  requiredMessage?: string;
  invalidMessage?: string;
  rangeMessage?: string;
}

/**
 * A row of the mapping table: one of the facts it maps.
 * @public
 */
export type FactName = keyof MappedFacts;

export const FACT_NAMES: readonly FactName[] = [
  'required', 'maxLength', 'pattern', 'min', 'max', 'places', 'step', 'help', 'requiredMessage', 'invalidMessage', 'rangeMessage',
];

/**
 * Where a fact goes: a Dijit property (dotted for nested: `constraints.min`), optionally converted.
 * @public
 */
export interface AttrTarget {
  to: string;
  /** Returns what the browser gets: a JSON value. */
  convert?: (value: NonNullable<MappedFacts[FactName]>, facts: MappedFacts) => JsonValue;
}

/** A row of the default table: the target applies to widgets with this capability. */
export interface AttrRule extends AttrTarget {
  when: Capability;
}

/**
 * A user's override: per fact, a target that replaces the default rows, or `false` to drop them.
 * @public
 */
export type AttrMapOverride = Partial<Record<FactName, AttrTarget | false>>;
