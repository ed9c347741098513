// A value the browser would refuse (a bad address in an email box) typed into a section that is then
// hidden never stops the form: hidden sections carry no native constraint, with JavaScript or without.
import { expect, test } from '@playwright/test';
import { submitExpectingSave } from './submit.js';

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a bad email typed in the invoice section, then card chosen: the card payment is sent', async ({ page }) => {
      await page.goto('/payment');
      if (javaScriptEnabled) await page.locator('form#payment[data-dijitize-ready]').waitFor({ state: 'attached' });
      const show = page.getByRole('button', { name: 'Show the fields for this choice' });
      await page.getByRole('radio', { name: 'By invoice' }).check();
      if (!javaScriptEnabled) await show.click();
      await page.getByLabel('Invoice email').fill('not an address');
      await page.getByRole('radio', { name: 'By card' }).check();
      if (!javaScriptEnabled) await show.click();
      await expect(page.locator('#payment-payment-invoice')).toBeHidden();
      await page.getByLabel('Card holder').fill('Ada Lovelace');
      await submitExpectingSave(page, page.getByRole('button', { name: 'Pay', exact: true }), /\/payment\/done$/);
      await expect(page.locator('dd[data-field="payment"]')).toContainText('card');
    });
  });
}
