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

  it('a check that throws fails the parse: a check that cannot be made never passes a value', async () => {
    const broken = defineForm('checks-broken', z.object({ name: z.string() }), { fields: { name: { check: async () => { throw new Error('database down'); } } } });
    await assert.rejects(() => broken.parseAsync({ name: 'x' }), /database down/);
  });
});
