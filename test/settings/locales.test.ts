import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { defineForm } from '../../server/index.js';
import { missingTranslations } from '../../server/forms/define.js';
import { renderHead } from '../../server/http/head-tag.js';
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

  it('parsing in a locale: the field\'s own message in it, Dijit\'s "required" in it, the package\'s plain messages in it, for this parse only', () => {
    const de = hours.parse({ hours: '30', name: '' }, { locale: 'de', defaultLocale: 'en-us' });
    assert.equal(de.state.errors['hours'], '0 bis 24');
    assert.equal(de.state.errors['name'], 'Dieser Wert ist erforderlich.');
    const plain = defineForm('locale-plain', z.object({ n: z.number() }));
    assert.equal(plain.parse({ n: 'x' }, { locale: 'de' }).state.errors['n'], 'Geben Sie eine Zahl ein.');
    assert.equal(plain.parse({ n: 'x' }, { locale: 'ar' }).state.errors['n'], 'أدخل رقمًا.');
    assert.equal(plain.parse({ n: 'x' }).state.errors['n'], 'Enter a number.', 'no global change');
    const d = requestDojo({ locales: LOCALES });
    d.locale = 'ar';
    assert.equal(d.parse(hours, { hours: '1', name: '' }).state.errors['name'], 'يجب ادخال هذه القيمة.');
  });

  it('a text given as a function, parsed or compiled with no locale, is the default text, never empty', () => {
    const fn = defineForm('locale-fn', z.object({ n: z.string().min(3) }), { fields: { n: { label: (l) => ({ de: 'N' })[l], messages: { invalid: (l) => ({ de: 'zu kurz' })[l] } } } });
    assert.equal(fn.compiled.fields[0]?.label, 'N');
    assert.equal(fn.parse({ n: 'a' }).state.errors['n'], 'Use at least 3 characters.');
    assert.equal(fn.parse({ n: 'a' }, { locale: 'de' }).state.errors['n'], 'zu kurz');
  });

  it('a locale that is not one is refused with a clear error, never made a path of nls files', () => {
    assert.throws(() => hours.parse({ hours: '1' }, { locale: '../../etc' }), /"..\/..\/etc" is not a locale/);
  });
});

describe("the package's plain messages", () => {
  const checks = defineForm(
    'plain-messages',
    z.object({ name: z.string().min(2).max(5), email: z.email(), hours: z.number().min(0.5).lt(24).multipleOf(0.25), pick: z.enum(['a', 'b']), web: z.url() }),
  );
  const bad = { name: 'x', email: 'nope', hours: '30', pick: 'c', web: 'nope' };

  it("say each kind of check in plain words, in English, German and Arabic, never zod's developer wording", () => {
    const said = (locale?: string) => checks.parse(bad, locale ? { locale, defaultLocale: 'en-us' } : {}).state.errors;
    assert.deepEqual(said(), { name: 'Use at least 2 characters.', email: 'Enter an email address, such as name@example.com.', hours: 'Enter less than 24.', pick: 'Choose one of the choices.', web: 'Enter a web address, such as https://example.com.' });
    assert.deepEqual(said('de'), { name: 'Verwenden Sie mindestens 2 Zeichen.', email: 'Geben Sie eine E-Mail-Adresse ein, etwa name@example.com.', hours: 'Geben Sie weniger als 24 ein.', pick: 'Wählen Sie eine der Möglichkeiten.', web: 'Geben Sie eine Webadresse ein, etwa https://example.com.' });
    for (const message of Object.values(said('ar'))) assert.match(message, /[\u0600-\u06FF]/, message);
    assert.equal(checks.parse({ ...bad, hours: '0.25' }, { locale: 'de', defaultLocale: 'en-us' }).state.errors['hours'], 'Geben Sie 0,5 oder mehr ein.');
    assert.equal(checks.parse({ ...bad, name: 'toolong' }).state.errors['name'], 'Use at most 5 characters.');
    assert.equal(checks.parse({ ...bad, hours: '1.1' }).state.errors['hours'], 'Enter a multiple of 0.25.');
    for (const message of Object.values(said('fr'))) assert.doesNotMatch(message, /expected|Too small|Invalid/);
  });
});
