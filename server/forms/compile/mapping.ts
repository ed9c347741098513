// The default mapping table: a field's constraints (read from zod, plus its messages and help) -> Dijit
// properties. The seed's `attr_map`, as data: a user overrides or removes rows per form or per field.
import type { SchemaFacts } from '../model/schema-facts.js';
import { escapeHtml, type JsonValue } from '../../common/escape.js';
import { DefinitionProblem } from '../../common/errors.js';
import { setPath } from '../../common/object-path.js';
import type { Capability } from '../model/widgets.js';
import { type AttrMapOverride, type AttrRule, type AttrTarget, FACT_NAMES, type FactName, type MappedFacts } from '../model/attr-map.js';

/** The default mapping table. docs/forms.md shows it; each row has a unit test. */
export const DEFAULT_ATTR_MAP: Readonly<Record<FactName, readonly AttrRule[]>> = {
  required: [
    { to: 'required', when: 'validation' },
    { to: 'required', when: 'select' },
  ],
  maxLength: [{ to: 'maxLength', when: 'text' }],
  pattern: [{ to: 'pattern', when: 'pattern' }],
  min: [
    { to: 'constraints.min', when: 'range' },
    { to: 'minimum', when: 'slider' },
  ],
  max: [
    { to: 'constraints.max', when: 'range' },
    { to: 'maximum', when: 'slider' },
  ],
  places: [{ to: 'constraints.places', when: 'number' }],
  step: [
    { to: 'smallDelta', when: 'spinner' },
    {
      to: 'discreteValues',
      when: 'slider',
      convert: (step, facts) => Math.round((Number(facts.max) - Number(facts.min)) / Number(step)) + 1,
    },
  ],
  // Dijit shows these messages as HTML in its tooltips: they are escaped for that context.
  help: [{ to: 'promptMessage', when: 'validation', convert: escapeHtml }],
  requiredMessage: [{ to: 'missingMessage', when: 'validation', convert: escapeHtml }],
  invalidMessage: [{ to: 'invalidMessage', when: 'validation', convert: escapeHtml }],
  rangeMessage: [{ to: 'rangeMessage', when: 'range', convert: escapeHtml }],
};

/** Flags that change what matches; Dijit drops flags, so these cannot be kept. `g`, `y`, `d` do not matter. */
const MEANINGFUL_FLAGS = /[imsuv]/;

function combinedPattern(facts: SchemaFacts): string | undefined {
  const parts: string[] = [];
  for (const p of facts.patterns) {
    if (MEANINGFUL_FLAGS.test(p.flags)) {
      // Dijit builds `new RegExp(p)` without flags.
      throw new DefinitionProblem(facts.path, `the ${p.from} pattern /${p.source}/${p.flags} has flags (${p.flags}) that Dijit cannot honour; write it without them`);
    }
    parts.push(p.source);
  }
  if (facts.minLength !== undefined || facts.maxLength !== undefined) {
    parts.unshift(`[\\s\\S]{${facts.minLength ?? 0},${facts.maxLength ?? ''}}`);
  }
  if (parts.length === 0) return undefined;
  // Every part must match the whole value: all but the last become look-aheads anchored at the end.
  const last = parts.pop() as string;
  return parts.map((p) => `(?=(?:${p})$)`).join('') + (parts.length ? `(?:${last})` : last);
}

/** The next double above (or below) `value`: an exclusive bound said as an inclusive one. */
function nextDouble(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (value > 0) === (direction > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function exclusiveBound(value: number, direction: 1 | -1, facts: SchemaFacts): number {
  if (facts.integer) return Math.floor(value) + direction;
  if (facts.step) return value + direction * facts.step;
  return nextDouble(value, direction);
}

const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

/** Turns a field's zod facts and its options into the facts the table maps. */
export function mappedFacts(
  facts: SchemaFacts,
  options: { help?: string; messages?: { required?: string; invalid?: string; range?: string } },
): MappedFacts {
  const out: MappedFacts = { required: facts.required };
  if (facts.maxLength !== undefined) out.maxLength = facts.maxLength;
  const pattern = combinedPattern(facts);
  if (pattern !== undefined) out.pattern = pattern;
  if (facts.min !== undefined) {
    out.min = typeof facts.min === 'number' && facts.minExclusive ? exclusiveBound(facts.min, 1, facts) : facts.min;
  }
  if (facts.max !== undefined) {
    out.max = typeof facts.max === 'number' && facts.maxExclusive ? exclusiveBound(facts.max, -1, facts) : facts.max;
  }
  if (facts.integer) out.places = '0';
  else if (facts.step !== undefined) out.places = `0,${decimals(facts.step)}`;
  if (facts.step !== undefined) out.step = facts.step;
  if (options.help) out.help = options.help;
  if (options.messages?.required) out.requiredMessage = options.messages.required;
  if (options.messages?.invalid) out.invalidMessage = options.messages.invalid;
  if (options.messages?.range) out.rangeMessage = options.messages.range;
  return out;
}

/**
 * Applies the table to the widget of the field at `path`: the default rows for its capabilities, replaced
 * per fact by `override`. `sources`, when given, learns which fact each property came from.
 * @returns the Dijit properties, JSON-ready.
 */
export function applyAttrMap(
  path: string,
  facts: MappedFacts,
  capabilities: readonly Capability[],
  override: AttrMapOverride = {},
  sources: Record<string, string> = {},
): Record<string, JsonValue> {
  const props: Record<string, unknown> = {};
  for (const name of FACT_NAMES) {
    const value = facts[name];
    if (value === undefined) continue;
    const custom = override[name];
    const targets: AttrTarget[] =
      custom === false ? [] : custom ? [custom] : DEFAULT_ATTR_MAP[name].filter((rule) => capabilities.includes(rule.when));
    for (const target of targets) {
      let converted: unknown;
      try {
        converted = target.convert ? target.convert(value, facts) : value;
      } catch (err) {
        throw new DefinitionProblem(path, `the converter for ${name} -> ${target.to} threw: ${(err as Error).message}`);
      }
      if (converted === undefined || typeof converted === 'function' || typeof converted === 'symbol' || typeof converted === 'bigint') {
        throw new DefinitionProblem(path, `the converter for ${name} -> ${target.to} returned ${typeof converted}, which cannot be sent to the browser`);
      }
      setPath(props, target.to, converted);
      sources[target.to] = custom ? `${name} (attrMap)` : name;
    }
  }
  return props as Record<string, JsonValue>; // each value checked above
}
