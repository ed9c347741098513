// A POST from a page of an earlier definition of its form (opened before a deploy changed the form): known
// by its fingerprint, parsed by the definition of now. A field added since comes back marked new, with the
// notice; a removed one is ignored; `migrate` maps a renamed field; nothing typed is lost.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { FormDefinition } from '../../../server/forms/define.js';
import { render } from '../../../server/forms/render/render.js';
import { Acl } from '../../../server/access/index.js';

const before = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email(), fax: z.string().optional() }));
const fingerprintOf = (form: FormDefinition) => /name="_fingerprint" value="([^"]+)"/.exec(render(form.compiled).html)?.[1] ?? '';
const OLD = fingerprintOf(before);

describe('a form changed under an open page', () => {
  it('every form carries the fingerprint of its definition: the same in every locale and for every look, another when a field is added, retyped or made required', () => {
    assert.match(OLD, /^[A-Za-z0-9_-]{12}$/);
    assert.equal(before.compiled.fingerprint, OLD);
    const same = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email(), fax: z.string().optional() }), { fields: { name: { label: 'Your name' } } });
    assert.equal(same.compiled.fingerprint, OLD, 'labels are not what a POST means');
    const changes = [
      z.object({ name: z.string().min(2), email: z.email(), fax: z.string().optional(), phone: z.string() }),
      z.object({ name: z.string().min(2), email: z.email(), fax: z.number().optional() }),
      z.object({ name: z.string().min(2), email: z.email(), fax: z.string() }),
    ];
    for (const schema of changes) assert.notEqual(new FormDefinition('contact', schema).compiled.fingerprint, OLD);
  });

  it('a field added since comes back marked new with the notice, even when it is optional; what was typed is kept', () => {
    const now = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email(), phone: z.string().optional() }));
    const result = now.parse({ _fingerprint: OLD, name: 'Ada', email: 'ada@example.org', fax: '0123' });
    assert.equal(result.ok, false);
    assert.deepEqual(result.state.errors, { phone: 'New in this form: check it.' });
    assert.deepEqual(result.state.formErrors, ['This form has changed since you opened it; check the fields marked new, then send it again. Nothing you typed is lost.']);
    assert.deepEqual(result.state.values, { name: 'Ada', email: 'ada@example.org' });
    // Sent again from the page it came back on (the fingerprint of now): accepted, the removed field ignored.
    const again = now.parse({ _fingerprint: now.compiled.fingerprint, ...result.state.values, phone: '' });
    assert.equal(again.ok, true);
  });

  it('the new mark joins the schema\'s own errors, so one more send is enough', () => {
    const now = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email(), phone: z.string() }));
    const result = now.parse({ _fingerprint: OLD, name: 'A', email: 'ada@example.org' });
    assert.equal(result.ok, false);
    assert.equal(result.state.errors['phone'], 'New in this form: check it.');
    assert.match(result.state.errors['name'] ?? '', /2/);
  });

  it('a removed field is ignored and the POST is accepted; a POST without a fingerprint is read as before', () => {
    const now = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email() }));
    assert.deepEqual(now.parse({ _fingerprint: OLD, name: 'Ada', email: 'ada@example.org', fax: '0123' }).ok, true);
    const added = new FormDefinition('contact', z.object({ name: z.string().min(2), email: z.email(), phone: z.string().optional() }));
    assert.equal(added.parse({ name: 'Ada', email: 'ada@example.org' }).ok, true);
  });

  it('migrate maps a renamed field, told the fingerprint of the page', () => {
    const froms: string[] = [];
    const now = new FormDefinition('contact', z.object({ fullName: z.string().min(2), email: z.email() }), {
      migrate: (body, from) => {
        froms.push(from);
        return { ...body, fullName: body['fullName'] ?? body['name'] };
      },
    });
    const result = now.parse({ _fingerprint: OLD, name: 'Ada Lovelace', email: 'ada@example.org' });
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.data, { fullName: 'Ada Lovelace', email: 'ada@example.org' });
    assert.deepEqual(froms, [OLD]);
    assert.equal(now.parse({ _fingerprint: now.compiled.fingerprint, fullName: 'Ada Lovelace', email: 'ada@example.org' }).ok, true);
    assert.deepEqual(froms, [OLD], 'a page of this definition is not migrated');
  });

  it('a row field added since is marked in each row; a checkbox added since is not (an unticked box posts nothing)', () => {
    const rowsBefore = new FormDefinition('order', z.object({ items: z.array(z.object({ what: z.string() })).min(1) }));
    const rowsNow = new FormDefinition('order', z.object({ items: z.array(z.object({ what: z.string(), qty: z.number().optional() })).min(1), gift: z.boolean() }));
    const result = rowsNow.parse({ _fingerprint: rowsBefore.compiled.fingerprint, 'items.0.what': 'Tea', 'items.1.what': 'Cake' });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.state.errors).sort(), ['items.0.qty', 'items.1.qty']);
    assert.deepEqual(result.state.values, { 'items.0.what': 'Tea', 'items.1.what': 'Cake' });
  });

  it('a field added since that the roles see but may not change (disabled, so never posted), or may not see, is not marked', () => {
    const acl = new Acl().role('clerk').role('boss', ['clerk']).allow('clerk', 'note', ['read', 'write']).allow('boss', 'note', 'sign');
    const access = { acl, see: { resource: 'note', privilege: 'read' }, change: { resource: 'note', privilege: 'write' } };
    const old = new FormDefinition('note', z.object({ text: z.string() }), { access }).compiled.fingerprint;
    const now = new FormDefinition('note', z.object({ text: z.string(), signedBy: z.string().optional(), secret: z.string().optional(), topic: z.string().optional() }), {
      access,
      fields: {
        signedBy: { access: { change: { resource: 'note', privilege: 'sign' } } },
        secret: { access: { see: { resource: 'note', privilege: 'sign' }, change: { resource: 'note', privilege: 'sign' } } },
      },
    });
    const asClerk = now.parse({ _fingerprint: old, text: 'Hello' }, { roles: ['clerk'], current: { text: '', signedBy: 'Ada', secret: 'x' } });
    assert.deepEqual(Object.keys(asClerk.state.errors), ['topic']);
    const asBoss = now.parse({ _fingerprint: old, text: 'Hello' }, { roles: ['boss'], current: { text: '' } });
    assert.deepEqual(Object.keys(asBoss.state.errors).sort(), ['secret', 'signedBy', 'topic']);
  });
});
