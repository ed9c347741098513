// For every row of the mapping table (and the choice counts): what the server refuses, the browser
// refuses, and what it accepts, the browser accepts: with JavaScript (the widgets and the submit guard)
// and without (the native attributes). The one thing plain HTML cannot say is listed in NATIVE_GAPS.
import { expect, test, type Page } from '@playwright/test';
import { CASES, NATIVE_GAPS, parity, VALID } from './parity-form.js';

/**
 * Sets one field as a user would: typing, choosing options, or (a date widget) setting its value. Returns
 * false when the browser would not take the value at all (a `maxlength` cuts what is typed).
 */
async function setField(page: Page, name: string, value: string | string[], javaScript: boolean): Promise<boolean> {
  const id = `#parity-${name}`;
  if (Array.isArray(value)) return (await page.locator(id).selectOption(value)).length === value.length;
  if (name === 'day' && javaScript) {
    await page.evaluate(([wid, v]) => {
      const registry = (window as unknown as { require(m: string): { byId(id: string): { set(k: string, v: unknown): void } } }).require('dijit/registry');
      registry.byId(wid as string).set('value', v || null);
    }, ['parity-day', value]);
    return true;
  }
  await page.locator(id).fill(value);
  return (await page.locator(id).inputValue()) === value;
}

/** Whether the browser would send the form with this value in this field (and valid values elsewhere). */
async function browserAccepts(page: Page, field: string, value: string | string[], javaScript: boolean): Promise<boolean> {
  await page.goto('/parity');
  if (javaScript) await page.waitForFunction(() => document.querySelector('#parity .dijitButton'));
  for (const [name, valid] of Object.entries({ ...VALID, [field]: value })) {
    if (!(await setField(page, name, valid, javaScript))) return false;
  }
  if (!javaScript) return page.locator('form#parity').evaluate((form: HTMLFormElement) => form.checkValidity());
  return page.evaluate(() => {
    const registry = (window as unknown as { require(m: string): { byId(id: string): { onSubmit(): boolean } } }).require('dijit/registry');
    return registry.byId('parity').onSubmit();
  });
}

const serverRefuses = (field: string, value: string | string[]) => parity.parse({ ...VALID, [field]: value }).state.errors[field] !== undefined;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`parity with the server, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    for (const [field, value, refused] of CASES) {
      const label = `${field}=${Array.isArray(value) ? value.join(',') : value}`;
      test(`${label}: the server ${refused ? 'refuses' : 'accepts'} it, and so does the browser`, async ({ page }) => {
        expect(serverRefuses(field, value), 'the case says what the server does').toBe(refused);
        const expected = !javaScriptEnabled && NATIVE_GAPS.has(label) ? true : !refused;
        expect(await browserAccepts(page, field, value, javaScriptEnabled)).toBe(expected);
      });
    }
  });
}
