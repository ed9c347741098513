// The demo in German and Arabic: labels, a server message, a Dijit message and a number format in the
// request's locale (from Accept-Language, or ?lang=); Arabic pages right to left.
import { expect, test } from '@playwright/test';
import { submitPastTheBrowser } from './submit.js';
import { readWidget } from './widgets.js';

test.describe('German, from Accept-Language', () => {
  test.use({ locale: 'de-DE' });

  test('labels, a number in German format (submitted as the machine value), Dijit\'s and the server\'s messages in German', async ({ page }) => {
    await page.goto('/timecard');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('label[for="timecard-hours"]')).toHaveText('Stunden');
    await page.waitForFunction(() => document.querySelector('#timecard .dijitButton'));
    await page.locator('#timecard-hours').fill('7,25');
    await page.locator('#timecard-hours').press('Tab');
    const hours = await readWidget(page, 'timecard-hours', ['value', 'displayedValue']);
    expect(hours.props).toEqual({ value: 7.25, displayedValue: '7,25' });
    // Dijit's own message, from its German nls bundle: a required field left empty.
    await page.locator('#timecard-start').focus();
    await page.locator('#timecard-start').press('Tab');
    await page.getByRole('button', { name: 'Stundenzettel speichern' }).click();
    await expect(page.locator('#timecard-start-error')).toHaveText('Dieser Wert ist erforderlich.');
    // What the widget posts is the machine value; the server answers in German.
    const body = await page.evaluate(() => new URLSearchParams(new FormData(document.getElementById('timecard') as HTMLFormElement) as unknown as string).get('hours'));
    expect(body).toBe('7.25');
    await page.locator('#timecard-hours').fill('30');
    expect(await submitPastTheBrowser(page, 'timecard')).toBe(422);
    await expect(page.locator('#timecard-hours-error')).toHaveText('Stunden von 0 bis 24 in Schritten von 0,25.');
    await expect(page.locator('#timecard-start-error')).toHaveText('Dieser Wert ist erforderlich.');
  });
});

test('Arabic, from the switcher: right to left, labels and fields from the right, Arabic texts', async ({ page }) => {
  await page.goto('/register?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.waitForFunction(() => document.querySelector('#register .dijitButton'));
  await expect(page.locator('label[for="register-email"]')).toHaveText('البريد الإلكتروني');
  // The label's text starts at the right, where its field starts (the demo stacks labels above fields).
  const [text, field] = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('label[for="register-email"]') as Node);
    const t = range.getBoundingClientRect();
    const f = (document.getElementById('widget_register-email') as HTMLElement).getBoundingClientRect();
    return [{ left: t.left, right: t.right }, { left: f.left, right: f.right }];
  });
  expect(Math.abs(text.right - field.right)).toBeLessThan(2);
  expect(text.left).toBeGreaterThan(field.left);
  // Dijit mirrors its widgets: the validation text box is right to left.
  expect(await page.evaluate(() => (window as unknown as { require: (m: string) => { byId(i: string): { isLeftToRight(): boolean } } }).require('dijit/registry').byId('register-email').isLeftToRight())).toBe(false);
});
