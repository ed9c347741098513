import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KIND_VALUES, formatValue } from '../../../server/forms/model/field-values.js';
import type { FieldKind, SchemaFacts } from '../../../server/forms/model/schema-facts.js';

const facts = (kind: FieldKind, more: Partial<SchemaFacts> = {}): SchemaFacts => ({ path: 'f', kind, required: true, nullable: false, patterns: [], ...more });
const day = new Date(Date.UTC(2026, 2, 14));

describe('field values, each kind both ways', () => {
  it('a typed value formatted as text parses back to the same value', () => {
    const cases: Array<[FieldKind, unknown]> = [
      ['string', ' spaced text '],
      ['enum', 'red'],
      ['number', -12.5],
      ['date', day],
      ['isoDate', '2026-03-14'],
      ['time', '09:30:00'],
      ['boolean', true],
      ['boolean', false],
      ['multiEnum', ['a', 'b']],
    ];
    for (const [kind, value] of cases) {
      const text = formatValue(kind, value);
      assert.deepEqual(KIND_VALUES[kind].parse(text, facts(kind)), value, `${kind}: ${JSON.stringify(text)}`);
    }
  });

  it('no value: undefined or null formats to nothing; empty text parses to nothing, or null when the field is nullable', () => {
    assert.equal(formatValue('number', null), undefined);
    assert.equal(formatValue('date', new Date(NaN)), undefined);
    assert.equal(KIND_VALUES.number.parse('  ', facts('number')), undefined);
    assert.equal(KIND_VALUES.number.parse('', facts('number', { required: false, nullable: true })), null);
    assert.equal(KIND_VALUES.number.parse('', facts('number', { required: false, nullable: true, defaultValue: 3 })), undefined);
  });

  it('text that is not a value is passed on unchanged, for the schema to report', () => {
    assert.equal(KIND_VALUES.number.parse('12abc', facts('number')), '12abc');
    assert.equal(KIND_VALUES.date.parse('2026-02-30', facts('date')), '2026-02-30');
    assert.deepEqual(KIND_VALUES.string.parse(['a', 'b'], facts('string')), ['a', 'b']);
  });

  it("the widget gets a value it can take, else the user's text as typed", () => {
    assert.deepEqual(KIND_VALUES.number.widgetValue('1e3'), { value: 1000 });
    assert.deepEqual(KIND_VALUES.number.widgetValue('12abc'), { displayedValue: '12abc' });
    assert.deepEqual(KIND_VALUES.date.widgetValue('2026-03-14'), { value: '2026-03-14' });
    assert.deepEqual(KIND_VALUES.time.widgetValue('09:30'), { value: 'T09:30:00' });
    assert.deepEqual(KIND_VALUES.boolean.widgetValue('on'), { checked: true });
    assert.deepEqual(KIND_VALUES.string.widgetValue(' kept '), { value: ' kept ' });
    assert.deepEqual(KIND_VALUES.number.widgetValue(''), {});
  });
});
