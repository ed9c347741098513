// Choices too many for the page: the time card's employee is one of 10,000 people on the server. With
// JavaScript the box asks the server as the user types, a page at a time; without it the typed name is
// looked up when the card is sent, and several matches are offered to pick from.
import { expect, test, type Page } from '@playwright/test';
import { submitForm } from './submit.js';
import { readWidget } from './widgets.js';

/** The card's other fields, valid, as plain HTML takes them. */
async function fillPlainCard(page: Page): Promise<void> {
  await page.locator('#timecard-day').fill('2026-01-15');
  await page.locator('#timecard-start').fill('09:30');
  await page.locator('#timecard-hours').fill('7.5');
  await page.locator('#timecard-projects').selectOption('gemini');
}

test('JavaScript on: typing shows the server\'s matches a page at a time; the choice is its value', async ({ page }) => {
  const queries: string[] = [];
  page.on('request', (r) => void (r.url().includes('/dojo/choices/timecard/employee') && queries.push(`${decodeURIComponent(r.url().split('?')[1] ?? '')} ${r.headers()['range'] ?? ''}`)));
  await page.goto('/timecard');
  await page.waitForSelector('#timecard[data-dijitize-ready]');
  await page.locator('#timecard-employee').pressSequentially('Lena', { delay: 30 });
  const menu = page.locator('.dijitComboBoxMenuPopup .dijitMenuItem:not(.dijitMenuPreviousButton):not(.dijitMenuNextButton)');
  await expect(menu.first()).toHaveText(/^Lena /);
  await expect(menu).toHaveCount(20);
  await expect(page.locator('.dijitComboBoxMenuPopup').getByText('More choices')).toBeVisible();
  expect(queries.at(-1)).toMatch(/name=Lena\* items=0-19$/);
  // The next page: asked for, and shown (its first match is another Lena than the first page's).
  const firstOfPage = (await menu.first().textContent()) ?? '';
  await page.locator('.dijitComboBoxMenuPopup').getByText('More choices').click();
  await expect.poll(() => queries.at(-1)).toMatch(/items=20-39$/);
  await expect(menu.first()).not.toHaveText(firstOfPage);
  await expect(menu.first()).toHaveText(/^Lena /);
  await menu.first().click();
  expect((await readWidget(page, 'timecard-employee', ['value'])).props['value']).toMatch(/^p\d{5}$/);
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a typed name is looked up when sent; several matches are offered to pick from', async ({ page }) => {
    await page.goto('/timecard');
    await fillPlainCard(page);
    await page.locator('#timecard-employee').fill('lena abb');
    expect((await submitForm(page, page.getByRole('button', { name: 'Save time card' }))).status()).toBe(422);
    await page.waitForLoadState();
    await expect(page.locator('#timecard-employee-error')).toHaveText('Several choices match "lena abb": choose one.');
    const pick = page.getByLabel('Employee');
    await expect(pick.locator('option').nth(1)).toHaveText('Lena Abbott');
    await expect(pick.locator('option').nth(2)).toHaveText('Lena Abbott 2');
    await pick.selectOption({ label: 'Lena Abbott 2' });
    await fillPlainCard(page);
    expect((await submitForm(page, page.getByRole('button', { name: 'Save time card' }))).status()).toBe(303);
    await expect(page.locator('dd[data-field="employee"]')).toHaveText(/^p\d{5}$/);
  });

  test('an exact name is chosen at once', async ({ page }) => {
    await page.goto('/timecard');
    await fillPlainCard(page);
    await page.locator('#timecard-employee').fill('Alan Turing');
    expect((await submitForm(page, page.getByRole('button', { name: 'Save time card' }))).status()).toBe(303);
    await expect(page.locator('dd[data-field="employee"]')).toHaveText('alan');
  });
});
