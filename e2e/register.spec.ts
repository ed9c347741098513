import { expect, test } from '@playwright/test';
import { submitExpectingSave } from './submit.js';
import { failLiveChecks, watchProblems, withoutFailedChecks } from './page-check.js';
import { fillRegister, submitRegister } from './register-form.js';
import { readWidget, tooltipText } from './widgets.js';

test.describe('register form (inline mode)', () => {
  test('widgets are created programmatically with the mapped properties', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/register');
    const username = await readWidget(page, 'register-username', ['required', 'maxLength', 'pattern', 'invalidMessage', 'promptMessage', 'name']);
    expect(username.declaredClass).toBe('dijit.form.ValidationTextBox+liveCheck'); // the server checks it as the user types
    expect(username.props).toEqual({
      required: true,
      maxLength: 16,
      pattern: '(?=(?:[\\s\\S]{2,16})$)(?:^\\w{2,16}$)',
      invalidMessage: 'Username must be 16 characters or shorter, and can only contain letters, numbers, underscores and dashes.',
      promptMessage: '2 to 16 letters, digits or underscores',
      name: 'username',
    });
    const password = await readWidget(page, 'register-password', ['type']);
    expect(password.props['type']).toBe('password');
    expect((await readWidget(page, 'register', [])).declaredClass).toBe('dijitize.Form');
    // No parser markup anywhere: widgets came from code.
    expect(await page.locator('[data-dojo-type]').count()).toBe(0);
    // The label still points at the widget's input.
    await page.getByLabel('Choose a username').fill('ada');
    expect(await page.locator('#register-username').inputValue()).toBe('ada');
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('an invalid form is blocked in the browser: the first bad field gets focus and shows its message', async ({ page }) => {
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    await page.locator('#register-username').fill('a!');
    await page.locator('#register-email').fill('ada@example.org');
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.locator('#register-username')).toBeFocused();
    expect(await tooltipText(page)).toContain('Username must be 16 characters or shorter');
    expect((await readWidget(page, 'register-username', [])).state).toBe('Error');
    expect(posted).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/register');
  });

  test('a valid form submits and redirects (post/redirect/get)', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    await fillRegister(page, { username: 'ada_99' });
    await submitExpectingSave(page, page.getByRole('button', { name: 'Register' }), /\/register\/done$/);
    await expect(page.locator('dd[data-field="username"]')).toHaveText('ada_99');
    expect(problems.consoleErrors).toEqual([]);
  });

  test('a POST that fails on the server re-renders with values kept and the message inside each widget', async ({ page }) => {
    const problems = watchProblems(page);
    await failLiveChecks(page); // the server, not the live check, says the name is taken
    await page.goto('/register');
    await readWidget(page, 'register-username', []);
    await fillRegister(page, { username: 'admin', confirm: 'battery staple' });
    expect((await submitRegister(page)).status()).toBe(422);
    const username = await readWidget(page, 'register-username', ['value']);
    expect(username.props['value']).toBe('admin');
    expect(username.state).toBe('Error');
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
    await expect(page.locator('#register-errors')).toHaveText('The passwords do not match.');
    expect((await readWidget(page, 'register-email', ['value'])).props['value']).toBe('ada@example.org');
    await page.locator('#register-username').focus();
    expect(await tooltipText(page)).toBe('That username is taken.');
    // Once the user changes the value, the widget's own validation takes over again.
    await page.locator('#register-username').fill('grace');
    expect((await readWidget(page, 'register-username', [])).state).toBe('');
    // Only the expected 422 of the re-rendered page.
    expect(withoutFailedChecks(problems.failedRequests)).toEqual([expect.stringMatching(/\/register 422$/)]);
    expect(problems.consoleErrors.filter((e) => !e.includes('422') && !e.includes('503'))).toEqual([]);
  });
});

test.describe('register form with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('plain HTML works: native constraints, and a server failure re-renders with errors and values', async ({ page }) => {
    await page.goto('/register');
    const username = page.locator('input#register-username');
    await expect(username).toHaveAttribute('required', '');
    await expect(username).toHaveAttribute('maxlength', '16');
    await expect(username).toHaveAttribute('minlength', '2');
    await expect(page.locator('input#register-email')).toHaveAttribute('type', 'email');
    await fillRegister(page, { username: 'admin', confirm: 'battery staple' });
    expect((await submitRegister(page)).status()).toBe(422);
    await expect(page.locator('input#register-username')).toHaveValue('admin');
    await expect(page.locator('input#register-username')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
    await expect(page.locator('#register-errors')).toHaveText('The passwords do not match.');
    await expect(page.locator('input#register-email')).toHaveValue('ada@example.org');
    // A password is never sent back: the user types both again.
    await expect(page.locator('input#register-password')).toHaveValue('');
    await expect(page.locator('input#register-confirm')).toHaveValue('');
    await page.locator('#register-username').fill('ada');
    await page.locator('#register-password').fill('correct horse');
    await page.locator('#register-confirm').fill('correct horse');
    await submitExpectingSave(page, page.getByRole('button', { name: 'Register' }), /\/register\/done$/);
    await expect(page.locator('dd[data-field="username"]')).toHaveText('ada');
  });
});

test('a POST without the form\'s CSRF token is refused with 403 and a clear page', async ({ request }) => {
  const res = await request.post('/register', { form: { username: 'ada', email: 'ada@example.org', password: 'correct horse', confirm: 'correct horse' } });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain('without the security cookie this site set');
  expect((await request.get('/register')).status()).toBe(200);
});
