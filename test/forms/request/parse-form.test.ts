// request/parse-form.ts: a POSTed body -> typed data, or the state that shows the form again (the user's
// values, one message per field), or the state an intent asks for (no errors).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../../server/forms/define.js';
import { parseForm } from '../../../server/forms/request/parse-form.js';

const schema = z.object({
  name: z.string().min(2),
  age: z.number().int().min(18),
  items: z.array(z.object({ qty: z.number().min(1) })).max(2),
});
const form = defineForm('parse-form-order', schema, { fields: { age: { messages: { range: 'Adults only.' } } } }).compiled;
const parse = (body: unknown) => parseForm(schema, form, body);

describe('parseForm', () => {
  it('a valid body gives typed data, and the state that shows it', () => {
    const result = parse({ name: 'Ada', age: '36', 'items.0.qty': '2' });
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.data, { name: 'Ada', age: 36, items: [{ qty: 2 }] });
    assert.deepEqual(result.state.errors, {});
  });

  it('a bad body keeps what was typed and gives one message per field, the field\'s own first', () => {
    const result = parse({ name: 'A', age: '12', 'items.0.qty': 'x' });
    assert.equal(result.ok, false);
    assert.deepEqual(result.state.values, { name: 'A', age: '12', 'items.0.qty': 'x' });
    assert.equal(result.state.errors['age'], 'Adults only.');
    assert.ok(result.state.errors['name'], 'name has a message');
    assert.ok(result.state.errors['items.0.qty'], 'the row field has a message');
    assert.deepEqual(Object.keys(result.state.errors).sort(), ['age', 'items.0.qty', 'name']);
  });

  it('an intent (a row button without JavaScript) gives its state, with no errors and no data', () => {
    const result = parse({ name: '', age: '', 'items.0.qty': '3', _intent: 'add:items' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.intent, true);
    assert.deepEqual(result.state.errors, {});
    assert.equal(result.state.rows?.['items'], 2);
  });

  it('more rows than the list takes is refused before parsing, showing the rows it takes', () => {
    const result = parse({ name: 'Ada', age: '36', 'items.0.qty': '1', 'items.1.qty': '1', 'items.2.qty': '1' });
    assert.equal(result.ok, false);
    assert.equal(result.state.rows?.['items'], 2);
    assert.match(result.state.errors['items'] ?? '', /at most 2/);
  });

  it('no body at all is a form with every required field missing, never a crash', () => {
    for (const body of [undefined, null, 'text', 42]) {
      const result = parse(body);
      assert.equal(result.ok, false);
      assert.ok(result.state.errors['name'] && result.state.errors['age']);
    }
  });
});
