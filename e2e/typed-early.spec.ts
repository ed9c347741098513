// Whatever the user or the browser (autofill, a password manager, a restored tab) puts into a plain control
// before its widget exists becomes the widget's value, and is what the form sends: for every widget kind,
// whether the widgets are made when the page's modules arrive or, on a large form, later (lazily).
import { expect, test } from '@playwright/test';
import { expectReceived, widgetValue } from './kinds-check.js';
// (typed-while-loading.spec.ts: typed while a page's modules load, on the source pages.)

test.describe('a large form in a busy browser (no idle time)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
  });

  test('values the browser fills into controls not yet made (autofill) are the widgets\' values, and are sent', async ({ page }) => {
    await page.goto('/kinds-large');
    await page.locator('form#kinds-large[data-dijitize-ready]').waitFor({ state: 'attached' });
    expect(await widgetValue(page, 'kinds-large-count')).toBeNull(); // still a plain control
    // As autofill does: values set without focus or keys.
    await page.evaluate(() => {
      const set = (id: string, value: string) => {
        const input = document.getElementById(id) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      };
      set('kinds-large-text', 'typed early');
      set('kinds-large-notes', 'new notes');
      set('kinds-large-count', '77');
      set('kinds-large-day', '2026-03-04');
      set('kinds-large-at', '14:30');
      set('kinds-large-size', 'l');
      set('kinds-large-fruit', 'cherry');
      (document.getElementById('kinds-large-agree') as HTMLInputElement).checked = true;
      (document.getElementById('kinds-large-fit-1') as HTMLInputElement).checked = true;
      for (const option of Array.from((document.getElementById('kinds-large-tags') as HTMLSelectElement).options)) option.selected = option.value !== 's';
    });
    // One click on Send: the form is sent (every widget is made and checked first).
    await Promise.all([page.waitForURL(/\/done$/), page.locator('#kinds-large-submit').click()]);
    await expectReceived(page);
  });

  test('one press of Send either sends the form or says why not', async ({ page }) => {
    await page.goto('/kinds-large');
    await page.locator('form#kinds-large[data-dijitize-ready]').waitFor({ state: 'attached' });
    let posted = 0;
    page.on('request', (r) => void (r.method() === 'POST' && posted++));
    await Promise.all([page.waitForURL(/\/done$/), page.locator('#kinds-large-submit').click()]);
    expect(posted).toBe(1);
  });
});

test('text a number box cannot hold, sent back by a refused POST, is what its widget shows (not the browser\'s empty box)', async ({ page }) => {
  await page.goto('/kinds');
  const token = await page.locator('input[name="_csrf"]').first().inputValue();
  const refused = await page.request.post('/kinds', { form: { _csrf: token, count: 'abc' } });
  expect(refused.status()).toBe(422);
  const html = await refused.text();
  await page.route('**/kinds-refused', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('/kinds-refused');
  await page.locator('form#kinds[data-dijitize-ready]').waitFor({ state: 'attached' });
  await expect(page.locator('#kinds-count')).toHaveValue('abc');
});
