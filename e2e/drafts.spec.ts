// Drafts (the register form has `draft: true`): what is typed is kept in the browser, and a page closed
// before the form is sent fills it in again with a notice; the passwords are never kept; "Discard" and
// a sent form forget it.
import { expect, test, type Page } from '@playwright/test';
import { failLiveChecks } from './page-check.js';

const KEY = 'dijitize-draft:register:/register';
const ready = (page: Page) => page.locator('#register[data-dijitize-ready]').waitFor();
const stored = (page: Page) => page.evaluate(`localStorage.getItem(${JSON.stringify(KEY)})`) as Promise<string | null>;

async function typeSome(page: Page): Promise<void> {
  await page.goto('/register');
  await ready(page);
  await page.locator('#register-username').fill('ada_99');
  await page.locator('#register-email').fill('ada@example.org');
  await page.locator('#register-password').fill('correct horse');
  await page.locator('#register-confirm').fill('correct horse');
  await expect.poll(() => stored(page)).toContain('ada@example.org');
}

test('a page closed before the form is sent comes back with what was typed, and a notice; never the passwords', async ({ context }) => {
  const first = await context.newPage();
  await typeSome(first);
  const draft = (await stored(first)) ?? '';
  expect(draft).toContain('ada_99');
  expect(draft).not.toContain('correct horse');
  expect(draft).not.toMatch(/_csrf|_submission/);
  await first.close();

  const again = await context.newPage();
  await again.goto('/register');
  await ready(again);
  await expect(again.getByRole('status').filter({ hasText: 'was kept as a draft' })).toBeVisible();
  await expect(again.locator('#register-username')).toHaveValue('ada_99');
  await expect(again.locator('#register-email')).toHaveValue('ada@example.org');
  await expect(again.locator('#register-password')).toHaveValue('');
  // Discard: the form as the server wrote it, and no draft.
  await again.getByRole('button', { name: 'Discard the draft' }).click();
  await ready(again);
  await expect(again.locator('#register-username')).toHaveValue('');
  expect(await stored(again)).toBeNull();
});

test('a sent form forgets its draft', async ({ page }) => {
  await failLiveChecks(page); // the username's check is the server's, at submit
  await typeSome(page);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(/\/register\/done$/);
  expect(await stored(page)).toBeNull();
  await page.goto('/register');
  await ready(page);
  await expect(page.locator('#register-username')).toHaveValue('');
  await expect(page.locator('.dijitize-draft')).toHaveCount(0);
});

test('a German page says the draft notice in German, its time as German writes it, with a space before its button', async ({ context }) => {
  const first = await context.newPage();
  await typeSome(first);
  await first.close();
  const again = await context.newPage();
  await again.goto('/register?lang=de');
  await ready(again);
  const notice = again.getByRole('status').filter({ hasText: 'als Entwurf behalten' });
  await expect(notice).toBeVisible();
  expect(await notice.textContent()).toMatch(/\(\d{1,2}\.\d{1,2}\.\d{4}, [\d:]+\), wurde als Entwurf behalten und ist wieder eingetragen\. Entwurf verwerfen$/);
  await expect(notice.getByRole('button', { name: 'Entwurf verwerfen' })).toBeVisible();
});

test('a draft kept from an earlier definition of the form is filled in with a notice to check every field, and sent as from that definition', async ({ page }) => {
  await failLiveChecks(page);
  // A draft typed before a deploy renamed the email field ("mail" then): its fingerprint is the old definition's.
  // Put in from a page without the form (a page with it keeps its own draft when it goes).
  await page.goto('/');
  const draft = { saved: Date.now(), expires: Date.now() + 86_400_000, fingerprint: 'olderDefinit', values: [['username', 'ada99'], ['mail', 'ada@example.org']] };
  await page.evaluate(([key, value]) => localStorage.setItem(key as string, value as string), [KEY, JSON.stringify(draft)]);
  await page.goto('/register');
  await ready(page);
  await expect(page.getByRole('status').filter({ hasText: 'the form has changed since, so check every field before you send it' })).toBeVisible();
  await expect(page.locator('#register-username')).toHaveValue('ada99');
  await expect(page.locator('#register-email')).toHaveValue('');
  await page.locator('#register-email').fill('ada@example.org');
  await page.locator('#register-password').fill('correct horse');
  await page.locator('#register-confirm').fill('correct horse');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/register');
  await page.getByRole('button', { name: 'Register' }).click();
  // The server reads it as a page of that definition (its `migrate` would map "mail"): nothing typed is dropped on the way.
  const body = new URLSearchParams((await sent).postData() ?? '');
  expect(body.get('_fingerprint')).toBe('olderDefinit');
  expect(body.get('mail')).toBe('ada@example.org');
  await expect(page).toHaveURL(/\/register\/done$/);
});
