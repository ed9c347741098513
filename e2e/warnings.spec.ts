// Warnings ask, they do not refuse: the demo's time card asks about more than 10 hours in a day. With
// JavaScript the warning shows at the field while the user types, with a "Send it anyway" box; without
// it, the card comes back (200) with the warning and the box. Ticked, the card is saved; a value changed
// after it was ticked is asked about again.
import { expect, test, type Page } from '@playwright/test';
import { submitExpectingSave, submitForm } from './submit.js';
import { axeViolations } from './axe.js';
import { watchProblems } from './page-check.js';
import { fillCard } from './timecard-fill.js';

const ASKED = 'More than 10 hours in one day: is that right?';
const save = (page: Page) => page.getByRole('button', { name: 'Save time card' });

test.describe('JavaScript on', () => {
  test('the warning shows at the field as the user types, described by it; ticked there, the card is saved at once', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('/timecard?as=employee');
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await fillCard(page, true, { hours: '12' });
    const warning = page.locator('#timecard-hours-warning');
    await expect(warning).toContainText(ASKED);
    await expect(warning).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('#timecard-hours')).toHaveAttribute('aria-describedby', /timecard-hours-warning/);
    // A warning is not an error: the widget stays valid, and the form can be sent.
    await expect(page.locator('#widget_timecard-hours')).not.toHaveClass(/dijitError/);
    // (axe re-reads the theme's stylesheets, @imports included, in its own way: the page's problems are counted before it runs.)
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // Back under the line, the warning goes.
    await page.locator('#timecard-hours').fill('8');
    await page.locator('#timecard-hours').press('Tab');
    await expect(warning).toBeEmpty();
    await page.locator('#timecard-hours').fill('12');
    await page.locator('#timecard-hours').press('Tab');
    await page.getByLabel('Send it anyway').check();
    await submitExpectingSave(page, save(page), /\/timecard\/done$/);
    await expect(page.locator('dd[data-field="hours"]')).toHaveText('12');
  });

  test('sent without ticking, the card comes back (200, not refused) with the warning and a summary; ticked, it is saved', async ({ page }) => {
    await page.goto('/timecard?as=employee');
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await fillCard(page, true, { hours: '11' });
    // Not ticked: the server asks, whatever the page said before.
    const response = await submitForm(page, save(page));
    expect(response.status()).toBe(200);
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await expect(page.locator('.dijitize-warning-summary')).toContainText('Check before you send');
    await expect(page.locator('.dijitize-warning-summary')).toBeFocused();
    await expect(page.locator('#timecard-hours-warning')).toContainText(ASKED);
    await expect(page.locator('.dijitize-error-summary')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Send it anyway').check();
    await submitExpectingSave(page, save(page), /\/timecard\/done$/);
  });
});

test('the warned page without scripts: axe finds nothing', async ({ page }) => {
  const blank = await page.request.get('/timecard?as=employee');
  const token = /name="_csrf" value="([^"]+)"/.exec(await blank.text())?.[1] ?? '';
  const posted = new URLSearchParams({ _csrf: token, day: '2026-03-14', start: '09:30', hours: '12', employee: 'Ada Lovelace', projects: 'gemini' });
  const answer = await page.request.post('/timecard?as=employee', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: posted.toString() });
  expect(answer.status()).toBe(200);
  const html = (await answer.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  expect(html).toContain(ASKED);
  await page.route('**/timecard-warned', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto('/timecard-warned');
  expect(await page.locator('[widgetid]').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the card comes back with the warning and its box; ticked, it is saved; changed after ticking, it asks again', async ({ page }) => {
    await page.goto('/timecard?as=employee');
    await fillCard(page, false, { hours: '12' });
    expect((await submitForm(page, save(page))).status()).toBe(200);
    await expect(page.locator('#timecard-hours-warning')).toContainText(ASKED);
    await expect(page.locator('#timecard-hours')).toHaveValue('12');
    // Ticked, then the hours changed: that is another value, asked about again.
    await page.getByLabel('Send it anyway').check();
    await page.locator('#timecard-hours').fill('13');
    expect((await submitForm(page, save(page))).status()).toBe(200);
    await expect(page.locator('#timecard-hours-warning')).toContainText(ASKED);
    await expect(page.getByLabel('Send it anyway')).not.toBeChecked();
    await page.getByLabel('Send it anyway').check();
    await submitExpectingSave(page, save(page), /\/timecard\/done$/);
    await expect(page.locator('dd[data-field="hours"]')).toHaveText('13');
  });

  test('in German, every word of the warning is German', async ({ page }) => {
    await page.goto('/timecard?as=employee&lang=de');
    await fillCard(page, false, { hours: '12' });
    expect((await submitForm(page, page.getByRole('button', { name: 'Stundenzettel speichern' }))).status()).toBe(200);
    await expect(page.locator('#timecard-hours-warning')).toContainText('Mehr als 10 Stunden an einem Tag: stimmt das?');
    await expect(page.getByLabel('Trotzdem senden')).toBeVisible();
    await expect(page.locator('.dijitize-warning-summary h2')).toHaveText('Vor dem Senden prüfen');
  });
});
