// A check only the server can make, while the user types: register's username. With JavaScript the
// taken name is said in the widget before the form is sent (and the form is not sent); a stale answer
// never overwrites a newer one; with JavaScript off the server says it at submit.
import { expect, test } from '@playwright/test';
import { fillRegister, submitRegister } from './register-form.js';
import { readWidget } from './widgets.js';

test.describe('JavaScript on', () => {
  test('a taken name is said before submitting, inside the widget; a free one passes', async ({ page }) => {
    const checks: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('/dojo/check') && checks.push(r.postData() ?? '')));
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    const username = page.locator('#register-username');
    await username.fill('webmaster');
    await username.press('Tab'); // leaving the field asks at once
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
    expect((await readWidget(page, 'register-username', [])).state).toBe('Error');
    await expect(username).toHaveAttribute('aria-busy', 'false');
    expect(checks.at(-1)).toContain('_check_field=username');
    expect(checks.at(-1)).toContain('_csrf=');
    // The form is not sent while the name is taken.
    await fillRegister(page, { username: 'webmaster' });
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page).toHaveURL(/\/register$/);
    // Typing a free name: asked when typing pauses, and the error goes.
    await username.fill('');
    await username.pressSequentially('ada_lovelace', { delay: 20 });
    await expect.poll(() => checks.some((body) => body.includes('username=ada_lovelace'))).toBe(true);
    await expect(page.locator('#register-username-error')).toHaveText('');
    expect((await readWidget(page, 'register-username', [])).state).toBe('');
  });

  test('a taken name is said while the user is still typing in the box, and the check never posts a password', async ({ page }) => {
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    await page.locator('#register-password').fill('a secret password');
    const username = page.locator('#register-username');
    await username.click();
    const answered = page.waitForResponse((r) => r.url().endsWith('/dojo/check') && (r.request().postData() ?? '').includes('username=webmaster'));
    await username.pressSequentially('webmaster');
    const check = await answered;
    expect(check.request().postData()).not.toContain('password');
    expect(check.request().postData()).not.toContain('confirm=');
    // Still in the box: the message shows, the box is invalid, and the error text (a live region) says it.
    await expect(username).toBeFocused();
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
    await expect(username).toHaveAttribute('aria-invalid', 'true');
  });

  test('a slow answer for an older text is dropped: the newer verdict stands', async ({ page }) => {
    // "root" (taken) is answered late: held until the answer for the free name typed next has come.
    let releaseRoot = () => {};
    const rootHeld = new Promise<void>((resolve) => (releaseRoot = resolve));
    await page.route('**/dojo/check', async (route) => {
      if ((route.request().postData() ?? '').includes('username=root&')) await rootHeld;
      await route.continue();
    });
    // Counts the check answers the page has handled (its own loadend handler runs first).
    await page.addInitScript(() => {
      const w = window as unknown as { checksHandled: number };
      w.checksHandled = 0;
      const open = XMLHttpRequest.prototype.open;
      XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
        if (String(args[1]).endsWith('/dojo/check')) this.addEventListener('loadend', () => void w.checksHandled++);
        return open.apply(this, args);
      } as XMLHttpRequest['open'];
    });
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    const username = page.locator('#register-username');
    const handled = () => page.evaluate(() => (window as unknown as { checksHandled: number }).checksHandled);
    await username.fill('root');
    await username.press('Tab');
    await username.fill('grace_h');
    await username.press('Tab');
    await expect.poll(handled).toBe(1); // the newer answer
    releaseRoot();
    await expect.poll(handled).toBe(2); // the late answer has come and been handled: it must be dropped
    await expect(page.locator('#register-username-error')).toHaveText('');
    expect((await readWidget(page, 'register-username', [])).state).toBe('');
  });
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the server says it at submit', async ({ page }) => {
    await page.goto('/register');
    await fillRegister(page, { username: 'dojo' });
    expect((await submitRegister(page)).status()).toBe(422);
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
  });
});
