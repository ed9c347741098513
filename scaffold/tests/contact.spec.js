// The contact form as a user finds it: Dijit widgets, the server's errors inside them, and a sent message.
import { expect, test } from '@playwright/test';

test('the form is made of Dijit widgets, and a filled form is sent', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#widget_contact-name')).toBeVisible(); // a dijit/form/ValidationTextBox
  await page.getByLabel('Your name').fill('Ada');
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByRole('textbox', { name: 'Topic' }).fill('A question'); // a FilteringSelect: type, then leave it
  await page.getByRole('textbox', { name: 'Topic' }).press('Tab');
  await page.getByLabel('Message').fill('How do I add a field?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, Ada' })).toBeVisible();
});

test('without JavaScript, the server refuses a bad message and says why at the field', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Your name').fill('Ada');
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByLabel('Topic').selectOption('bug');
  await page.getByLabel('Message').fill('short');
  // The browser would refuse it itself (minlength); an old browser sends it, and the server must say why.
  await page.locator('form').evaluate((form) => (form.noValidate = true));
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Message')).toHaveValue('short');
  await expect(page.getByLabel('Message')).toHaveAttribute('aria-invalid', 'true'); // its error is tied to it
  await context.close();
});
