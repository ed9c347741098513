import { expect, test } from '@playwright/test';
import { HOSTILE } from './hostile-form.js';
import { watchProblems } from './page-check.js';
import { readWidget, tooltipText } from './widgets.js';

const xss = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

for (const path of ['/hostile', '/hostile-csp']) {
  test(`${path}: hostile text in every position shows as text and never runs`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto(path);
    await readWidget(page, 'hostile-name', []);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE);
    expect(await page.locator('label[for="hostile-name"]').textContent()).toBe(HOSTILE);
    expect(await page.locator('#hostile-name-help').textContent()).toBe(HOSTILE);
    expect(await page.locator('legend').textContent()).toBe(HOSTILE);
    expect((await readWidget(page, 'hostile-name', ['placeHolder', 'invalidMessage'])).props['placeHolder']).toBe(HOSTILE);
    expect(await page.getByRole('button').last().textContent()).toContain('window.__xss=2');
    expect(await page.locator('img').count()).toBe(0);

    // The user's hostile values come back from the server, with the server's hostile error.
    await page.locator('#hostile-name').fill(HOSTILE);
    await page.locator('#hostile-color').fill(HOSTILE.slice(0, 12));
    await page.locator('.dijitMenuItem', { hasText: 'onerror' }).first().click();
    await page.locator('#hostile-tags-1').check();
    await page.locator('#hostile-submit, [widgetid="hostile-submit"]').first().click();
    await expect(page.locator('#hostile-name-error')).toHaveText(HOSTILE);
    expect((await readWidget(page, 'hostile-name', ['value'])).props['value']).toBe(HOSTILE);
    expect((await readWidget(page, 'hostile-color', ['value'])).props['value']).toBe(HOSTILE);
    expect((await readWidget(page, 'hostile-tags-1', ['checked'])).props['checked']).toBe(true);
    await page.locator('#hostile-name').focus();
    expect(await tooltipText(page)).toBe(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await xss(page)).toBeUndefined();
    expect(problems.consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
  });
}
