// Every demo page in an engine: the same widgets as Chromium makes (ids, Dijit classes and the schema's
// constraints as their properties), and axe finds nothing, with scripts and without.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

/** The demo's pages (the wizard's first step is where /claim leads; a saved card is an edit page). */
export const DEMO_PAGES = ['/', '/register', '/register-csp', '/register-nonce', '/timecard', '/timecard/engines-page', '/order', '/expense', '/claim'];

/** Each widget of the page as `id: class {properties}`, sorted; null until every form of the page is ready. */
export function widgetsOfPage(): string[] | null {
  const forms = Array.from(document.querySelectorAll('form[id]'));
  if (!forms.length || !forms.every((f) => f.hasAttribute('data-dijitize-ready'))) return null;
  type Widget = { id: string; declaredClass: string; get(name: string): unknown };
  const registry = (window as unknown as { require(m: string): { toArray(): Widget[] } }).require('dijit/registry');
  const names = ['name', 'required', 'constraints', 'maxLength', 'pattern', 'invalidMessage', 'rangeMessage', 'missingMessage', 'promptMessage', 'disabled', 'readOnly', 'smallDelta'];
  return registry
    .toArray()
    .map((w) => `${w.id}: ${w.declaredClass} ${JSON.stringify(Object.fromEntries(names.map((n) => [n, w.get(n) ?? null])))}`)
    .sort();
}

/** Reads the widgets of each page in `pages`, waiting for its forms to be ready. */
export async function widgetsOfPages(page: EnginePage, pages: string[]): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  for (const path of pages) {
    await page.goto(path);
    const forms = await page.run(() => document.querySelectorAll('form[id]').length);
    seen.set(path, forms ? await page.waitFor(`the widgets of ${path}`, widgetsOfPage) : []);
  }
  return seen;
}

export async function sameWidgetsAsChromium(page: EnginePage, chromium: Map<string, string[]>): Promise<void> {
  const seen = await widgetsOfPages(page, [...chromium.keys()]);
  for (const [path, widgets] of chromium) assert.deepEqual(seen.get(path), widgets, `${page.engine} ${page.base}${path}`);
}

export async function axeOnEveryPage(page: EnginePage): Promise<void> {
  for (const path of DEMO_PAGES) {
    await page.goto(path);
    const form = await page.run(() => document.querySelector('form[id]')?.id ?? '');
    if (form) await page.ready(form);
    assert.deepEqual(await page.axe(), [], `${page.engine}, JavaScript ${page.javaScript ? 'on' : 'off'}: axe on ${path}`);
  }
}
