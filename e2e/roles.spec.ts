// The time card as each of the original design's roles finds it (the demo picks the role with ?as=):
// what is shown, read-only and absent; what a POST may change; with JavaScript on and off.
import { expect, test, type Page } from '@playwright/test';
import { submitExpectingSave } from './submit.js';
import { readWidget } from './widgets.js';
import { fillCard } from './timecard-fill.js';

const saved = (page: Page, field: string) => page.locator(`#saved dd[data-field="${field}"]`);

test.describe('JavaScript on', () => {
  test('a manager sees every field and may approve', async ({ page }) => {
    await page.goto('/timecard?as=manager');
    await expect(page.locator('#signed-in')).toHaveText('Signed in as manager.');
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await expect(page.getByLabel('Manager notes')).toBeVisible();
    expect((await readWidget(page, 'timecard-approved', ['readOnly'])).props['readOnly']).toBe(false);
    await fillCard(page, true);
    await page.locator('#timecard-approved').check();
    await submitExpectingSave(page, page.getByRole('button', { name: 'Save time card' }), /\/timecard\/done$/);
    await expect(saved(page, 'approved')).toHaveText('true');
  });

  test('an employee fills in the card; "approved" is read-only and the notes are absent', async ({ page }) => {
    await page.goto('/timecard?as=employee');
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await expect(page.locator('#timecard-notes')).toHaveCount(0);
    await expect(page.getByText('Manager notes')).toHaveCount(0);
    // Nor does the page load their widget: the notes were the only text area.
    expect(await page.content()).not.toContain('dijit/form/SimpleTextarea');
    const approved = await readWidget(page, 'timecard-approved', ['readOnly', 'checked', 'required']);
    expect(approved.props).toEqual({ readOnly: true, checked: false, required: false });
    await page.locator('#timecard-approved').click({ force: true });
    expect((await readWidget(page, 'timecard-approved', ['checked'])).props['checked']).toBe(false);
    await fillCard(page, true);
    await submitExpectingSave(page, page.getByRole('button', { name: 'Save time card' }), /\/timecard\/done$/);
    await expect(saved(page, 'hours')).toHaveText('7.5');
    await expect(saved(page, 'approved')).toHaveText('false');
  });

  test('a customer may see none of the card: 403', async ({ page }) => {
    const response = await page.goto('/timecard?as=customer');
    expect(response?.status()).toBe(403);
    await expect(page.locator('#denied')).toHaveText('Signed in as customer, you may not see this form.');
  });
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('an employee: "approved" is shown but disabled, so not posted; the notes are absent', async ({ page }) => {
    await page.goto('/timecard?as=employee');
    await expect(page.locator('#timecard-approved')).toBeDisabled();
    await expect(page.locator('#timecard-approved')).not.toBeChecked();
    await expect(page.locator('#timecard-notes')).toHaveCount(0);
    await fillCard(page, false);
    await submitExpectingSave(page, page.getByRole('button', { name: 'Save time card' }), /\/timecard\/done$/);
    await expect(saved(page, 'projects')).toHaveText('gemini');
    await expect(saved(page, 'approved')).toHaveText('false');
  });

  test('a tampered POST: an employee who re-enables "approved" and sends approved=on changes nothing', async ({ page }) => {
    await page.goto('/timecard?as=employee');
    await fillCard(page, false);
    await page.evaluate(() => {
      const box = document.getElementById('timecard-approved') as HTMLInputElement;
      box.disabled = false;
      box.checked = true;
      const notes = Object.assign(document.createElement('input'), { name: 'notes', value: 'approved by me' });
      box.form?.append(notes);
    });
    const posted: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && posted.push(r.postData() ?? '')));
    await submitExpectingSave(page, page.getByRole('button', { name: 'Save time card' }), /\/timecard\/done$/);
    expect(posted[0]).toContain('approved=on');
    await expect(saved(page, 'approved')).toHaveText('false');
    await expect(saved(page, 'notes')).toHaveCount(0);
  });

  test('a customer gets the 403 page', async ({ page }) => {
    expect((await page.goto('/timecard?as=customer'))?.status()).toBe(403);
    await expect(page.locator('#denied')).toBeVisible();
  });
});
