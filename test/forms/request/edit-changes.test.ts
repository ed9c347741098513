// What an edit changes (`result.changes`): each changed field with its label and both values as a person
// reads them in the form's language; rows field by field; never a password's or a sensitive field's value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm, type ChoiceSource } from '../../../server/index.js';

const order = defineForm(
  'changes-order',
  z.object({
    customer: z.string(),
    day: z.date(),
    amount: z.number(),
    size: z.enum(['s', 'l']),
    rush: z.boolean(),
    secret: z.string().optional(),
    pin: z.string().optional(),
    items: z.array(z.object({ sku: z.string(), qty: z.number() })).min(1),
  }),
  {
    fields: {
      size: { label: { 'en-us': 'Size', de: 'Größe' }, choices: { s: { 'en-us': 'Small', de: 'Klein' }, l: { 'en-us': 'Large', de: 'Groß' } } },
      amount: { label: { 'en-us': 'Amount', de: 'Betrag' } },
      secret: { sensitive: true },
      pin: { password: true },
      items: { itemLabel: 'Item' },
    },
  },
);

const saved = { customer: 'Ada', day: new Date('2026-03-14'), amount: 7.5, size: 's' as const, rush: false, secret: 'old', items: [{ sku: 'A1', qty: 1 }] };
const sent = { customer: 'Ada', day: '2026-03-15', amount: '1234.5', size: 'l', rush: 'on', secret: 'new', pin: '9999', 'items.0.sku': 'A1', 'items.0.qty': '2', 'items.1.sku': 'B2', 'items.1.qty': '5' };

describe('edit changes', () => {
  it('say each changed field, its label, and both values as read (a choice\'s label, a box as yes or no); the same value is no change', () => {
    const result = order.parse(sent, { changesFrom: order.initial(saved) });
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.changes, [
      { path: 'day', label: 'Day', before: 'Mar 14, 2026', after: 'Mar 15, 2026' },
      { path: 'amount', label: 'Amount', before: '7.5', after: '1,234.5' },
      { path: 'size', label: 'Size', before: 'Small', after: 'Large' },
      { path: 'rush', label: 'Rush', before: 'No', after: 'Yes' },
      { path: 'secret', label: 'Secret', sensitive: true },
      { path: 'pin', label: 'Pin', sensitive: true },
      { path: 'items.0.qty', label: 'Item 1, Qty', before: '1', after: '2' },
      { path: 'items.1.sku', label: 'Item 2, Sku', before: '—', after: 'B2' },
      { path: 'items.1.qty', label: 'Item 2, Qty', before: '—', after: '5' },
    ]);
    // Nothing of a sensitive field's value, before or after, anywhere in them.
    assert.doesNotMatch(JSON.stringify(result.ok && result.changes), /old|new|9999/);
  });

  it('in the form\'s language: labels, choices, days and numbers as German writes them', () => {
    const result = order.parse(sent, { changesFrom: order.initial(saved), locale: 'de' });
    const changes = result.ok ? (result.changes ?? []) : [];
    assert.deepEqual(changes.find((c) => c.path === 'amount'), { path: 'amount', label: 'Betrag', before: '7,5', after: '1.234,5' });
    assert.deepEqual(changes.find((c) => c.path === 'size'), { path: 'size', label: 'Größe', before: 'Klein', after: 'Groß' });
    assert.deepEqual(changes.find((c) => c.path === 'rush'), { path: 'rush', label: 'Rush', before: 'Nein', after: 'Ja' });
    assert.equal(changes.find((c) => c.path === 'day')?.after, '15.03.2026');
  });

  it('none without changesFrom, none for a refused POST, and an empty list for a POST that changes nothing', () => {
    assert.equal('changes' in order.parse(sent), false);
    assert.equal('changes' in order.parse({ ...sent, amount: 'x' }, { changesFrom: order.initial(saved) }), false);
    const same = order.parse({ customer: 'Ada', day: '2026-03-14', amount: '7.5', size: 's', secret: 'old', 'items.0.sku': 'A1', 'items.0.qty': '1' }, { changesFrom: order.initial(saved) });
    assert.deepEqual(same.ok && same.changes, []);
  });

  it('a field whose choices come from a source reads by its choices\' labels, found by the source; one it cannot find reads as its value', async () => {
    const people: Record<string, string> = { ada: 'Ada Lovelace', grace: 'Grace Hopper' };
    const source: ChoiceSource = {
      search: async () => ({ items: [], total: 0 }),
      get: async (value) => (people[value] ? { value, label: people[value] } : null),
    };
    const card = defineForm('changes-card', z.object({ employee: z.string(), lead: z.string().optional() }), { fields: { employee: { choices: source }, lead: { choices: source } } });
    const result = await card.parseAsync({ employee: 'grace', lead: 'ada' }, { changesFrom: card.initial({ employee: 'ada' }) });
    assert.deepEqual(result.ok && result.changes, [
      { path: 'employee', label: 'Employee', before: 'Ada Lovelace', after: 'Grace Hopper' },
      { path: 'lead', label: 'Lead', before: '—', after: 'Ada Lovelace' },
    ]);
    // A kept history read later: a choice the source no longer has reads as its value.
    assert.deepEqual(await card.changes(card.initial({ employee: 'gone' }), card.initial({ employee: 'ada' })), [{ path: 'employee', label: 'Employee', before: 'gone', after: 'Ada Lovelace' }]);
  });
});
