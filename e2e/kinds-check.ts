// What the tests of e2e/kinds-form.ts check: a widget's value, and what the handler received.
import { expect, type Page } from '@playwright/test';

/** What the handler received (the done page shows it) of the values put into the plain controls. */
export const RECEIVED = { text: 'typed early', notes: 'new notes', count: '77', day: '2026-03-04', at: '14:30:00', size: 'l', fruit: 'cherry', agree: 'true', fit: 'm', tags: 'm, l' };

export const widgetValue = (page: Page, id: string) =>
  page.evaluate((wid) => {
    const w = (window as unknown as { require: (m: string) => { byId(id: string): { get(p: string): unknown } | undefined } }).require('dijit/registry').byId(wid);
    return w ? String(w.get('value')) : null;
  }, id);

export async function expectReceived(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/done$/);
  for (const [name, value] of Object.entries(RECEIVED)) await expect(page.locator(`dd[data-field="${name}"]`), name).toHaveText(value);
}

