import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { AccessDeniedError, Acl } from '../../server/access/index.js';
import { defineForm, FormDefinitionError } from '../../server/index.js';
import { renderHead } from '../../server/http/head-tag.js';
import { requestDojo } from '../new-request-dojo.js';

const acl = new Acl()
  .role('customer')
  .role('employee', ['customer'])
  .role('manager', ['employee'])
  .allow('employee', 'time_card', ['read', 'write'])
  .allow('manager', 'time_card', 'approve');

const card = defineForm(
  'access-card',
  z.object({
    hours: z.number().min(0).max(24),
    day: z.date(),
    approved: z.boolean(),
    tags: z.array(z.enum(['a', 'b'])).min(1),
    review: z.string().min(2),
  }),
  {
    access: { acl, see: { resource: 'time_card', privilege: 'read' }, change: { resource: 'time_card', privilege: 'write' } },
    fields: {
      approved: { access: { change: { resource: 'time_card', privilege: 'approve' } } },
      tags: { widget: 'dijit/form/CheckBox', access: { change: { resource: 'time_card', privilege: 'approve' } } },
      // Only managers see the review at all.
      review: { access: { see: { resource: 'time_card', privilege: 'approve' }, change: { resource: 'time_card', privilege: 'approve' } } },
    },
  },
);
const current = { hours: 8, day: new Date(Date.UTC(2026, 2, 14)), approved: false, tags: ['a' as const], review: 'ok so far' };

function page(roles: string[]) {
  const d = requestDojo();
  d.roles = roles;
  const form = d.form(card, card.initial(current));
  return { html: form.html, head: renderHead(d), modules: d.modules };
}

describe('field access by role', () => {
  it('a manager sees and may change every field', () => {
    const { html } = page(['manager']);
    for (const id of ['hours', 'approved', 'tags-0', 'review']) assert.match(html, new RegExp(`id="access-card-${id}"[^>]*>`));
    assert.ok(!/disabled/.test(html), html);
  });

  it('an employee: a field she may not see is absent from the HTML, the widget spec and the modules', () => {
    const { html, head, modules } = page(['employee']);
    assert.ok(!html.includes('review') && !head.includes('review') && !html.includes('ok so far'));
    assert.ok(!modules.includes('dijit/form/ValidationTextBox'), 'only the hidden field used a ValidationTextBox');
    assert.ok(modules.includes('dijit/form/NumberTextBox'));
  });

  it('an employee: a field she may see but not change is shown read-only with its value, never required, and not posted', () => {
    const { html, head } = page(['employee']);
    // Plain HTML: disabled controls are shown and never posted.
    assert.match(html, /<input type="checkbox" id="access-card-approved" name="approved" disabled value="on">/);
    assert.match(html, /<input type="checkbox" id="access-card-tags-0" name="tags" value="a" checked disabled>/);
    assert.ok(!/access-card-tags-0[^>]*required/.test(html), 'a read-only group is not required');
    assert.match(html, /id="access-card-hours" name="hours"(?![^>]*disabled)[^>]*value="8"/);
    // The widgets are readOnly and not required; the choice count is not checked for a read-only group.
    const spec = head.slice(head.indexOf('"widgets"'));
    assert.match(spec, /"props":\{"readOnly":true,"required":false,"id":"access-card-approved"/);
    assert.ok(!spec.includes('"counts":[{'), 'no count check for the read-only group');
  });

  it('a customer may see nothing of the form: a 403', () => {
    assert.throws(() => page(['customer']), (err: unknown) => err instanceof AccessDeniedError && err.status === 403);
  });

  it('a form with access rules refuses to render or parse when no one said whose request it is', () => {
    assert.throws(() => requestDojo().form(card), /has access rules: say whose request this is, with req.dojo.roles/);
    assert.throws(() => card.parse({}), /has access rules/);
  });

  it('a tampered POST changes nothing the roles may not change, and the result says what it ignored', () => {
    const body = { hours: '7.5', day: '2026-03-15', approved: 'on', tags: ['a', 'b'], review: 'rewritten' };
    const result = card.parse(body, { roles: ['employee'], current });
    assert.ok(result.ok);
    assert.deepEqual(result.data, { hours: 7.5, day: new Date(Date.UTC(2026, 2, 15)), approved: false, tags: ['a'], review: 'ok so far' });
    assert.deepEqual(result.ignored.sort(), ['approved', 'review', 'tags']);
    // The same body from a manager is taken whole.
    const managed = card.parse(body, { roles: ['manager'], current });
    assert.ok(managed.ok);
    assert.equal(managed.data.approved, true);
    assert.deepEqual(managed.ignored, []);
  });

  it('read-only values posted unchanged (a readOnly widget posts its value) are not reported as ignored', () => {
    const result = card.parse({ hours: '8', day: '2026-03-14', tags: 'a' }, { roles: ['employee'], current });
    assert.ok(result.ok);
    assert.deepEqual(result.ignored, []);
  });

  it('a refused POST shows only what the roles may see; a bad value they may not see is a form error', () => {
    const result = card.parse({ hours: '30', day: '2026-03-14' }, { roles: ['employee'], current: { ...current, review: 'x' } });
    assert.equal(result.ok, false);
    assert.ok(result.state.errors['hours']);
    assert.equal(result.state.errors['review'], undefined);
    assert.equal(result.state.values['review'], undefined, 'the hidden value is not in the state');
    assert.equal(result.state.values['approved'], '', 'the read-only value is the record\'s');
    assert.equal(result.state.formErrors.length, 1);
  });

  it('a role that may see nothing gets a 403 from parse too', () => {
    assert.throws(() => card.parse({}, { roles: ['customer'], current }), AccessDeniedError);
  });

  it('bad rules fail at definition, naming the form and field', () => {
    const schema = z.object({ a: z.string() });
    assert.throws(
      () => defineForm('bad-grant', schema, { access: { acl }, fields: { a: { access: { change: { resource: 'time_card', privilege: 'aprove' } } } } }),
      (err: unknown) => err instanceof FormDefinitionError && /Form "bad-grant", field "a": no role of the access list has the privilege "aprove" on "time_card"/.test(err.message),
    );
    assert.throws(() => defineForm('no-acl', schema, { fields: { a: { access: { see: { resource: 'time_card', privilege: 'read' } } } } }), /Form "no-acl", field "a": access rules need the form's access list/);
    assert.throws(
      () => defineForm('rules-on-rows', z.object({ items: z.array(z.object({ a: z.string() })) }), { access: { acl, see: { resource: 'time_card', privilege: 'read' } } }),
      /Form "rules-on-rows": access rules on a form with lists of rows, discriminated unions or file fields are not supported yet/,
    );
    assert.throws(() => defineForm('bad-default', schema, { access: { acl, see: { resource: 'timecard', privilege: 'read' } } }), /Form "bad-default": no role of the access list has the privilege "read" on "timecard"/);
  });
});
