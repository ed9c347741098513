import { expect, test } from '@playwright/test';
import { watchProblems } from './page-check.js';
import { postedFields, submitExpectingSave } from './submit.js';
import { readWidget } from './widgets.js';

test('every alternative widget is created from its plain HTML and posts a value the server reads', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/gallery');
  const classes: Record<string, string> = {
    'gallery-plain': 'dijit.form.TextBox',
    'gallery-suggest': 'dijit.form.ComboBox',
    'gallery-grown': 'dijit.form.Textarea',
    'gallery-size': 'dijit.form.Select',
    'gallery-fit-0': 'dijit.form.RadioButton',
    'gallery-price': 'dijit.form.CurrencyTextBox',
    'gallery-volume': 'dijit.form.HorizontalSlider',
    'gallery-tags-0': 'dijit.form.CheckBox',
  };
  for (const [id, declaredClass] of Object.entries(classes)) {
    expect((await readWidget(page, id, [])).declaredClass, id).toBe(declaredClass);
  }
  expect((await readWidget(page, 'gallery-volume', ['minimum', 'maximum', 'discreteValues'])).props).toEqual({ minimum: 0, maximum: 10, discreteValues: 11 });
  expect((await readWidget(page, 'gallery-price', ['constraints'])).props['constraints']).toMatchObject({ min: 0, max: 1000 });

  await page.locator('#gallery-plain').fill('hello');
  // Each drop-down's own menu (a ComboBox's and a Select's items are both .dijitMenuItem), and each choice
  // checked as soon as it is made, so that a click that did not take names its field.
  const valueOf = async (id: string) => (await readWidget(page, id, ['value'])).props['value'];
  await page.locator('#gallery-suggest').fill('ban');
  await page.locator('.dijitComboBoxMenu .dijitMenuItem', { hasText: 'banana' }).click();
  await expect.poll(() => valueOf('gallery-suggest'), { message: 'suggest' }).toBe('banana');
  await page.locator('#gallery-grown').fill('line one');
  await page.locator('#gallery-size').click();
  await page.locator('.dijitSelectMenu .dijitMenuItem', { hasText: 'Large' }).click();
  await expect.poll(() => valueOf('gallery-size'), { message: 'size' }).toBe('l');
  await page.locator('#gallery-fit-1').check();
  await page.locator('#gallery-price').fill('12.50');
  await page.evaluate(() => {
    const registry = (window as unknown as { require: (m: string) => { byId(id: string): { set(n: string, v: unknown): void } } }).require('dijit/registry');
    registry.byId('gallery-volume').set('value', 7);
  });
  await page.locator('#gallery-tags-0').check();
  await page.locator('#gallery-tags-2').check();
  // Blur the last text field so every widget has written its value into the form.
  await page.locator('#gallery-plain').focus();
  await expect
    .poll(() => postedFields(page, 'gallery'))
    .toEqual({ plain: 'hello', suggest: 'banana', grown: 'line one', size: 'l', fit: 'm', price: '12.5', volume: '7', tags: ['s', 'l'] });
  await submitExpectingSave(page, page.getByRole('button', { name: 'Submit' }), /\/gallery\/done$/);
  await expect(page.locator('dd[data-field="plain"]')).toHaveText('hello');
  const saved = Object.fromEntries(await page.locator('dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-field'), dd.textContent])));
  expect(saved).toEqual({ plain: 'hello', suggest: 'banana', grown: 'line one', size: 'l', fit: 'm', price: '12.5', volume: '7', tags: 's, l' });
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
