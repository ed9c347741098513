import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../server/index.js';
import { missingTranslations } from '../../server/forms/define.js';
import { renderHead } from '../../server/request/head-tag.js';
import { directionOf, htmlLang, localize, negotiateLocale } from '../../server/settings/locales.js';
import { requestDojo } from '../new-request-dojo.js';

const LOCALES = ['en-us', 'de', 'ar'];
const hours = defineForm('locale-hours', z.object({ hours: z.number().min(0).max(24), name: z.string().min(2) }), {
  submitLabel: { 'en-us': 'Save', de: 'Speichern', ar: 'حفظ' },
  fields: {
    hours: { label: { 'en-us': 'Hours', de: 'Stunden', ar: 'الساعات' }, messages: { range: { 'en-us': '0 to 24', de: '0 bis 24' } } },
    name: { label: (locale) => ({ 'en-us': 'Name', de: 'Name (de)' })[locale] },
  },
});
const page = (locale: string) => {
  const d = requestDojo({ locales: LOCALES, csrf: false });
  d.locale = locale;
  const html = d.form(hours).html;
  return { d, html, head: renderHead(d) };
};

describe('locales', () => {
  it('a request gets the app locale its Accept-Language asks for, else the default', () => {
    assert.equal(negotiateLocale('de-DE,de;q=0.9,en;q=0.5', LOCALES, 'en-us'), 'de');
    assert.equal(negotiateLocale('ar-EG', LOCALES, 'en-us'), 'ar');
    assert.equal(negotiateLocale('en-GB,en;q=0.8', LOCALES, 'en-us'), 'en-us');
    assert.equal(negotiateLocale('fr-FR', LOCALES, 'en-us'), 'en-us');
    assert.equal(negotiateLocale(undefined, LOCALES, 'en-us'), 'en-us');
  });

  it('<html lang dir> and the page follow the locale; right to left gets the theme\'s RTL stylesheet', () => {
    assert.equal(htmlLang('en-us'), 'en-US');
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('de'), 'ltr');
    const { d, head } = page('ar');
    assert.equal(d.dir, 'rtl');
    assert.match(head, /"locale":"ar"/);
    assert.match(head, /claro\/claro\.css">\n<link rel="stylesheet" href="[^"]*claro\/claro_rtl\.css">/);
    assert.ok(!page('de').head.includes('_rtl.css'));
  });

  it('a handler may set the locale, only to one of the app\'s', () => {
    const d = requestDojo({ locales: LOCALES });
    d.locale = 'de';
    assert.equal(d.config.locale, 'de');
    assert.throws(() => (d.locale = 'fr'), /req.dojo.locale must be one of the locales setting \(en-us, de, ar\); got "fr"/);
  });

  it('texts in the request\'s locale: catalogs and functions, falling back to the default locale\'s', () => {
    assert.match(page('de').html, /<label for="locale-hours-hours">Stunden<\/label>/);
    assert.match(page('de').html, />Name \(de\)<\/label>/);
    assert.match(page('de').html, />Speichern<\/button>/);
    assert.match(page('ar').html, />الساعات<\/label>/);
    assert.match(page('ar').html, />Name<\/label>/, 'no Arabic name: the default locale\'s');
    assert.equal(localize({ 'en-us': 'Hours', de: 'Stunden' }, 'de-at', 'en-us'), 'Stunden', 'a regional locale takes its language\'s text');
  });

  it('the texts that fall back are listed, per form and locale', () => {
    const lines = missingTranslations(LOCALES, 'en-us').filter((l) => l.startsWith('form "locale-hours"'));
    assert.deepEqual(lines, ['form "locale-hours", ar: hours: messages.range, name: label']);
  });

  it('parsing in a locale: the field\'s own message in it, Dijit\'s "required" in it, zod\'s messages in it, for this parse only', () => {
    const de = hours.parse({ hours: '30', name: '' }, { locale: 'de', defaultLocale: 'en-us' });
    assert.equal(de.state.errors['hours'], '0 bis 24');
    assert.equal(de.state.errors['name'], 'Dieser Wert ist erforderlich.');
    const plain = defineForm('locale-plain', z.object({ n: z.number() }));
    assert.equal(plain.parse({ n: 'x' }, { locale: 'de' }).state.errors['n'], 'Ungültige Eingabe: erwartet Zahl, erhalten string');
    assert.equal(plain.parse({ n: 'x' }).state.errors['n'], 'Invalid input: expected number, received string', 'no global change');
    const d = requestDojo({ locales: LOCALES });
    d.locale = 'ar';
    assert.equal(d.parse(hours, { hours: '1', name: '' }).state.errors['name'], 'يجب ادخال هذه القيمة.');
  });

  it('a text given as a function, parsed or compiled with no locale, is the default text, never empty', () => {
    const fn = defineForm('locale-fn', z.object({ n: z.string().min(3) }), { fields: { n: { label: (l) => ({ de: 'N' })[l], messages: { invalid: (l) => ({ de: 'zu kurz' })[l] } } } });
    assert.equal(fn.compiled.fields[0]?.label, 'N');
    assert.equal(fn.parse({ n: 'a' }).state.errors['n'], 'Too small: expected string to have >=3 characters');
    assert.equal(fn.parse({ n: 'a' }, { locale: 'de' }).state.errors['n'], 'zu kurz');
  });

  it('a locale that is not one is refused with a clear error, never made a path of nls files', () => {
    assert.throws(() => hours.parse({ hours: '1' }, { locale: '../../etc' }), /"..\/..\/etc" is not a locale/);
  });
});
