// "Accept the terms", zod's way: z.literal(true) is a Dijit CheckBox that must be ticked. Without
// JavaScript the browser's own check asks for it (required); with it, the form's check counts it; the
// server takes "on" or "true" and says "required" for an unticked box, never zod's "expected true".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, FormDefinitionError } from '../../server/index.js';
import { render } from '../../server/forms/render/render.js';

const signup = defineForm('must-tick-signup', z.object({ name: z.string().min(2), terms: z.literal(true) }), {
  fields: { terms: { label: 'I accept the terms' } },
});

describe('z.literal(true)', () => {
  it('renders a required checkbox made a Dijit CheckBox, checked by the form as a count of one', () => {
    const { html, spec } = render(signup.compiled);
    assert.match(html, /<input type="checkbox" id="must-tick-signup-terms" name="terms"[^>]* value="on" required>/);
    assert.ok(spec.widgets.some((w) => w.node === 'must-tick-signup-terms' && w.module === 'dijit/form/CheckBox'));
    assert.deepEqual(
      spec.counts.map((c) => [c.name, c.min, c.max, c.tooFew]),
      [['terms', 1, null, 'This value is required.']],
    );
  });

  it('is sent ticked ("on" or "true"), and refused unticked with the required message', () => {
    for (const ticked of ['on', 'true']) {
      const result = signup.parse({ name: 'Ada', terms: ticked });
      assert.equal(result.ok, true, ticked);
      assert.deepEqual(result.ok && result.data, { name: 'Ada', terms: true });
    }
    const unticked = signup.parse({ name: 'Ada' });
    assert.equal(unticked.ok, false);
    assert.equal(unticked.ok ? '' : unticked.state.errors['terms'], 'This value is required.');
  });

  it('another literal that no field can post fails at definition naming the form and field', () => {
    assert.throws(
      () => defineForm('must-tick-bad', z.object({ zero: z.literal(0) })),
      (err: Error) => err instanceof FormDefinitionError && /Form "must-tick-bad", field "zero": z\.literal\(0\) has no form field/.test(err.message),
    );
  });
});
