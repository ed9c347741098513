import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForModule, watchProblems } from './page-check.js';

/** Border colour the current theme gives a Dijit text box. */
async function probeTextBoxBorder(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'dijitTextBox';
    document.body.appendChild(probe);
    const color = getComputedStyle(probe).borderTopColor;
    probe.remove();
    return color;
  });
}

test('the home page loads Dojo 1.17 with the claro theme and runs ready callbacks in order', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await expect(page.locator('#dojo-version')).toHaveText(/^1\.17\.3/);
  await expect(page.locator('#ready-order')).toHaveText('first second');
  await expect(page.locator('body')).toHaveClass('claro');
  await waitForModule(page, 'dojo/_base/kernel');
  // The theme stylesheet really applied: claro styles .claro bodies with its own font.
  const sheet = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).find((h) => h?.includes('claro.css')));
  expect(sheet).toContain('/dijit/themes/claro/claro.css');
  // The theme really applied: claro's rules colour a text box's border under body.claro.
  expect(await probeTextBoxBorder(page)).toBe('rgb(181, 188, 199)');
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a handler can change the theme per request', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/?theme=flat');
  await expect(page.locator('body')).toHaveClass('flat');
  await expect(page.locator('#ready-order')).toHaveText('first second');
  const sheet = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).find((h) => h?.includes('flat.css')));
  expect(sheet).toContain('/dojo-themes/flat/flat.css');
  expect(await probeTextBoxBorder(page)).toBe('rgb(158, 158, 158)');
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('an unknown theme is a 400 with a reason, and the server keeps serving', async ({ request }) => {
  const bad = await request.get('/?theme=%3Cscript%3E');
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('expected one of claro');
  expect((await request.get('/')).status()).toBe(200);
});
