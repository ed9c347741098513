// One test per row of the default mapping table, through the public path: a zod schema in, Dijit
// properties out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { type FieldOptions } from '../../../server/index.js';
import { DEFAULT_ATTR_MAP } from '../../../server/forms/compile/mapping.js';
import { FormDefinition } from '../../../server/forms/define.js';

/** The compiled Dijit properties of a one-field form. */
function propsOf(field: z.ZodType, options: FieldOptions = {}): Record<string, unknown> {
  const form = new FormDefinition('t', z.object({ f: field }), { fields: { f: options } } as never);
  return (form.compiled.fields[0] as { props: Record<string, unknown> }).props;
}
const widgetOf = (field: z.ZodType, options: FieldOptions = {}) =>
  new FormDefinition('t', z.object({ f: field }), { fields: { f: options } } as never).compiled.fields[0]?.module;

describe('default mapping table', () => {
  it('required -> required (ValidationTextBox family)', () => {
    assert.equal(propsOf(z.string())['required'], true);
    assert.equal(propsOf(z.string().optional())['required'], false);
    assert.equal(propsOf(z.string().nullable())['required'], false);
    assert.equal(propsOf(z.string().default('x'))['required'], false);
  });
  it('required -> required (dijit/form/Select)', () => {
    assert.equal(propsOf(z.enum(['a', 'b']), { widget: 'dijit/form/Select' })['required'], true);
  });
  it('maxLength -> maxLength', () => {
    assert.equal(propsOf(z.string().max(16))['maxLength'], 16);
    assert.equal(propsOf(z.string().length(4))['maxLength'], 4);
  });
  it('string lengths and .regex() -> one pattern', () => {
    assert.equal(propsOf(z.string().min(2).max(16))['pattern'], '[\\s\\S]{2,16}');
    assert.equal(propsOf(z.string().min(3))['pattern'], '[\\s\\S]{3,}');
    assert.equal(propsOf(z.string().regex(/^\w+$/))['pattern'], '^\\w+$');
    const combined = propsOf(z.string().min(2).max(16).regex(/^\w+$/))['pattern'] as string;
    assert.equal(combined, '(?=(?:[\\s\\S]{2,16})$)(?:^\\w+$)');
    // Dijit anchors it as ^(?:p)$; check it means what zod means.
    const re = new RegExp(`^(?:${combined})$`);
    assert.ok(re.test('ab_1'));
    assert.ok(!re.test('a'));
    assert.ok(!re.test('a!b'));
    assert.ok(!re.test('x'.repeat(17)));
  });
  it('email and url formats -> a validating pattern', () => {
    const email = new RegExp(`^(?:${propsOf(z.email())['pattern']})$`);
    assert.ok(email.test('ada@example.org'));
    assert.ok(!email.test('ada@'));
    const url = new RegExp(`^(?:${propsOf(z.url())['pattern']})$`);
    assert.ok(url.test('https://example.org/a?b=c'));
    assert.ok(!url.test('not a url'));
  });
  it('regex flags Dijit cannot honour fail at definition, naming form and field', () => {
    assert.throws(() => propsOf(z.string().regex(/^abc$/i)), /Form "t", field "f": the regex pattern \/\^abc\$\/i has flags \(i\)/);
  });
  it('min/max -> constraints.min/max (NumberTextBox), exclusive bounds honoured', () => {
    assert.deepEqual(propsOf(z.number().min(1).max(9))['constraints'], { min: 1, max: 9 });
    assert.deepEqual(propsOf(z.int().gt(0).lt(10))['constraints'], { min: 1, max: 9, places: '0' });
    const gt = propsOf(z.number().gt(0))['constraints'] as { min: number };
    assert.ok(gt.min > 0 && gt.min < 1e-300);
    assert.deepEqual(propsOf(z.number().gt(0).lt(1).multipleOf(0.25))['constraints'], { min: 0.25, max: 0.75, places: '0,2' });
  });
  it('native attributes carry the same bounds as the widget (exclusive ones made inclusive); a multi-select with .min(1) is required', () => {
    const nativeOf = (field: z.ZodType) => new FormDefinition('t', z.object({ f: field })).compiled.fields[0]?.native;
    assert.deepEqual(nativeOf(z.int().gt(0).lt(1000)), { required: true, min: 1, max: 999, step: 1 });
    assert.deepEqual(nativeOf(z.number().gt(0).lt(1).multipleOf(0.25)), { required: true, min: 0.25, max: 0.75, step: 0.25 });
    const gt = nativeOf(z.number().gt(0)) as { min: number };
    assert.ok(gt.min > 0 && gt.min < 1e-300);
    assert.deepEqual(nativeOf(z.array(z.enum(['a', 'b'])).min(1)), { required: true });
    assert.deepEqual(nativeOf(z.array(z.enum(['a', 'b'])).max(1)), { required: false });
  });

  it('min/max -> minimum/maximum and step -> discreteValues (sliders)', () => {
    const props = propsOf(z.number().min(0).max(10).multipleOf(2), { widget: 'dijit/form/HorizontalSlider' });
    assert.deepEqual(props, { minimum: 0, maximum: 10, discreteValues: 6 });
  });
  it('int -> constraints.places 0; multipleOf -> places and smallDelta (NumberSpinner)', () => {
    assert.equal((propsOf(z.int())['constraints'] as { places: string }).places, '0');
    const hours = propsOf(z.number().min(0).max(24).multipleOf(0.25));
    assert.equal(widgetOf(z.number().multipleOf(0.25)), 'dijit/form/NumberSpinner');
    assert.deepEqual(hours['constraints'], { min: 0, max: 24, places: '0,2' });
    assert.equal(hours['smallDelta'], 0.25);
  });
  it('date bounds -> DateTextBox constraints as ISO days', () => {
    const props = propsOf(z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')));
    assert.equal(widgetOf(z.date()), 'dijit/form/DateTextBox');
    assert.deepEqual(props['constraints'], { min: '2020-01-01', max: '2030-12-31' });
    assert.equal(widgetOf(z.iso.date()), 'dijit/form/DateTextBox');
  });
  it('time -> TimeTextBox', () => {
    assert.equal(widgetOf(z.iso.time()), 'dijit/form/TimeTextBox');
  });
  it('help -> promptMessage; messages -> missingMessage, invalidMessage, rangeMessage (HTML-escaped)', () => {
    const props = propsOf(z.number().min(0), { help: 'a <b>', messages: { required: 'need', invalid: 'bad "x"', range: 'far & away' } });
    assert.deepEqual(
      [props['promptMessage'], props['missingMessage'], props['invalidMessage'], props['rangeMessage']],
      ['a &lt;b&gt;', 'need', 'bad &quot;x&quot;', 'far &amp; away'],
    );
  });
  it('enum -> FilteringSelect (or Select, ComboBox, RadioButton); array of enum -> MultiSelect or CheckBox group', () => {
    assert.equal(widgetOf(z.enum(['a'])), 'dijit/form/FilteringSelect');
    assert.equal(widgetOf(z.array(z.enum(['a']))), 'dijit/form/MultiSelect');
    const group = new FormDefinition('g', z.object({ f: z.array(z.enum(['a', 'b'])) }), { fields: { f: { widget: 'dijit/form/CheckBox' } } });
    assert.equal(group.compiled.fields[0]?.markup, 'checkboxes');
    const radios = new FormDefinition('r', z.object({ f: z.enum(['a', 'b']) }), { fields: { f: { widget: 'dijit/form/RadioButton' } } });
    assert.equal(radios.compiled.fields[0]?.markup, 'radios');
  });
  it('boolean -> CheckBox; long text -> SimpleTextarea; password -> type password', () => {
    assert.equal(widgetOf(z.boolean()), 'dijit/form/CheckBox');
    assert.equal(widgetOf(z.string().max(1000)), 'dijit/form/SimpleTextarea');
    assert.equal(widgetOf(z.string().max(255)), 'dijit/form/ValidationTextBox');
    assert.equal(propsOf(z.string(), { password: true })['type'], 'password');
  });
  it('covers every row of the table', () => {
    assert.deepEqual(Object.keys(DEFAULT_ATTR_MAP), ['required', 'maxLength', 'pattern', 'min', 'max', 'places', 'step', 'help', 'requiredMessage', 'invalidMessage', 'rangeMessage']);
  });
});

describe('overriding the table', () => {
  it('per field: a fact goes to another property, with a converter, or nowhere', () => {
    const props = propsOf(z.string().max(16).regex(/^\w+$/), {
      attrMap: { maxLength: { to: 'constraints.maxChars', convert: (v) => Number(v) * 2 }, pattern: false },
    });
    assert.deepEqual(props, { required: true, constraints: { maxChars: 32 } });
  });
  it('per form, with the field winning', () => {
    const form = new FormDefinition('o', z.object({ a: z.string().max(5), b: z.string().max(6) }), {
      attrMap: { maxLength: { to: 'size' } },
      fields: { b: { attrMap: { maxLength: false } } },
    });
    assert.equal(form.compiled.fields[0]?.props['size'], 5);
    assert.equal(form.compiled.fields[1]?.props['size'], undefined);
  });
  it('raw props (the seed dojo_attrs) are applied last', () => {
    assert.equal(propsOf(z.string().max(5), { props: { maxLength: 3, trim: true } })['maxLength'], 3);
  });
  it('a converter that throws fails at definition, naming form and field', () => {
    assert.throws(
      () => propsOf(z.string().max(5), { attrMap: { maxLength: { to: 'x', convert: () => { throw new Error('boom'); } } } }),
      /Form "t", field "f": the converter for maxLength -> x threw: boom/,
    );
  });
});
