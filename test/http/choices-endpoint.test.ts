// Choices from a source: the endpoint the page's FilteringSelect queries (a page at a time, by id, with
// the values of the fields they depend on; bounded; for the roles that may see the field), and a POST
// without JavaScript, whose typed label is looked up (one exact match chosen, several to pick from).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { createApp } from '../../demo/app.js';
import { defineForm, dojo, type ChoiceSource } from '../../server/index.js';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';

const REGIONS: Record<string, Array<{ value: string; label: string }>> = {
  fr: [{ value: 'bre', label: 'Brittany' }, { value: 'nor', label: 'Normandy' }],
  es: [{ value: 'gal', label: 'Galicia' }, { value: 'cat', label: 'Catalonia' }],
};
const countryOf = (values: Readonly<Record<string, unknown>>) => String(values['country'] ?? '');
const regions: ChoiceSource = {
  search: async (query, { offset, limit }, { values }) => {
    const found = (REGIONS[countryOf(values)] ?? []).filter((r) => r.label.toLowerCase().startsWith(query.toLowerCase()));
    return { items: found.slice(offset, offset + limit), total: found.length };
  },
  get: async (value, { values }) => (REGIONS[countryOf(values)] ?? []).find((r) => r.value === value) ?? null,
};
const trip = defineForm('choices-trip', z.object({ country: z.enum(['fr', 'es']), region: z.string() }), { fields: { region: { choices: regions, dependsOn: ['country'] } } });

const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(`${base}/dojo/choices/${path}`, { headers });

describe('the choices endpoint', () => {
  it('answers a page of the source\'s choices (Range, Content-Range) and one choice by id, as dojo/store/JsonRest reads them', async () => {
    await withServer(createApp(), async (base) => {
      const page = await get(base, 'timecard/employee?id=&name=gr*', { range: 'items=0-4' });
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      const items = (await page.json()) as Array<{ id: string; name: string }>;
      assert.deepEqual(items[0], { id: 'grace', name: 'Grace Hopper' });
      assert.ok(items.length <= 5);
      assert.match(page.headers.get('content-range') ?? '', /^items 0-\d+\/\d+$/);
      const all = await get(base, 'timecard/employee?id=&name=*', { range: 'items=20-39' });
      assert.equal(all.headers.get('content-range'), 'items 20-39/10000');
      assert.deepEqual(await (await get(base, 'timecard/employee?id=alan')).json(), { id: 'alan', name: 'Alan Turing' });
      // Without a trailing * Dijit looks a label up exactly (a typed name, or none when a field is cleared).
      assert.deepEqual(await (await get(base, 'timecard/employee?id=&name=grace%20hopper')).json(), [{ id: 'grace', name: 'Grace Hopper' }]);
      assert.deepEqual(await (await get(base, 'timecard/employee?id=&name=grace')).json(), []);
      assert.deepEqual(await (await get(base, 'timecard/employee?id=&name=')).json(), []);
      assert.equal((await get(base, 'timecard/employee?id=nobody')).status, 404);
    });
  });

  it('bounds the work: at most 50 choices a page, a query of at most 100 characters; a bad request is a 4xx that says why', async () => {
    await withServer(createApp(), async (base) => {
      assert.equal(((await (await get(base, 'timecard/employee?id=&name=*', { range: 'items=0-9999' })).json()) as unknown[]).length, 50);
      const long = await get(base, `timecard/employee?id=&name=${'a'.repeat(101)}`);
      assert.deepEqual([long.status, await long.json()], [400, { error: 'A query is at most 100 characters.' }]);
      assert.equal((await get(base, 'timecard/employee?name=a&name=b')).status, 400);
      assert.equal((await get(base, 'timecard/nope?name=a')).status, 404);
      assert.equal((await get(base, 'register/username?name=a')).status, 404);
      assert.equal((await get(base, 'nope/employee?name=a')).status, 404);
    });
  });

  it('answers only the roles that may see the field (the roles setting): a customer gets 403', async () => {
    await withServer(createApp(), async (base) => {
      assert.equal((await get(base, 'timecard/employee?as=customer&id=&name=a*')).status, 403);
      assert.equal((await get(base, 'timecard/employee?as=employee&id=&name=a*')).status, 200);
    });
  });

  it('gives the source the values of the fields it depends on (v.<name>), and only those', async () => {
    const app = express();
    app.use(dojo({ csrf: false }));
    await withServer(app, async (base) => {
      assert.deepEqual(await (await get(base, 'choices-trip/region?id=&name=*&v.country=es')).json(), [{ id: 'gal', name: 'Galicia' }, { id: 'cat', name: 'Catalonia' }]);
      assert.deepEqual(await (await get(base, 'choices-trip/region?id=&name=n*&v.country=fr')).json(), [{ id: 'nor', name: 'Normandy' }]);
      assert.equal((await get(base, 'choices-trip/region?id=gal&v.country=fr')).status, 404, 'a region of another country');
    });
  });
});

