import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { DefinitionProblem } from '../../../server/common/errors.js';
import { introspectField, introspectObject } from '../../../server/forms/schema/introspect.js';
import { type SchemaFacts } from '../../../server/forms/model/schema-facts.js';

/** The facts of one schema, without the fields every result has unless the test names them. */
function facts(schema: z.ZodType): Partial<SchemaFacts> {
  const { path: _path, patterns, required, nullable, ...rest } = introspectField('f', schema);
  return { ...rest, ...(patterns.length ? { patterns } : {}), ...(required ? {} : { required }), ...(nullable ? { nullable } : {}) };
}

describe('introspection, a zod type at a time', () => {
  it('z.string(): lengths, and .regex() with its flags', () => {
    assert.deepEqual(facts(z.string()), { kind: 'string' });
    assert.deepEqual(facts(z.string().min(2).max(5)), { kind: 'string', minLength: 2, maxLength: 5 });
    assert.deepEqual(facts(z.string().length(3)), { kind: 'string', minLength: 3, maxLength: 3 });
    assert.deepEqual(facts(z.string().regex(/^a+$/i)), { kind: 'string', patterns: [{ source: '^a+$', flags: 'i', from: 'regex' }] });
  });

  it('string formats: z.email() brings its pattern, z.url() ours, z.iso.date() and z.iso.time() are their own kinds', () => {
    const email = facts(z.email());
    assert.equal(email.format, 'email');
    assert.equal(email.patterns?.[0]?.from, 'email');
    const url = facts(z.url());
    assert.equal(url.format, 'url');
    assert.equal(url.patterns?.[0]?.from, 'url');
    assert.deepEqual(facts(z.iso.date()), { kind: 'isoDate' });
    assert.deepEqual(facts(z.iso.time()), { kind: 'time' });
  });

  it('z.number(): bounds, exclusive ones, whole numbers and steps', () => {
    assert.deepEqual(facts(z.number().min(1).max(9)), { kind: 'number', min: 1, minExclusive: false, max: 9, maxExclusive: false });
    assert.deepEqual(facts(z.number().gt(0).lt(1)), { kind: 'number', min: 0, minExclusive: true, max: 1, maxExclusive: true });
    assert.deepEqual(facts(z.int()), { kind: 'number', integer: true });
    assert.deepEqual(facts(z.number().multipleOf(0.5)), { kind: 'number', step: 0.5 });
  });

  it('z.boolean()', () => {
    assert.deepEqual(facts(z.boolean()), { kind: 'boolean' });
  });

  it('z.date(): bounds as ISO days', () => {
    assert.deepEqual(facts(z.date().min(new Date('2026-01-01T00:00:00Z'))), { kind: 'date', min: '2026-01-01', minExclusive: false });
  });

  it('z.enum() and text literals: the values; z.literal(true): a box that must be ticked; other literals: refused naming the field', () => {
    assert.deepEqual(facts(z.enum(['a', 'b'])), { kind: 'enum', values: ['a', 'b'] });
    assert.deepEqual(facts(z.literal(['x', 'y'])), { kind: 'enum', values: ['x', 'y'] });
    assert.deepEqual(facts(z.literal(true)), { kind: 'boolean', mustBeTicked: true });
    for (const literal of [z.literal(false), z.literal(2), z.literal(['x', 2]), z.literal(null)]) {
      assert.throws(() => facts(literal), /has no form field: use z\.literal\(true\) for a box that must be ticked/);
    }
  });

  it('z.array(z.enum()): several choices, with counts; required only when at least one is', () => {
    assert.deepEqual(facts(z.array(z.enum(['a', 'b']))), { kind: 'multiEnum', values: ['a', 'b'], required: false });
    assert.deepEqual(facts(z.array(z.enum(['a', 'b'])).min(1).max(2)), { kind: 'multiEnum', values: ['a', 'b'], minItems: 1, maxItems: 2 });
  });

  it('wrappers: optional, nullable and default make a field not required; pipes are read from their input', () => {
    assert.deepEqual(facts(z.string().optional()), { kind: 'string', required: false });
    assert.deepEqual(facts(z.number().nullable()), { kind: 'number', required: false, nullable: true });
    assert.deepEqual(facts(z.string().default('x')), { kind: 'string', required: false, defaultValue: 'x' });
    assert.deepEqual(facts(z.string().transform((s) => s.length)), { kind: 'string' });
    assert.deepEqual(facts(z.coerce.number().min(1)), { kind: 'number', min: 1, minExclusive: false });
  });

  it('z.object(): nested objects become dotted paths', () => {
    assert.deepEqual(introspectObject(z.object({ a: z.string(), b: z.object({ c: z.number() }) })).map((f) => [f.path, 'kind' in f ? f.kind : 'list']), [['a', 'string'], ['b.c', 'number']]);
  });

  it('z.array(z.object()): a list of rows, its count bounds, each row field at path.$row.name', () => {
    const [items] = introspectObject(z.object({ items: z.array(z.object({ sku: z.string(), qty: z.int().min(1) })).min(1).max(20) }));
    assert.ok(items && 'rows' in items);
    assert.deepEqual({ ...items, rows: items.rows.map((r) => [r.path, r.kind]) }, { path: 'items', minItems: 1, maxItems: 20, rows: [['items.$row.sku', 'string'], ['items.$row.qty', 'number']] });
    assert.throws(() => introspectObject(z.object({ a: z.array(z.object({ b: z.array(z.object({ c: z.string() })) })) })), /a list inside a list/);
  });

  it('types with no form field are a definition problem naming the field', () => {
    for (const schema of [z.bigint(), z.array(z.number()), z.union([z.string(), z.number()])]) {
      assert.throws(() => introspectField('f', schema), (err: unknown) => err instanceof DefinitionProblem && err.path === 'f');
    }
    assert.throws(() => introspectObject(z.string()), /a form schema must be z.object/);
  });
});
