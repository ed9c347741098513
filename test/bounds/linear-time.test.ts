// Every pattern applied to what a request sends runs in linear time: adversarial text in any field is
// parsed (coercion, dijitize's patterns, zod's formats) and re-rendered in time that grows with its length,
// measured as 100 KB against 12.5 KB in the same run (test/linear-growth.ts), never in milliseconds.
// Re-rendering is measured with the text in every field at once, so that both pages are past the size at
// which V8 moves strings to its large-object space (a page that crosses it grows ~3x faster than linear
// for reasons of memory, not of patterns).
// A backtracking pattern grows far faster: 16,000 digits and an "x" once blocked the event loop ~1 s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { defineForm, dojo } from '../../server/index.js';
/** A thousand rows: the list's own .max() (a list without one takes DEFAULT_MAX_ROWS). */
const MAX_ROWS = 1000;
import { negotiateLocale } from '../../server/settings/locales.js';
import { FormDefinition } from '../../server/forms/define.js';
import { openForm, tokenField } from '../form-session.js';
import { requestDojo } from '../new-request-dojo.js';
import { withServer } from '../serve.js';
import { assertLinear, FACTOR } from '../linear-growth.js';

/** The large input's length: 100 KB (the small one is 1/FACTOR of it). */
const N = 100_000;
/** Text built to make backtracking patterns try every split, n characters long (about). */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  'digits then x': (n) => `${'1'.repeat(n)}x`,
  'digits and dots': (n) => `${'1.'.repeat(n / 2)}x`,
  'zeros then e': (n) => `${'0'.repeat(n)}e`,
  'signs': (n) => '-'.repeat(n),
  'colons': (n) => `T${'1:'.repeat(n / 2)}`,
  'dashes in a date': (n) => `2020-${'1-'.repeat(n / 2)}`,
  'letters then !': (n) => `${'a'.repeat(n)}!`,
  'at signs': (n) => 'a@'.repeat(n / 2),
  'dotted domain': (n) => `a@${'a.'.repeat(n / 2)}!`,
  'spaces then x': (n) => `${' '.repeat(n)}x`,
};
/** The adversarial text at 1/FACTOR of 100 KB (scale 1) or at 100 KB (scale FACTOR). */
const sized = (make: (n: number) => string, scale: number) => make((N / FACTOR) * scale);

/** One field of every kind, and the string formats whose patterns zod runs. */
const everyKind = new FormDefinition(
  'every-kind',
  z.object({
    text: z.string(),
    email: z.email(),
    url: z.url(),
    uuid: z.uuid(),
    pattern: z.string().regex(/^\w{2,16}$/),
    number: z.number(),
    int: z.int().min(0),
    step: z.number().multipleOf(0.25),
    date: z.date(),
    isoDate: z.iso.date(),
    time: z.iso.time(),
    datetime: z.iso.datetime(),
    choice: z.enum(['a', 'b']),
    choices: z.array(z.enum(['a', 'b'])).min(1),
    flag: z.boolean(),
  }),
);
const FIELDS = Object.keys(everyKind.schema.shape);

describe('linear time on adversarial input', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`"${name}", up to 100 KB: parsed in each field, and re-rendered in all, in linear time`, async () => {
      const texts = [sized(make, 1), sized(make, FACTOR)];
      const text = (scale: number) => (scale === 1 ? texts[0] : texts[1]);
      // Parsing is where the patterns run: field by field, so that one slow pattern is not hidden by the rest.
      for (const field of FIELDS) {
        await assertLinear(`parse ${field}`, (scale) => assert.equal(everyKind.parse({ [field]: text(scale) }).ok, false));
      }
      const states = [1, FACTOR].map((scale) => everyKind.parse(Object.fromEntries(FIELDS.map((f) => [f, text(scale)]))).state);
      await assertLinear('render', (scale) => requestDojo().form(everyKind, scale === 1 ? states[0]! : states[1]!));
    });
  }

  it('an HTTP POST of up to 100 KB of digits and an "x" as a number (and of bytes that are not UTF-8 as text) is answered (422) in linear time', async () => {
    const app = express();
    app.use(dojo({ bodyLimit: '1mb' }));
    app.get('/f', (req, res) => res.type('html').send(req.dojo.form(everyKind).html));
    app.post('/f', (req, res) => {
      const result = everyKind.parse(req.body);
      res.status(result.ok ? 200 : 422).type('html').send(req.dojo.form(everyKind, result.state).html);
    });
    await withServer(app, async (base) => {
      const s = await openForm(base, '/f');
      const bodies = [1, FACTOR].map((scale) =>
        `${tokenField(s)}number=${sized(ADVERSARIAL['digits then x']!, scale)}&step=${sized(ADVERSARIAL['digits and dots']!, scale)}&text=${'%FF'.repeat((N / FACTOR / 3) * scale)}`);
      await assertLinear('POST', async (scale) => {
        const res = await s.post('/f', scale === 1 ? bodies[0]! : bodies[1]!);
        assert.equal(res.status, 422);
        assert.match(await res.text(), /every-kind-number-error/);
      });
    });
  });

  it('a POST of up to a thousand wrong rows (three fields each: 3,000 errors) is parsed, moved and re-rendered in linear time', async () => {
    const rows = defineForm('linear-rows', z.object({ items: z.array(z.object({ a: z.int(), b: z.int(), c: z.int() })).max(MAX_ROWS) }));
    const bodyOf = (count: number) => {
      const body: Record<string, string> = {};
      for (let i = 0; i < count; i++) for (const f of ['a', 'b', 'c']) body[`items.${i}.${f}`] = 'x';
      return body;
    };
    const bodies = [bodyOf(MAX_ROWS / FACTOR), bodyOf(MAX_ROWS)];
    for (const intent of [undefined, 'down:items:0']) {
      await assertLinear(intent ?? 'parse', (scale) => {
        const body = scale === 1 ? bodies[0]! : bodies[1]!;
        const result = rows.parse(intent ? { ...body, _intent: intent } : body);
        assert.equal(Object.keys(result.state.errors).length, intent ? 0 : 3 * (MAX_ROWS / FACTOR) * scale);
        requestDojo().form(rows, result.state);
      });
    }
  });

  it('up to 100 KB of Accept-Language is negotiated in linear time', async () => {
    const headers: Array<(n: number) => string> = [(n) => 'a-'.repeat(n / 2), (n) => `de;q=${'1'.repeat(n)}`, (n) => 'en;q=0.5,'.repeat(n / 9)];
    for (const make of headers) {
      const texts = [sized(make, 1), sized(make, FACTOR)];
      await assertLinear(texts[0]!.slice(0, 12), (scale) => negotiateLocale(scale === 1 ? texts[0]! : texts[1]!, ['en-us', 'de', 'ar'], 'en-us'));
    }
  });

  it('text longer than any valid number, date or time is the field\'s invalid error', () => {
    const result = everyKind.parse({ number: `1${'0'.repeat(200)}`, date: '2020-01-01x', isoDate: '2020-01-01T00:00', time: `12:00:00.${'0'.repeat(40)}` });
    assert.equal(result.ok, false);
    for (const field of ['number', 'date', 'isoDate', 'time']) assert.ok(result.state.errors[field], field);
    assert.notEqual(result.state.errors['number'], 'This value is required.');
  });
});
