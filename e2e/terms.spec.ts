// "Accept the terms" (z.literal(true)) can be sent: ticked, the form goes; unticked, it is held back with
// the field's message, by the form's own check (JavaScript on) or the browser's (off), and the server
// says "required" to a POST that skips both.
import { expect, test } from '@playwright/test';
import { submitExpectingSave } from './submit.js';

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('unticked, the form is not sent; ticked, it is', async ({ page }) => {
      const posts: string[] = [];
      page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
      await page.goto('/terms');
      if (javaScriptEnabled) await page.locator('form#terms[data-dijitize-ready]').waitFor({ state: 'attached' });
      await page.getByLabel('Your name').fill('Ada Lovelace');
      const box = page.getByRole('checkbox', { name: 'I accept the terms' });
      await page.getByRole('button', { name: 'Sign up' }).click();
      if (javaScriptEnabled) {
        await expect(page.locator('#terms-accept-error')).toHaveText('This value is required.');
        await expect(box).toHaveAttribute('aria-invalid', 'true');
      } else {
        expect(await box.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
      }
      expect(posts).toEqual([]);
      await box.check();
      await submitExpectingSave(page, page.getByRole('button', { name: 'Sign up' }), /\/terms\/done$/);
    });
  });
}

test('a POST without the tick is refused with the required message, and keeps what was typed', async ({ request, page }) => {
  await page.goto('/terms');
  const token = await page.locator('input[name="_csrf"]').getAttribute('value');
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await request.post('/terms', { form: { _csrf: token ?? '', name: 'Ada Lovelace' }, headers: { cookie: cookies }, maxRedirects: 0 });
  expect(res.status()).toBe(422);
  const html = await res.text();
  expect(html).toContain('This value is required.');
  expect(html).toContain('value="Ada Lovelace"');
});