describe('a POST with choices from a source', () => {
  it('takes a value the source knows, and checks it with the values it depends on', async () => {
    assert.equal((await trip.parseAsync({ country: 'fr', region: 'bre' })).ok, true);
    const wrongPair = await trip.parseAsync({ country: 'es', region: 'bre' });
    assert.deepEqual(wrongPair.state.errors, { region: 'No choice matches "bre".' });
  });

  it('a posted value over 100 characters is the field\'s error, and the source is never called (the endpoint\'s cap)', async () => {
    const calls: string[] = [];
    const counted: ChoiceSource = {
      search: async (query, page, ctx) => (calls.push(`search ${query.length}`), regions.search(query, page, ctx)),
      get: async (value, ctx) => (calls.push(`get ${value.length}`), regions.get(value, ctx)),
    };
    const capped = defineForm('choices-capped', z.object({ country: z.enum(['fr', 'es']), region: z.string() }), { fields: { region: { choices: counted, dependsOn: ['country'] } } });
    const long = await capped.parseAsync({ country: 'fr', region: 'a'.repeat(97 * 1024) });
    assert.equal(long.ok, false);
    assert.equal(long.ok ? '' : long.state.errors['region'], 'No choice matches a text of more than 100 characters.');
    assert.deepEqual(calls, []);
    // At the cap, the source is asked as before.
    assert.equal((await capped.parseAsync({ country: 'fr', region: 'b'.repeat(100) })).ok, false);
    assert.deepEqual(calls, ['get 100', 'search 100']);
  });

  it('without JavaScript, a typed label is looked up: one exact match is chosen, several are offered to pick from', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/timecard');
      const page = await s.post('/timecard', `${tokenField(s)}day=2026-01-15&start=09%3A00&hours=8&employee=grace+hopper&projects=apollo`);
      assert.equal(page.status, 303, 'the exact (case-insensitive) match is chosen');
      const several = await s.post('/timecard', `${tokenField(s)}day=2026-01-15&start=09%3A00&hours=8&employee=lena&projects=apollo`);
      assert.equal(several.status, 422);
      const html = await several.text();
      assert.match(html, /<span class="dijitize-error" id="timecard-employee-error" role="alert">Several choices match &quot;lena&quot;: choose one\.<\/span>/);
      assert.match(html, /<select id="timecard-employee" name="employee"[^>]*><option value=""><\/option><option value="p\d{5}">Lena Abbott<\/option>/);
      const none = await s.post('/timecard', `${tokenField(s)}day=2026-01-15&start=09%3A00&hours=8&employee=nobody+at+all&projects=apollo`);
      assert.match(await none.text(), /No choice matches &quot;nobody at all&quot;\./);
    });
  });

  it('without JavaScript, a dependent field\'s button shows the choices that fit the parent\'s value, to pick from', async () => {
    const app = express();
    app.use(dojo({ csrf: false }));
    app.all('/trip', async (req, res) => {
      const result = req.method === 'POST' ? await req.dojo.parseAsync(trip, req.body) : null;
      if (result?.ok) return void res.type('text').send(`${result.data.country} ${result.data.region}`);
      res.status(result && !result.intent ? 422 : 200).send(req.dojo.form(trip, result?.state ?? {}).html);
    });
    await withServer(app, async (base) => {
      const blank = await (await fetch(`${base}/trip`)).text();
      assert.match(blank, /<input type="text" id="choices-trip-region" name="region" value="" autocomplete="off" required> <button type="submit" id="choices-trip-region-choices" name="_intent" value="choices:region" formnovalidate class="dijitize-choices" aria-label="Show the choices: Region">Show the choices<\/button>/);
      const post = (body: string) => fetch(`${base}/trip`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      const shown = await post('country=es&region=&_intent=choices%3Aregion');
      assert.equal(shown.status, 200);
      assert.match(await shown.text(), /<select id="choices-trip-region" name="region" required><option value=""><\/option><option value="gal">Galicia<\/option><option value="cat">Catalonia<\/option><\/select>/);
      assert.equal(await (await post('country=es&region=cat')).text(), 'es cat');
      assert.equal((await post('country=fr&region=cat')).status, 422, 'the server checks the pair');
      assert.equal((await post('country=es&_intent=choices%3Acountry')).status, 400, 'a field without a source has no such button');
    });
  });

  it('a re-rendered form shows the chosen choice\'s label, and gives its widget the value', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/timecard');
      const html = await (await s.post('/timecard', `${tokenField(s)}day=2026-01-15&start=09%3A00&hours=99&employee=alan&projects=apollo`)).text();
      assert.match(html, /<input type="text" id="timecard-employee" name="employee" value="Alan Turing"/);
      assert.match(html, /"node":"timecard-employee","props":\{[^}]*"value":"alan"/);
    });
  });
});
