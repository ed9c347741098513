// dijitize's own words (server/words/): English, German and Arabic, each complete, and chosen per request.
// Every page state a German or Arabic user meets (a blank form with rows, a section switch, choices, a
// file field and a draft; a refused POST with its summary; a file kept across it; an edit conflict; the
// refusals of CSRF, a repeat, a role and a bad button; a wizard's steps, review and expired page), and
// the spec its client says things from, carries no English sentence of ours and says its language.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { defineForm, dojo, dojoErrors, renderHead, type RawValues } from '../../server/index.js';
import { Acl } from '../../server/access/index.js';
import { defineWizard } from '../../server/wizards/index.js';
import { OUR_LANGUAGES, wordsFor } from '../../server/words/our-words.js';
import type { OurWords } from '../../server/words/shape.js';
import { withServer } from '../serve.js';
import { openForm, tokenField } from '../form-session.js';

/** Every text of a catalog: its strings, and what its counted messages say of 1, 2, 5 and 11. */
function textsOf(words: OurWords): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'function') for (const n of [1, 2, 5, 11]) out.push(String((value as (n: number) => string)(n)));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(words);
  return out;
}

/** The English of ours as pieces a page could show: each text cut at its placeholders, numbers and quotes. */
const ENGLISH = [...new Set(textsOf(wordsFor('en')).flatMap((text) => text.split(/\{\w+\}|\d+|["“”]/)).map((piece) => piece.replace(/^[\s.,:;()]+|[\s.,:;()]+$/g, '')).filter((piece) => /[A-Za-z]{2}/.test(piece)))];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What a page says to its user: text, names (aria-label, title, placeholder), and the strings of its specs. */
function said(html: string): string[] {
  const specs = [...html.matchAll(/\.apply\(m\d+, (\[.*\])\);/g)].map((m) => m[1] ?? '[]');
  const values: string[] = [];
  // Ids, names, modules and placeholders (`antrag-beleg-kept`, `dijit/form/Button`, `{file}`) are no words.
  const identifier = /^[a-z0-9_\-/{}$.:]*$/;
  const walk = (v: unknown): void => void (typeof v === 'string' ? (identifier.test(v) ? undefined : values.push(v)) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : undefined);
  for (const spec of specs) walk(JSON.parse(spec));
  const names = [...html.matchAll(/\b(?:aria-label|title|placeholder)="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  const text = decode(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '));
  return [text, ...names, ...values];
}

/** The English pieces of ours a page says. */
const englishIn = (html: string) => {
  const texts = said(html).map((text) => text.replace(/\{\w+\}/g, ' '));
  return ENGLISH.filter((piece) => texts.some((t) => new RegExp(`(?<![A-Za-z])${escapeRegExp(piece)}(?![A-Za-z])`).test(t)));
};

/** A text in the app's three languages (the app's own words are never English on these pages). */
const t = (de: string, ar: string) => ({ 'en-us': `${de} (en)`, de, ar });

const order = defineForm('antrag', z.object({
  kunde: z.string().min(3).max(40),
  farbe: z.enum(['rot', 'blau']).optional(),
  extras: z.array(z.enum(['a', 'b', 'c'])).max(1),
  art: z.discriminatedUnion('weg', [z.object({ weg: z.literal('post'), strasse: z.string().min(2) }), z.object({ weg: z.literal('abholung') })]),
  posten: z.array(z.object({ menge: z.number().int().min(1) })).min(2).max(3),
  stadt: z.string().optional(),
  beleg: z.file().max(1_000_000).mime(['application/pdf']),
}), {
  draft: true,
  submitLabel: t('Bestellen', 'اطلب'),
  fields: {
    kunde: { label: t('Kunde', 'العميل') },
    farbe: { label: t('Farbe', 'اللون'), choices: { rot: t('Rot', 'أحمر'), blau: t('Blau', 'أزرق') } },
    extras: { label: t('Extras', 'إضافات'), choices: { a: t('A', 'أ'), b: t('B', 'ب'), c: t('C', 'ج') } },
    'art.weg': { label: t('Weg', 'الطريق'), choices: { post: t('Post', 'بريد'), abholung: t('Abholung', 'استلام') } },
    'art.strasse': { label: t('Straße', 'الشارع') },
    posten: { label: t('Posten', 'البنود'), itemLabel: t('Posten', 'بند') },
    'posten.menge': { label: t('Menge', 'الكمية') },
    stadt: { label: t('Stadt', 'المدينة'), dependsOn: ['kunde'], choices: { get: async () => null, search: async () => ({ items: [{ value: 'b', label: 'Berlin' }], total: 1 }) } },
    beleg: { label: t('Beleg', 'الإيصال') },
  },
});

const card = defineForm('karte', z.object({ stunden: z.number().max(24) }), { submitLabel: t('Speichern', 'احفظ'), fields: { stunden: { label: t('Stunden', 'الساعات') } } });
const secret = defineForm('geheim', z.object({ wert: z.string() }), { access: { acl: new Acl().role('gast').role('chef').allow('chef', 'geheim', ['read', 'write']), see: { resource: 'geheim', privilege: 'read' }, change: { resource: 'geheim', privilege: 'write' } }, fields: { wert: { label: t('Wert', 'القيمة') } } });

const pets = defineWizard('tier', [
  { name: 'name', form: defineForm('tier-name', z.object({ name: z.string() }), { fields: { name: { label: t('Name', 'الاسم') } } }), title: t('Tier', 'الحيوان') },
  { name: 'pruefen', form: defineForm('tier-pruefen', z.object({ ok: z.boolean() }), { fields: { ok: { label: t('Richtig', 'صحيح') } } }), title: t('Prüfen', 'مراجعة'), review: true },
], { title: t('Tier', 'حيوان') });

const page = (title: string, html: string, req: express.Request) => `<!DOCTYPE html><html lang="${req.dojo.lang}" dir="${req.dojo.dir}"><head><title>${title}</title>${renderHead(req.dojo)}</head><body>${html}</body></html>`;

function app(): express.Express {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-words-'));
  const a = express();
  a.use(dojo({ locales: ['en-us', 'de', 'ar'], secrets: ['the secret of the words test'], uploads: { dir } }));
  a.get('/antrag', (req, res) => void res.send(page('Antrag', req.dojo.form(order).html, req)));
  a.post('/antrag', async (req, res) => {
    const result = await req.dojo.parseAsync(order, req.body as RawValues);
    const form = req.dojo.form(order, result.state);
    res.status(422).send(page(form.pageTitle('Antrag'), form.html, req));
  });
  a.get('/karte', (req, res) => void res.send(page('Karte', req.dojo.form(card, card.initial({ stunden: 7 }, { version: 'v1' })).html, req)));
  a.post('/karte', async (req, res) => {
    const result = await req.dojo.parseAsync(card, req.body as RawValues, { current: { stunden: 8 }, version: 'v2' });
    res.status(result.ok ? 200 : 409).send(page('Karte', req.dojo.form(card, result.state).html, req));
  });
  a.post('/einmal', (req, res) => void res.send(page('Einmal', '<p>Danke</p>', req)));
  a.get('/einmal', (req, res) => void res.send(page('Einmal', req.dojo.form(card).html, req)));
  a.get('/geheim', (req, res) => {
    req.dojo.roles = ['gast'];
    res.send(req.dojo.form(secret).html);
  });
  a.use('/tier', pets.router({ page: (req, res, p) => void res.send(page(p.title, p.html, req)), done: (_data, _req, res) => void res.redirect(303, '/antrag') }));
  a.use(dojoErrors());
  return a;
}

describe('our words', () => {
  it('are complete in every language, and no German or Arabic one is left in English', () => {
    const english = textsOf(wordsFor('en'));
    for (const language of OUR_LANGUAGES.filter((l) => l !== 'en')) {
      const texts = textsOf(wordsFor(language));
      assert.equal(texts.length, english.length, language);
      // A text of placeholders only ("{Item} {n}") is the same in every language.
      assert.deepEqual(texts.filter((text, i) => text === english[i] && /[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, ''))), [], language);
    }
    assert.equal(wordsFor('de-at'), wordsFor('de'));
    assert.equal(wordsFor('fr'), wordsFor('en'));
  });

  for (const [locale, lang] of [['de', 'de'], ['ar', 'ar']] as const) {
    it(`${locale}: every page state says no English sentence of ours, in the page and in its spec`, async () => {
      await withServer(app(), async (base) => {
        const headers = { 'accept-language': locale };
        const get = async (to: string) => (await fetch(`${base}${to}`, { headers })).text();
        const pages: Record<string, string> = {};
        pages['blank form'] = await get('/antrag');
        // A session in this language: its cookie and token.
        const s = await openForm(base, '/antrag', headers);
        pages['refused form'] = await (await s.post('/antrag', `${tokenField(s)}kunde=x&extras=a&extras=b&art.weg=post&posten.0.menge=0&_form_name=antrag`)).text();
        const parts = new FormData();
        parts.append('_csrf', s.token);
        parts.append('_form_name', 'antrag');
        parts.append('kunde', 'x');
        parts.append('beleg', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'beleg.pdf');
        pages['file kept across a refusal'] = await (await s.postParts('/antrag', parts)).text();
        pages['intent switching a section'] = await (await s.post('/antrag', `${tokenField(s)}kunde=x&art.weg=abholung&_intent=switch%3Aart`)).text();
        pages['a button that is not one'] = await (await s.post('/antrag', `${tokenField(s)}_intent=remove%3Anichts%3A9`)).text();
        pages['CSRF refusal'] = await (await s.post('/antrag', 'kunde=x')).text();
        // The card shown at version v1 is sent after v2 was saved with other hours: a conflict.
        const edit = await openForm(base, '/karte', headers);
        const version = /name="_version" value="([^"]+)"/.exec(edit.html)?.[1] ?? '';
        pages['edit conflict'] = await (await edit.post('/karte', `${tokenField(edit)}_version=${encodeURIComponent(version)}&stunden=6`)).text();
        pages['edit without its version'] = await (await edit.post('/karte', `${tokenField(edit)}stunden=6`)).text();
        const once = await openForm(base, '/einmal', headers);
        const id = /name="_submission" value="([^"]+)"/.exec(once.html)?.[1] ?? '';
        const sendOnce = () => once.post('/einmal', `${tokenField(once)}_submission=${encodeURIComponent(id)}&stunden=1`);
        await sendOnce();
        pages['sent already'] = await (await sendOnce()).text();
        pages['not allowed'] = await get('/geheim');
        const start = await fetch(`${base}/tier/`, { headers, redirect: 'manual' });
        const step = start.headers.get('location') ?? '';
        const cookie = start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        pages['wizard step'] = await (await fetch(`${base}${step}`, { headers: { ...headers, cookie } })).text();
        pages['wizard, no such step'] = await get('/tier/0000000000000000/name');
        pages['wizard expired'] = await get('/tier/AAAAAAAAAAAAAAAAAAAAAA/name');
        for (const [state, html] of Object.entries(pages)) {
          assert.match(html, new RegExp(`<html lang="${lang}`), `${state}: <html lang>`);
          assert.deepEqual(englishIn(html), [], `${state} (${locale}) says English of ours`);
        }
        // A body refused before any form reads it: a plain reason, in this language too.
        const words = wordsFor(locale);
        const tooLarge = await (await s.post('/antrag', `${tokenField(s)}kunde=${'x'.repeat(200_000)}`)).text();
        assert.equal(tooLarge, words.body.tooLarge);
        const manyParts = new FormData();
        manyParts.append('_csrf', s.token);
        for (let i = 0; i < 1100; i++) manyParts.append(`f${i}`, 'x');
        const tooMany = await (await s.postParts('/antrag', manyParts)).text();
        assert.equal(tooMany, words.body.fields(1000));
        // The states are what they claim: each says its part in this language.
        assert.ok(pages['refused form']?.includes(words.form.problem), 'the error summary');
        assert.ok(said(pages['blank form'] ?? '').includes(words.draft.discard), 'the draft words in the spec');
        assert.ok(said(pages['blank form'] ?? '').includes(words.uploads.uploading), 'the upload words in the spec');
        assert.ok(pages['edit conflict']?.includes(words.conflict.summary), 'the conflict');
        assert.ok(pages['sent already']?.includes(words.refusals.alreadySent[0]), 'sent already');
        assert.ok(pages['not allowed']?.includes(words.refusals.notAllowed[0]), 'not allowed');
        assert.ok(pages['wizard step']?.includes(words.wizard.next), 'the wizard');
        assert.ok(pages['wizard expired']?.includes(words.wizard.start), 'the expired wizard');
        assert.ok(pages['CSRF refusal']?.includes(words.refusals.notAccepted), 'CSRF');
      });
    });
  }

  it('finds English where a page has it (the check itself works)', () => {
    assert.deepEqual(englishIn('<p>Wählen Sie eine Datei.</p>'), []);
    assert.deepEqual(englishIn('<button aria-label="Remove Beleg">x</button><script>m0["build"].apply(m0, [{"a":"Discard the draft"}]);</script>'), ['Remove', 'Discard the draft']);
  });
});
