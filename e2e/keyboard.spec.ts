// A form filled, corrected and sent with the keyboard alone (Tab, typing, arrows, Space, Enter): the time
// card, whose widgets cover a date, a time, a spinner, a filtering select, a multi-select, a checkbox and
// a text area.
import { expect, test, type Page } from '@playwright/test';

/** Presses Tab until the element with `id` has the focus (at most 20 times). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

test('the time card is filled, corrected and sent with the keyboard alone', async ({ page }) => {
  await page.goto('/timecard');
  await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
  await tabTo(page, 'timecard-day');
  await page.keyboard.type('1/15/2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9:00 AM');
  await page.keyboard.press('Tab');
  await expect(page.locator('#timecard-hours')).toBeFocused();
  await page.keyboard.type('30'); // out of range: to be corrected
  await page.keyboard.press('Tab');
  await expect(page.locator('#timecard-employee')).toBeFocused();
  await page.keyboard.type('Grace Hopper');
  // As a keyboard user does: wait for the suggestion, pick it with the arrow and Enter (Dijit's search
  // runs 200 ms after the last key; a Tab before it leaves the text unmatched), then move on.
  await expect(page.locator('.dijitComboBoxMenu .dijitMenuItem', { hasText: 'Grace Hopper' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.dijitComboBoxMenu')).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(page.locator('#timecard-projects')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // a listbox: the arrow selects the first project
  await page.keyboard.press('Tab');
  await expect(page.locator('#timecard-approved')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Worked from home.');
  await tabTo(page, 'timecard-submit');
  await page.keyboard.press('Enter');
  // Refused in the browser: the first wrong field has the focus, and says why.
  await expect(page.locator('#timecard-hours')).toBeFocused();
  await expect(page.locator('#timecard-hours')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/timecard$/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.keyboard.press('ArrowUp'); // the spinner's step: 7.25
  await expect(page.locator('#timecard-hours')).toHaveValue('7.25');
  await tabTo(page, 'timecard-submit');
  await Promise.all([page.waitForURL(/\/timecard\/done$/), page.keyboard.press('Enter')]);
  const saved = Object.fromEntries(await page.locator('dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-field'), dd.textContent])));
  expect(saved).toMatchObject({ day: '2026-01-15', start: '09:00:00', hours: '7.25', employee: 'grace', projects: 'apollo', approved: 'true', notes: 'Worked from home.' });
});
