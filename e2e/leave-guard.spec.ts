// Leaving a page whose form holds changes not sent asks first (the browser's own beforeunload question):
// typed text, a row added. Never for a form unchanged since load or since its draft was restored, never
// when the form is what leaves the page (it was sent), and never for a form with `leaveGuard: false`.
import { expect, test, type Page } from '@playwright/test';
import { failLiveChecks } from './page-check.js';

const ready = (page: Page, form: string) => page.locator(`#${form}[data-dijitize-ready]`).waitFor();

/** Clicks the header's Home link and says whether the browser asked first; `stay` answers the question with "stay". */
async function leaveByLink(page: Page, stay: boolean): Promise<boolean> {
  let asked = false;
  const answer = (dialog: import('@playwright/test').Dialog) => {
    asked = dialog.type() === 'beforeunload';
    void (stay ? dialog.dismiss() : dialog.accept());
  };
  page.once('dialog', answer);
  const from = page.url();
  await page.locator('header nav').getByRole('link', { name: 'Home' }).click();
  if (stay) {
    // The question was answered "stay": the page is still the form's (nothing to wait for but the answer).
    await expect.poll(() => asked).toBe(true);
    expect(page.url()).toBe(from);
  } else {
    await page.waitForURL((url) => url.pathname === '/');
  }
  page.off('dialog', answer);
  return asked;
}

test('typed text: leaving asks; "stay" keeps the page and what was typed; "leave" leaves', async ({ page }) => {
  await page.goto('/register');
  await ready(page, 'register');
  await page.locator('#register-email').fill('ada@example.org');
  expect(await leaveByLink(page, true)).toBe(true);
  await expect(page.locator('#register-email')).toHaveValue('ada@example.org');
  expect(await leaveByLink(page, false)).toBe(true);
});

test('a form unchanged since load, or changed back, does not ask', async ({ page }) => {
  await page.goto('/register');
  await ready(page, 'register');
  expect(await leaveByLink(page, false)).toBe(false);
  await page.goto('/register');
  await ready(page, 'register');
  await page.locator('#register-email').fill('ada@example.org');
  await page.locator('#register-email').fill('');
  expect(await leaveByLink(page, false)).toBe(false);
});

test('a row added asks', async ({ page }) => {
  await page.goto('/order');
  await ready(page, 'order');
  await page.getByRole('button', { name: 'Add item' }).click();
  expect(await leaveByLink(page, false)).toBe(true);
});

test('the form sent does not ask, refused or saved', async ({ page }) => {
  await failLiveChecks(page);
  let asked = false;
  page.on('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  const send = async (username: string) => {
    await ready(page, 'register');
    await page.locator('#register-username').fill(username);
    await page.locator('#register-email').fill('ada@example.org');
    await page.locator('#register-password').fill('correct horse');
    await page.locator('#register-confirm').fill('correct horse');
    await page.getByRole('button', { name: 'Register' }).click();
  };
  await page.goto('/register');
  await send('dojo'); // taken: the server refuses it
  await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
  await send('ada_99');
  await expect(page).toHaveURL(/\/register\/done$/);
  expect(asked).toBe(false);
});

test('a draft restored is the form\'s start: leaving it unchanged does not ask, changing it does', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/register');
  await ready(first, 'register');
  await first.locator('#register-email').fill('ada@example.org');
  await expect.poll(() => first.evaluate(() => localStorage.getItem('dijitize-draft:register:/register'))).toContain('ada@example.org');
  await first.close(); // closed by the browser, not a page: no question

  const again = await context.newPage();
  await again.goto('/register');
  await ready(again, 'register');
  await expect(again.locator('#register-email')).toHaveValue('ada@example.org');
  // Clicked around, nothing changed.
  await again.locator('#register-email').click();
  expect(await leaveByLink(again, false)).toBe(false);
  await again.goto('/register');
  await ready(again, 'register');
  await again.locator('#register-email').fill('grace@example.org');
  expect(await leaveByLink(again, false)).toBe(true);
});

test('a form with leaveGuard: false never asks', async ({ page }) => {
  await page.goto('/terms');
  await ready(page, 'terms');
  await page.locator('#terms-name').fill('Ada');
  expect(await leaveByLink(page, false)).toBe(false);
});
