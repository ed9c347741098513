// Only for the demo served from its build: the page loads the release, in a handful of requests.
import { expect, test, type Page } from '@playwright/test';
import { watchProblems } from './page-check.js';
import { readWidget } from './widgets.js';

/** JS and CSS requests a page makes until its form's widgets exist. */
async function assetRequests(page: Page, path: string, widgetId: string): Promise<string[]> {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (['script', 'stylesheet'].includes(r.resourceType())) urls.push(new URL(r.url()).pathname);
  });
  await page.goto(path);
  await readWidget(page, widgetId, []);
  return urls;
}

for (const [path, widgetId] of [['/register', 'register-username'], ['/timecard', 'timecard-notes'], ['/register-csp', 'register-username']] as const) {
  test(`${path} loads the built layer and theme: at most 4 JS/CSS requests, all from the release`, async ({ page }) => {
    const problems = watchProblems(page);
    const urls = await assetRequests(page, path, widgetId);
    expect(urls.length, urls.join("\n")).toBeLessThanOrEqual(4);
    expect(urls.filter((u) => !u.startsWith('/static/'))).toEqual(urls.filter((u) => u.startsWith('/dojo/release/')));
    expect(urls.some((u) => /\/dojo\/release\/[^/]+\/dojo\/dojo\.js$/.test(u))).toBe(true);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}

test('release files are served with long-lived cache headers', async ({ page, request }) => {
  await page.goto('/register');
  const src = await page.locator('script[src$="/dojo/dojo.js"]').getAttribute('src');
  expect(src).toMatch(/^\/dojo\/release\/\d{8}-\d{6}-\d{3}-[0-9a-f]{12}-[0-9a-f]{8}\/dojo\/dojo\.js$/);
  const res = await request.get(src as string);
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});

test.describe('a page in German', () => {
  test.use({ locale: 'de-DE' });

  test('loads no nls file one by one: the layer holds every locale\'s', async ({ page }) => {
    const urls = await assetRequests(page, '/timecard', 'timecard-notes');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(urls.filter((u) => u.includes('/nls/'))).toEqual([]);
    expect(urls.length, urls.join('\n')).toBeLessThanOrEqual(4);
  });
});
