// The demo's inspector in Chromium: its pages have nothing for axe to find, a preview with JavaScript makes
// the form's widgets and is sent by keyboard alone, and what it sent shows in the recent parses (the
// password redacted).
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.js';
import { watchProblems } from './page-check.js';

test.use({ bypassCSP: true }); // for axe's injected script only

test('the list of forms and a form explained have nothing for axe to find', async ({ page }) => {
  await page.goto('/_dijitize');
  await expect(page.getByRole('link', { name: 'timecard' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'timecard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Form "timecard"');
  await page.getByLabel('Preview as role').selectOption('employee');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('section.preview input[name="hours"]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a preview with JavaScript makes the widgets, is sent by keyboard, and its parse is listed', async ({ page }) => {
  await page.goto('/_dijitize/forms/register');
  const problems = watchProblems(page);
  await page.getByRole('link', { name: 'Open the preview with JavaScript' }).click();
  await expect(page.locator('#widget_register-username')).toBeVisible(); // the ValidationTextBox exists
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(await axeViolations(page)).toEqual([]); // after: what axe itself fetches is not the page's
  await page.locator('#register-username').focus();
  await page.keyboard.type('inspected');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse battery');
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse battery');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/Accepted/);
  await page.goto('/_dijitize/forms/register');
  const log = page.getByRole('table', { name: 'Recent parses' });
  await expect(log).toContainText('accepted');
  await expect(log).toContainText('"username": "inspected"');
  await expect(log).not.toContainText('correct horse battery');
});
