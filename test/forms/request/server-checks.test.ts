// Checks only the server can make: a field's `check` and the form's, and zod's async refinements, run by
// parseAsync with the request at hand; parse refuses a form that has them (it would skip them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../../server/index.js';

const seen: unknown[] = [];
const signup = defineForm(
  'checks-signup',
  z.object({
    name: z.string().min(2),
    coupon: z.string().optional(),
    city: z.string().refine(async (city) => city !== 'Atlantis', 'No such city.'),
  }),
  {
    fields: {
      name: { check: async (name, ctx) => (seen.push(ctx.values), name === 'taken' ? 'That name is taken.' : null) },
      coupon: { check: (code) => (code === 'FREE' ? null : 'No such coupon.') },
    },
    check: async (data) => (data.name === 'ada' && data.city === 'Paris' ? { city: 'Ada never lived in Paris.' } : data.name === 'grace' ? 'Grace is away.' : null),
  },
);

describe('server checks', () => {
  it('run in parseAsync after the field\'s schema passed, with the form\'s values; an empty optional field is not checked', async () => {
    const ok = await signup.parseAsync({ name: 'free', city: 'Oslo' });
    assert.equal(ok.ok, true);
    const refused = await signup.parseAsync({ name: 'taken', coupon: 'NOPE', city: 'Atlantis' });
    assert.deepEqual(refused.state.errors, { name: 'That name is taken.', coupon: 'No such coupon.', city: 'No such city.' });
    assert.deepEqual(seen.at(-1), { name: 'taken', coupon: 'NOPE', city: 'Atlantis' });
    // A value its schema refuses is not checked.
    const short = await signup.parseAsync({ name: 't', city: 'Oslo' });
    assert.notEqual(short.state.errors['name'], 'That name is taken.');
  });

  it('the form\'s check runs once every field passed: a message for the form, or messages by field', async () => {
    assert.deepEqual((await signup.parseAsync({ name: 'ada', city: 'Paris' })).state.errors, { city: 'Ada never lived in Paris.' });
    assert.deepEqual((await signup.parseAsync({ name: 'grace', city: 'Oslo' })).state.formErrors, ['Grace is away.']);
  });

  it('`only` runs one field\'s check (a live check), never the form\'s', async () => {
    const result = await signup.parseAsync({ name: 'taken', coupon: 'NOPE', city: 'Oslo' }, { only: 'coupon' });
    assert.equal(result.state.errors['coupon'], 'No such coupon.');
    assert.equal(result.state.errors['name'], undefined);
  });

  it('parse refuses a form with checks, naming parseAsync', () => {
    assert.throws(() => signup.parse({ name: 'x' }), /form "checks-signup" has server checks \(check options, or choices from a source\): parse it with await form\.parseAsync/);
  });

  it('a check, form check or source that throws refuses the value with "try again", keeping what was typed: never passed, never a 500', async () => {
    const down = async (): Promise<never> => {
      throw new Error('database down');
    };
    const broken = defineForm('checks-broken', z.object({ name: z.string() }), { fields: { name: { check: down } } });
    const field = await broken.parseAsync({ name: 'x' });
    assert.equal(field.ok, false);
    assert.deepEqual([field.state.errors, field.state.values], [{ name: 'This could not be checked just now. Try again in a moment.' }, { name: 'x' }]);
    const whole = defineForm('checks-broken-form', z.object({ name: z.string() }), { check: down });
    assert.deepEqual((await whole.parseAsync({ name: 'x' })).state.formErrors, ['The form could not be checked just now. Try again in a moment.']);
    const sourced = defineForm('checks-broken-source', z.object({ city: z.string() }), { fields: { city: { choices: { search: down, get: down } } } });
    const source = await sourced.parseAsync({ city: 'Oslo' });
    assert.deepEqual([source.ok, source.state.errors], [false, { city: 'This could not be checked just now. Try again in a moment.' }]);
  });
});
