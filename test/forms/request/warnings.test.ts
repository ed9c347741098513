// Warnings ask, they do not refuse: a field's `warn` and the form's, run by parseAsync once the values
// passed; not confirmed, they bring a valid form back (`warned`) with a box per warning; the box's token
// confirms that warning for that value only; confirmed ones go with the data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, type ParseResult } from '../../../server/index.js';
import { render } from '../../../server/forms/render/render.js';

const expense = defineForm(
  'warnings-expense',
  z.object({
    amount: z.number().min(0),
    day: z.string().min(1),
    note: z.string().optional(),
    pin: z.string().optional(),
  }),
  {
    fields: {
      amount: { warn: async (amount) => (Number(amount) > 1000 ? 'That is ten times the usual amount.' : null) },
      day: { warn: (day) => (day === 'Sunday' ? 'A day on a Sunday?' : undefined) },
      pin: { password: true, warn: () => 'A short PIN.' },
    },
    warn: (data) => (data.note === 'late' ? 'Sent after the deadline.' : null),
  },
);

/** The tokens of a result's open warnings, as the boxes post them. */
const ticked = (result: ParseResult<unknown>, ...paths: string[]) => paths.map((p) => result.state.warnings?.[p]?.token ?? 'missing');

describe('warnings', () => {
  it('bring a valid form back (warned, not refused) with each warning and the token of its box', async () => {
    const result = await expense.parseAsync({ amount: '5000', day: 'Sunday' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.warned, true);
    assert.deepEqual(result.state.errors, {});
    assert.deepEqual(Object.fromEntries(Object.entries(result.state.warnings ?? {}).map(([p, w]) => [p, w.message])), { amount: 'That is ten times the usual amount.', day: 'A day on a Sunday?' });
    assert.match(result.state.warnings?.['amount']?.token ?? '', /^[\w-]{22}$/);
  });

  it('confirmed for the same values, the form passes and result.warnings says what was confirmed', async () => {
    const first = await expense.parseAsync({ amount: '5000', day: 'Sunday' });
    const second = await expense.parseAsync({ amount: '5000', day: 'Sunday', _warned: ticked(first, 'amount', 'day') });
    assert.equal(second.ok, true);
    assert.deepEqual(second.ok && second.warnings, [
      { path: 'amount', message: 'That is ten times the usual amount.' },
      { path: 'day', message: 'A day on a Sunday?' },
    ]);
  });

  it('a confirmed warning comes back when its value changed, and only that one', async () => {
    const first = await expense.parseAsync({ amount: '5000', day: 'Sunday' });
    const again = await expense.parseAsync({ amount: '6000', day: 'Sunday', _warned: ticked(first, 'amount', 'day') });
    assert.equal(!again.ok && again.warned, true);
    assert.deepEqual(Object.keys(again.state.warnings ?? {}), ['amount']);
    // A token is for one form, field and value: another field's, or a made-up one, confirms nothing.
    const forged = await expense.parseAsync({ amount: '5000', day: 'Sunday', _warned: [ticked(first, 'day')[0], 'x'.repeat(22)] });
    assert.deepEqual(Object.keys(forged.state.warnings ?? {}), ['amount']);
  });

  it('a field with an error is not asked about; a refused form shows the other fields\' warnings with its errors', async () => {
    const result = await expense.parseAsync({ amount: '-1', day: 'Sunday' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.warned, undefined);
    assert.ok(result.state.errors['amount']);
    assert.deepEqual(Object.keys(result.state.warnings ?? {}), ['day']);
  });

  it('the form\'s own warning asks once every field passed; confirmed, it asks again when any value changed', async () => {
    const first = await expense.parseAsync({ amount: '10', day: 'Monday', note: 'late' });
    assert.equal(first.state.warnings?.['']?.message, 'Sent after the deadline.');
    const confirmed = await expense.parseAsync({ amount: '10', day: 'Monday', note: 'late', _warned: ticked(first, '') });
    assert.equal(confirmed.ok, true);
    const changed = await expense.parseAsync({ amount: '11', day: 'Monday', note: 'late', _warned: ticked(first, '') });
    assert.equal(!changed.ok && changed.warned, true);
  });

  it('a password\'s value is never in its token, not even hashed: its warning stays confirmed as it changes', async () => {
    const first = await expense.parseAsync({ amount: '10', day: 'Monday', pin: '1234' });
    const token = ticked(first, 'pin');
    assert.equal((await expense.parseAsync({ amount: '10', day: 'Monday', pin: '9876', _warned: token })).ok, true);
  });

  it('a warning that throws asks nothing: a valid form passes', async () => {
    const shaky = defineForm('warnings-shaky', z.object({ name: z.string() }), {
      fields: {
        name: {
          warn: async () => {
            throw new Error('database down');
          },
        },
      },
    });
    assert.equal((await shaky.parseAsync({ name: 'Ada' })).ok, true);
  });

  it('`only` (a live check) says the field\'s warning without refusing anything', async () => {
    const result = await expense.parseAsync({ amount: '5000', day: 'Sunday' }, { only: 'amount' });
    assert.deepEqual(Object.keys(result.state.warnings ?? {}), ['amount']);
    assert.equal('warned' in result, false);
  });

  it('a warn that is not a function, or a leaveGuard that is not a boolean, fails at definition naming the form and field', () => {
    assert.throws(() => defineForm('warnings-bad', z.object({ n: z.number() }), { fields: { n: { warn: 'big' as never } } }), /Form "warnings-bad", field "n": warn must be a function of the value/);
    assert.throws(() => defineForm('warnings-bad-form', z.object({ n: z.number() }), { warn: {} as never }), /Form "warnings-bad-form": warn must be a function of the form's data/);
    assert.throws(() => defineForm('guard-bad', z.object({ n: z.number() }), { leaveGuard: 'no' as never }), /Form "guard-bad": leaveGuard must be true or false, not "no"/);
  });

  it('parse refuses a form with warnings, naming parseAsync', () => {
    assert.throws(() => expense.parse({ amount: '1', day: 'Monday' }), /parseAsync/);
  });

  it('renders each warning at its field (described by it, its box unticked) and a summary, in the form\'s language', async () => {
    const result = await expense.parseAsync({ amount: '5000', day: 'Monday' });
    const html = render(expense.compiled, result.state).html;
    assert.match(html, /<input type="number" id="warnings-expense-amount" name="amount" aria-describedby="warnings-expense-amount-warning"/);
    assert.match(html, /<div class="dijitize-warning" id="warnings-expense-amount-warning" aria-live="polite"><span class="dijitize-warning-text"><span class="dijitize-warning-icon" aria-hidden="true">⚠<\/span> <strong>Warning:<\/strong> That is ten times the usual amount\.<\/span>/);
    assert.match(html, new RegExp(`<input type="checkbox" id="warnings-expense-amount-warning-anyway" name="_warned" value="${result.state.warnings?.['amount']?.token}"> <label for="warnings-expense-amount-warning-anyway">Send it anyway</label>`));
    assert.match(html, /class="dijitize-warning-summary"[^>]*autofocus/);
    assert.match(html, /<a href="#warnings-expense-amount-warning-anyway">Amount: That is ten times the usual amount\.<\/a>/);
    // The day's place is there, empty: a live check fills it in.
    assert.match(html, /<div class="dijitize-warning" id="warnings-expense-day-warning" aria-live="polite"><\/div>/);
    const german = render(expense.compiledFor('de', 'de'), result.state).html;
    assert.match(german, /Trotzdem senden/);
    assert.match(german, /Vor dem Senden prüfen/);
    assert.doesNotMatch(german, /Send it anyway|Check before you send/);
  });
});
