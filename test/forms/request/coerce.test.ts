import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { FormDefinition } from '../../../server/forms/define.js';

const form = new FormDefinition(
  'c',
  z.object({
    name: z.string().min(1),
    nick: z.string().optional(),
    middle: z.string().nullable(),
    age: z.number().int().min(0),
    agree: z.boolean(),
    day: z.date(),
    isoDay: z.iso.date().optional(),
    start: z.iso.time(),
    color: z.enum(['red', 'blue']),
    tags: z.array(z.enum(['a', 'b', 'c'])),
    address: z.object({ street: z.string() }),
  }),
);
const valid = {
  name: 'Ada', nick: '', middle: '', age: '36', agree: 'on', day: '2026-03-14', isoDay: '2026-03-15', start: 'T09:30:00',
  color: 'red', tags: ['a', 'c'], 'address.street': 'Main St',
};

describe('coercion of POSTed values', () => {
  it('turns strings into the types the schema expects', () => {
    const result = form.parse(valid);
    assert.ok(result.ok);
    assert.deepEqual(result.data, {
      name: 'Ada', middle: null, age: 36, agree: true, day: new Date(Date.UTC(2026, 2, 14)), isoDay: '2026-03-15',
      start: '09:30:00', color: 'red', tags: ['a', 'c'], address: { street: 'Main St' },
    });
  });
  it('an empty string is a missing value (undefined; null for a nullable field)', () => {
    const result = form.parse({ ...valid, name: '' });
    assert.ok(!result.ok);
    assert.equal(result.state.errors['name'], 'This value is required.');
    assert.equal(result.state.values['name'], '');
  });
  it('a choice left empty is "required" too, not the enum\'s "invalid option" (zod reports it as invalid_value)', () => {
    for (const color of ['', undefined]) {
      const result = form.parse({ ...valid, color });
      assert.ok(!result.ok);
      assert.equal(result.state.errors['color'], 'This value is required.');
    }
    const wrong = form.parse({ ...valid, color: 'purple' });
    assert.ok(!wrong.ok);
    assert.equal(wrong.state.errors['color'], 'Choose one of the choices.');
  });
  it('an unchecked checkbox (absent) is false; "false", "0", "off" are false', () => {
    const { agree: _drop, ...rest } = valid;
    const r1 = form.parse(rest);
    assert.ok(r1.ok && r1.data.agree === false);
    for (const v of ['false', '0', 'off']) {
      const r = form.parse({ ...valid, agree: v });
      assert.ok(r.ok && r.data.agree === false, v);
    }
  });
  it('a repeated name is an array; one value for an array field is a one-item array; none is []', () => {
    const one = form.parse({ ...valid, tags: 'b' });
    assert.ok(one.ok && one.data.tags.join() === 'b');
    const { tags: _t, ...rest } = valid;
    const none = form.parse(rest);
    assert.ok(none.ok && none.data.tags.length === 0);
  });
  it('numbers: decimal text only; anything else is the field\'s invalid error', () => {
    const bad = form.parse({ ...valid, age: '3x' });
    assert.ok(!bad.ok);
    assert.equal(bad.state.errors['age'], 'Enter a number.');
    const spaced = form.parse({ ...valid, age: ' 7 ' });
    assert.ok(spaced.ok && spaced.data.age === 7);
  });
  it('dates: the ISO yyyy-mm-dd that DateTextBox submits, real calendar days only', () => {
    const bad = form.parse({ ...valid, day: '2026-02-30' });
    assert.ok(!bad.ok && bad.state.errors['day']);
  });
  it('times: THH:mm:ss from TimeTextBox and HH:mm from a native input', () => {
    const native = form.parse({ ...valid, start: '14:05' });
    assert.ok(native.ok && native.data.start === '14:05');
  });
  it('several values for a single field are an error, not a crash', () => {
    const r = form.parse({ ...valid, name: ['a', 'b'] });
    assert.ok(!r.ok && r.state.errors['name']);
  });
  it('unknown fields and prototype keys are ignored and never reach objects', () => {
    const body = Object.assign(Object.create(null), valid, { __proto__: 'x', constructor: 'y', 'address.__proto__': 'z', extra: '1' });
    const r = form.parse(body);
    assert.ok(r.ok);
    assert.equal(Object.getPrototypeOf(r.data.address), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['street'], undefined);
    assert.ok(!('extra' in r.data));
  });
  it('a body that is not an object gives every field its error', () => {
    const r = form.parse(undefined);
    assert.ok(!r.ok && r.state.errors['name'] === 'This value is required.');
  });
});

describe('initial values for edit forms', () => {
  it('turns typed data back into what the form shows, and parses back to the same data', () => {
    const data = {
      name: 'Ada', middle: null, age: 36, agree: true, day: new Date(Date.UTC(2026, 2, 14)), isoDay: '2026-03-15',
      start: '09:30:00', color: 'red' as const, tags: ['a', 'c'] as Array<'a' | 'c'>, address: { street: 'Main St' },
    };
    const state = form.initial(data);
    assert.deepEqual(state.values, {
      name: 'Ada', age: '36', agree: 'on', day: '2026-03-14', isoDay: '2026-03-15', start: '09:30:00', color: 'red', tags: ['a', 'c'], 'address.street': 'Main St',
    });
    const again = form.parse(state.values);
    assert.ok(again.ok);
    assert.deepEqual(again.data, data);
  });
});

describe('server messages', () => {
  const messages = new FormDefinition('m', z.object({
    n: z.number().min(1).max(5),
    s: z.string().regex(/^a+$/).refine((v) => v !== 'aaa', 'Not three.'),
  }).refine((v) => v.n !== 2, 'Two is not allowed here.'), {
    fields: { n: { messages: { required: 'Need n', range: 'One to five' } }, s: { messages: { invalid: 'Only a' } } },
  });
  it('missing -> required, out of range -> range, malformed -> invalid, refinements keep their own', () => {
    const r = messages.parse({ n: '9', s: 'b' });
    assert.ok(!r.ok);
    assert.deepEqual(r.state.errors, { n: 'One to five', s: 'Only a' });
    const missing = messages.parse({ s: 'aaa' });
    assert.ok(!missing.ok);
    assert.deepEqual(missing.state.errors, { n: 'Need n', s: 'Not three.' });
  });
  it('form-level errors', () => {
    const r = messages.parse({ n: '2', s: 'a' });
    assert.ok(!r.ok);
    assert.deepEqual(r.state.formErrors, ['Two is not allowed here.']);
  });
});
