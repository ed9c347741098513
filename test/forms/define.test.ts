import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, FormDefinitionError } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { requestDojo } from '../new-request-dojo.js';

describe('defineForm', () => {
  it('refuses dependsOn naming a field the form lacks, naming the form and field', () => {
    const source = { search: async () => ({ items: [], total: 0 }), get: async () => null };
    assert.throws(
      () => defineForm('depends-on-missing', z.object({ country: z.string(), region: z.string() }), { fields: { region: { choices: source, dependsOn: ['contry'] } } }),
      (err: Error) => err instanceof FormDefinitionError && /Form "depends-on-missing", field "region": dependsOn names "contry", which is not a field of this form/.test(err.message),
    );
    assert.doesNotThrow(() => defineForm('depends-on-present', z.object({ country: z.string(), region: z.string() }), { fields: { region: { choices: source, dependsOn: ['country'] } } }));
  });

  it('compiles once per definition: renders and parses never read the schema again', () => {
    const field = z.string();
    let reads = 0;
    const def = field.def;
    Object.defineProperty(field, 'def', { get: () => (reads++, def), configurable: true });
    const form = defineForm('cache-test', z.object({ a: field }));
    const readsToCompile = reads;
    assert.ok(readsToCompile > 0);
    assert.deepEqual(form.compiled.modules, ['dijitize/Form', 'dijit/form/Button', 'dijit/form/ValidationTextBox']);
    for (let i = 0; i < 3; i++) {
      requestDojo().form(form, { values: { a: String(i) }, errors: { a: 'wrong' } });
      form.parse({ a: String(i) });
    }
    assert.equal(reads, readsToCompile);
  });

  it('reads nested objects as dotted paths', () => {
    const form = new FormDefinition('n', z.object({ address: z.object({ street: z.string(), zip: z.string().length(5) }) }), {
      fields: { 'address.street': { label: 'Street' } },
    });
    assert.deepEqual(form.compiled.fields.map((f) => [f.path, f.id, f.label]), [
      ['address.street', 'n-address-street', 'Street'],
      ['address.zip', 'n-address-zip', 'Zip'],
    ]);
  });

  const bad: Array<[string, () => unknown, RegExp]> = [
    ['an unknown Dijit class', () => new FormDefinition('f', z.object({ a: z.string() }), { fields: { a: { widget: 'dijit/form/Nope' as never } } }), /Form "f", field "a": unknown Dijit class "dijit\/form\/Nope"/],
    ['a widget that does not fit the type', () => new FormDefinition('f', z.object({ a: z.boolean() }), { fields: { a: { widget: 'dijit/form/DateTextBox' } } }), /Form "f", field "a": dijit\/form\/DateTextBox does not fit a boolean field/],
    ['a field the schema lacks', () => new FormDefinition('f', z.object({ a: z.string() }), { fields: { b: {} } as never }), /Form "f", field "b": the schema has no such field/],
    ['a type with no field', () => new FormDefinition('f', z.object({ a: z.map(z.string(), z.string()) })), /Form "f", field "a": zod type "map" has no form field/],
    ['choices the enum lacks', () => new FormDefinition('f', z.object({ a: z.enum(['x']) }), { fields: { a: { choices: { y: 'Y' } } } }), /Form "f", field "a": choices name values the schema does not allow: y/],
    ['a select without choices', () => new FormDefinition('f', z.object({ a: z.string() }), { fields: { a: { widget: 'dijit/form/Select' } } }), /needs choices/],
    ['a bad id', () => new FormDefinition('f', z.object({ a: z.string() }), { id: '1"x' }), /Form "f": the id "1\\"x" must start with a letter/],
    ['a schema that is not an object', () => new FormDefinition('f', z.string() as never), /Form "f", field "\(form\)": a form schema must be z.object/],
    ['a custom widget with a bad module id', () => new FormDefinition('f', z.object({ a: z.string() }), { fields: { a: { widget: { module: 'x y', base: 'dijit/form/TextBox' } } } }), /not an AMD module id/],
  ];
  for (const [what, define, message] of bad) {
    it(`fails on ${what}, naming the form and field`, () => {
      assert.throws(define, (err: unknown) => err instanceof FormDefinitionError && message.test(err.message));
    });
  }

  it('refuses a second, different form under a name already used', () => {
    defineForm('dup', z.object({ a: z.string() }));
    assert.throws(() => defineForm('dup', z.object({ b: z.string() })), /Form "dup": a different form with this name is already defined/);
  });

  it('accepts a custom widget built on a known class', () => {
    const form = new FormDefinition('c', z.object({ a: z.string().max(3) }), { fields: { a: { widget: { module: 'app/UpperBox', base: 'dijit/form/ValidationTextBox' } } } });
    assert.equal(form.compiled.fields[0]?.module, 'app/UpperBox');
    assert.equal(form.compiled.fields[0]?.props['maxLength'], 3);
    assert.ok(form.compiled.modules.includes('app/UpperBox'));
  });
});
