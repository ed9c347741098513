// The register form in an engine, scripts on: an invalid value held back with the focus on it, the live
// check of the username said in its widget, a draft restored (and one of an earlier definition of the
// form), and Arabic right to left.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

export async function invalidHeldBack(page: EnginePage): Promise<void> {
  await page.goto('/register');
  await page.ready('register');
  await page.fill('#register-username', 'a!');
  await page.fill('#register-email', 'ada@example.org');
  await page.click('#register-submit');
  await page.waitFor('the focus on the username', () => document.activeElement?.id === 'register-username');
  await page.seeText('.dijitTooltip .dijitTooltipContents', /Username must be 16 characters or shorter/);
  assert.equal((await page.widget('register-username')).state, 'Error', page.engine);
  assert.equal(await page.run(() => location.pathname), '/register', `${page.engine}: nothing was sent`);
}

export async function liveCheckSaid(page: EnginePage): Promise<void> {
  await page.goto('/register');
  await page.ready('register');
  await page.fill('#register-username', 'webmaster');
  await page.press('Tab'); // leaving the field asks at once
  await page.seeText('#register-username-error', 'That username is taken.');
  assert.equal((await page.widget('register-username')).state, 'Error', page.engine);
  await page.fill('#register-username', 'ada_lovelace');
  await page.press('Tab');
  await page.waitFor('the error gone', () => document.getElementById('register-username-error')?.textContent === '' && document.getElementById('register-username')?.getAttribute('aria-invalid') === 'false');
}

export async function draftRestored(page: EnginePage): Promise<void> {
  const key = 'dijitize-draft:register:/register';
  await page.goto('/register');
  await page.ready('register');
  await page.fill('#register-username', 'ada_99');
  await page.fill('#register-email', 'ada@example.org');
  await page.fill('#register-password', 'correct horse');
  const draft = await page.waitFor('the draft kept', (k) => (localStorage.getItem(k) ?? '').includes('ada@example.org') && localStorage.getItem(k), key);
  assert.doesNotMatch(String(draft), /correct horse/, `${page.engine}: a password is never kept`);
  await page.goto('/register');
  await page.ready('register');
  await page.seeText('[role="status"].dijitize-draft', /was kept as a draft/);
  assert.equal(await page.value('#register-username'), 'ada_99', page.engine);
  assert.equal(await page.value('#register-email'), 'ada@example.org', page.engine);
  assert.equal(await page.value('#register-password'), '', page.engine);
  await page.click('.dijitize-draft button');
  await page.ready('register');
  await page.waitFor('the draft forgotten', (k) => localStorage.getItem(k) === null && (document.getElementById('register-username') as HTMLInputElement).value === '', key);
}

export async function draftOfChangedForm(page: EnginePage): Promise<void> {
  // A draft typed before a deploy renamed the email field ("mail" then), put in from a page without the form.
  await page.goto('/');
  const draft = { saved: Date.now(), expires: Date.now() + 86_400_000, fingerprint: 'olderDefinit', values: [['username', 'ada99'], ['mail', 'ada@example.org']] };
  await page.run((text) => localStorage.setItem('dijitize-draft:register:/register', text), JSON.stringify(draft));
  await page.goto('/register');
  await page.ready('register');
  await page.seeText('[role="status"].dijitize-draft', /the form has changed since, so check every field before you send it/);
  assert.equal(await page.value('#register-username'), 'ada99', page.engine);
  // Sent as a page of the draft's definition, with the value it has no control for: the server's migrate sees it.
  const sent = await page.run(() => [(document.querySelector('input[name=_fingerprint]') as HTMLInputElement).value, (document.querySelector('input[name=mail]') as HTMLInputElement | null)?.value ?? null]);
  assert.deepEqual(sent, ['olderDefinit', 'ada@example.org'], page.engine);
  await page.fill('#register-email', 'ada@example.org');
  await page.fill('#register-password', 'correct horse');
  await page.fill('#register-confirm', 'correct horse');
  assert.equal(await page.toNextPage(() => page.click('#register-submit')), '/register/done', page.engine);
}

export async function arabicRightToLeft(page: EnginePage): Promise<void> {
  await page.goto('/register?lang=ar');
  await page.ready('register');
  const seen = await page.run(() => {
    const registry = (window as unknown as { require(m: string): { byId(i: string): { isLeftToRight(): boolean } } }).require('dijit/registry');
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('label[for="register-email"]') as Node);
    const text = range.getBoundingClientRect();
    const field = (document.getElementById('widget_register-email') as HTMLElement).getBoundingClientRect();
    return {
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      label: document.querySelector('label[for="register-email"]')?.textContent,
      widgetLeftToRight: registry.byId('register-email').isLeftToRight(),
      rightEdgesApart: Math.round(Math.abs(text.right - field.right)),
      labelStartsRight: text.left > field.left,
    };
  });
  // The label's text starts at the right, where its field starts (the demo stacks labels above fields).
  assert.ok(seen.rightEdgesApart < 2, `${page.engine}: label and field ${seen.rightEdgesApart}px apart at the right`);
  assert.deepEqual({ ...seen, rightEdgesApart: 0 }, { dir: 'rtl', lang: 'ar', label: 'البريد الإلكتروني', widgetLeftToRight: false, rightEdgesApart: 0, labelStartsRight: true }, page.engine);
}
