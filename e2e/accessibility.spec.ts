// axe-core finds nothing on any demo form page: inline mode, form-function mode and the nonce page, blank
// and after a failed server validation, with JavaScript on (once the widgets exist) and off.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.js';
import { failLiveChecks } from './page-check.js';

/** Every demo form page; the Arabic register page is right to left; the employee's time card has read-only and absent fields. */
const PAGES = ['/register', '/register?lang=ar', '/timecard', '/timecard?as=employee', '/order', '/expense', '/register-csp', '/register-nonce'];
/** Not a demo page, but the one with radio and checkbox groups, a slider, a Select and a ComboBox. */
const GALLERY = '/gallery';
/** A POST the server refuses on every field it can (required, range, taken name). */
const REFUSED = 'username=admin&email=not-an-email&password=short&hours=30&day=1999-01-01';

/** Opens `path` as the server answers a POST of `body` (the browser's own checks are not in the way). */
async function openRefused(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  await page.route(`**${path}`, (route) =>
    route.continue({
      method: 'POST',
      postData: `_csrf=${encodeURIComponent(token ?? '')}&${REFUSED}`,
      headers: { ...route.request().headers(), 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );
  const answer = page.waitForResponse((res) => res.request().method() === 'POST');
  await page.goto(path);
  expect((await answer).status()).toBe(422);
  await page.unroute(`**${path}`);
}

/**
 * Shows the page as a browser without JavaScript would: the server's HTML for a GET (or for the refused
 * POST) with every script taken out, at the page's own URL so that its stylesheets load.
 */
async function openWithoutScripts(page: Page, path: string, refused: boolean): Promise<void> {
  const blank = await page.request.get(path);
  let html = await blank.text();
  if (refused) {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const answer = await page.request.post(path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: `_csrf=${encodeURIComponent(token)}&${REFUSED}` });
    expect(answer.status()).toBe(422);
    html = await answer.text();
  }
  const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  await page.route(`**${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: withoutScripts }));
  await page.goto(path);
}

const widgetsReady = (page: Page) => page.waitForFunction(() => document.querySelectorAll('form [widgetid]').length > 0 && document.querySelector('form .dijitButton'));

test.use({ bypassCSP: true });

for (const path of [...PAGES, GALLERY]) {
  for (const refused of [false, true]) {
    const state = refused ? 'after a failed server validation' : 'blank';
    test(`${path}, ${state}, JavaScript on: axe finds nothing`, async ({ page }) => {
      if (refused) await openRefused(page, path);
      else await page.goto(path);
      await widgetsReady(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test(`${path}, ${state}, JavaScript off: axe finds nothing`, async ({ page }) => {
      await openWithoutScripts(page, path, refused);
      expect(await page.locator('[widgetid]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('help and error text stay tied to the focused element once the widget exists, and follow its state', async ({ page }) => {
  await openRefused(page, '/register');
  await widgetsReady(page);
  const field = page.locator('#register-username'); // the widget's focus node keeps the field's id
  const error = page.locator('#register-username-error');
  await expect(field).toHaveAttribute('aria-describedby', 'register-username-help register-username-error');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(error).toHaveText('That username is taken.');
  await field.fill('grace');
  await field.press('Tab');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(field).toHaveAttribute('aria-describedby', 'register-username-help');
  await expect(error).toHaveText('');
  await field.fill('');
  await field.press('Tab');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', 'register-username-help register-username-error');
  await expect(error).toHaveText('This value is required.');
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`error summary, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    test('a refused form starts with a focused summary that links to each field; the title starts with "Error:"', async ({ page }) => {
      // The taken name would be said as it is typed: here the server says it, at submit.
      if (javaScriptEnabled) await failLiveChecks(page);
      await page.goto('/register');
      await page.locator('#register-username').fill('admin');
      await page.locator('#register-email').fill('ada@example.org');
      await page.locator('#register-password').fill('correct horse');
      await page.locator('#register-confirm').fill('battery staple');
      const answer = page.waitForResponse((res) => res.request().method() === 'POST');
      await page.getByRole('button', { name: 'Register' }).click();
      expect((await answer).status()).toBe(422);
      await expect(page).toHaveTitle(/^Error: Register/);
      const summary = page.locator('#register-error-summary');
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('heading')).toHaveText('There is a problem');
      await expect(summary.locator('#register-errors')).toHaveText('The passwords do not match.');
      if (javaScriptEnabled) {
        await widgetsReady(page);
        // Dijit's Form moves the form's content, and each widget replaces its control: the focus stays.
        await expect(summary).toBeFocused();
      }
      // Each link names its field.
      const link = summary.getByRole('link', { name: 'Choose a username (letters and numbers only): That username is taken.' });
      await expect(link).toHaveAttribute('href', '#register-username');
      await link.click();
      await expect(page.locator('#register-username')).toBeFocused();
    });
  });
}
