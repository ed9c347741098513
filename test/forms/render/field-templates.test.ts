// The field templates (a re-rendered form fills slots instead of rendering its fields again) must give
// what rendering gives, to the byte: property-tested over generated states of real forms, with values and
// errors rich in what escaping must handle, choice values (they choose markup) and repeated values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod';
import { FormDefinition } from '../../../server/forms/define.js';
import { fieldHtmlOf, fieldJsonOf } from '../../../server/forms/render/field-templates.js';
import { fieldHtml, shownValue } from '../../../server/forms/render/field-html.js';
import { render } from '../../../server/forms/render/render.js';
import { shownFields, shownParts } from '../../../server/forms/model/shown-parts.js';
import { fieldInstances } from '../../../server/forms/render/widget-spec.js';
import type { CompiledForm } from '../../../server/forms/model/compiled-form.js';
import type { FormState } from '../../../server/forms/model/form-state.js';
import { register, timecard } from '../../../demo/forms.js';
import { order } from '../../../demo/order-forms.js';
import { benchForm } from '../../../bench/bench-forms.js';

const HOSTILE = ['</script>', '<!--', '"', "'", '&', '<', '>', '\u2028', '\\', '\uE000', '\uE000value\uE000', '"\uE000v0\uE000"', ' '];
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 2 })), maxLength: 12 });
const CHOICES = ['alpha', 'beta', 'red', 'x"y', 'a', 'b', 'on', 'true', '12.5', '2026-03-14', 'T09:30:00', 'tea', 'ship', ''];
const value = fc.oneof(text, fc.constantFrom(...CHOICES), fc.array(fc.constantFrom(...CHOICES), { maxLength: 3 }));
const error = fc.option(text, { nil: undefined });

const hostileForm = new FormDefinition(
  'h',
  z.object({ name: z.string().max(40), color: z.enum(['red', 'x"y']), agree: z.boolean(), tags: z.array(z.enum(['a', 'b'])), pin: z.string().min(4) }),
  {
    submitLabel: '</script>',
    fields: {
      // A label holding the marker character: this field cannot be templated and renders each time.
      name: { label: 'Name \uE000value\uE000 <b>', help: '"help"', messages: { invalid: '<i>' } },
      color: { choices: { red: '<Red>' } },
      tags: { widget: 'dijit/form/CheckBox' },
      pin: { password: true },
    },
  },
);
const FORMS: Array<[string, CompiledForm]> = [
  ['hostile texts', hostileForm.compiled],
  ['register (demo)', register.compiled],
  ['timecard (demo)', timecard.compiled],
  ['order: rows and sections (demo)', order.compiled],
  ['20 fields of every kind (bench)', benchForm(20).compiled],
];

/** A state of a form: a value and maybe an error for each field shown with `rows` rows per list. */
const stateOf = (form: CompiledForm) =>
  fc.record({ rows: fc.integer({ min: 0, max: 3 }), values: fc.array(value, { minLength: 40, maxLength: 40 }), errors: fc.array(error, { minLength: 40, maxLength: 40 }) }).map((g): Partial<FormState> => {
    const counts = Object.fromEntries(form.lists.map((l) => [l.path, g.rows]));
    const fields = shownFields(shownParts(form, {}, counts));
    const state: FormState = { values: {}, errors: {}, formErrors: [], rows: counts };
    fields.forEach((f, i) => {
      const v = g.values[i % 40];
      const e = g.errors[i % 40];
      if (v !== undefined) state.values[f.path] = v;
      if (e) state.errors[f.path] = e;
    });
    return state;
  });

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('field templates', () => {
  for (const [name, form] of FORMS) {
    it(`${name}: each field's HTML and widget JSON from its template are what rendering gives`, () => {
      fc.assert(
        fc.property(stateOf(form), (state) => {
          for (const field of shownFields(shownParts(form, state.values ?? {}, state.rows))) {
            assert.equal(fieldHtmlOf(field, state), fieldHtml(field, state));
            const instances = fieldInstances(field, shownValue(field, state), state.errors?.[field.path]);
            assert.deepEqual(JSON.parse(`[${fieldJsonOf(field, state)}]`), roundTrip(instances));
          }
        }),
        { numRuns: 400 },
      );
    });

    it(`${name}: the form's spec JSON is its spec`, () => {
      fc.assert(
        fc.property(stateOf(form), (state) => {
          const rendering = render(form, state);
          assert.deepEqual(JSON.parse(rendering.specJson), roundTrip(rendering.spec));
          assert.ok(!/<\/script|<!--|\u2028/.test(rendering.specJson), 'script-safe');
        }),
        { numRuns: 200 },
      );
    });
  }

  it('a flood of values a select does not offer: each renders as rendering does (its templates are keyed by the choices selected, not by the text)', () => {
    const field = benchForm(10).compiled.fields[3]; // an enum: its value chooses markup
    assert.equal(field?.markup, 'select');
    if (!field) return;
    for (let i = 0; i < 1000; i++) {
      const state: Partial<FormState> = { values: { [field.path]: `v${i}` }, errors: {} };
      assert.equal(fieldHtmlOf(field, state), fieldHtml(field, state));
    }
  });
});
