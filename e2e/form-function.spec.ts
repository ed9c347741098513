import { expect, test } from '@playwright/test';
import { failLiveChecks, watchCspViolations, watchProblems } from './page-check.js';
import { fillRegister, submitRegister } from './register-form.js';
import { readWidget, tooltipText } from './widgets.js';

test.describe('form-function mode under a strict CSP', () => {
  test('the page has no inline script, no CSP violation, and the widgets are built from the JSON island', async ({ page }) => {
    const problems = watchProblems(page);
    const violations = await watchCspViolations(page);
    const response = await page.goto('/register-csp');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((s) => ({ src: s.getAttribute('src'), type: s.getAttribute('type') })));
    expect(scripts.filter((s) => !s.src && s.type !== 'application/json')).toEqual([]);
    expect(scripts.filter((s) => s.type === 'application/json').length).toBe(2);
    const username = await readWidget(page, 'register-username', ['required', 'maxLength', 'invalidMessage']);
    expect(username.declaredClass).toBe('dijit.form.ValidationTextBox+liveCheck');
    expect(username.props['maxLength']).toBe(16);
    expect((await readWidget(page, 'register', [])).declaredClass).toBe('dijitize.Form');
    expect(violations).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('server errors show inside the widgets in this mode too', async ({ page }) => {
    await failLiveChecks(page); // the server, not the live check, says the name is taken
    await page.goto('/register-csp');
    await readWidget(page, 'register-username', []);
    await fillRegister(page, { username: 'admin' });
    await submitRegister(page);
    await expect(page.locator('#register-username-error')).toHaveText('That username is taken.');
    expect((await readWidget(page, 'register-username', [])).state).toBe('Error');
    await page.locator('#register-username').focus();
    expect(await tooltipText(page)).toBe('That username is taken.');
  });
});

test('inline mode under a nonce CSP: scripts carry the nonce, widgets start, no violation', async ({ page }) => {
  const problems = watchProblems(page);
  const violations = await watchCspViolations(page);
  const response = await page.goto('/register-nonce');
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  // Every script the server wrote carries the nonce (the loader's own are trusted by 'strict-dynamic').
  const written = (await response?.text())?.match(/<script[^>]*>/g) ?? [];
  expect(written.length).toBe(3);
  expect(written.every((tag) => tag.includes(` nonce="${nonce}"`))).toBe(true);
  expect((await readWidget(page, 'register-username', ['maxLength'])).props['maxLength']).toBe(16);
  expect(violations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
