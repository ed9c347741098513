// e2e helpers that read Dijit widgets from the page through dijit/registry.
import type { Page } from '@playwright/test';
import { waitForModule } from './page-check.js';

export interface WidgetView {
  declaredClass: string;
  props: Record<string, unknown>;
  state?: string;
}

/** Waits for a widget to exist, then reads the named properties with widget.get(). */
export async function readWidget(page: Page, id: string, names: string[]): Promise<WidgetView> {
  await waitForModule(page, 'dijit/registry');
  await page.waitForFunction((wid) => {
    const registry = (window as unknown as { require: (m: string) => { byId(id: string): unknown } }).require('dijit/registry');
    return Boolean(registry.byId(wid));
  }, id);
  return page.evaluate(
    ([wid, keys]) => {
      type Widget = { declaredClass: string; get(name: string): unknown };
      const registry = (window as unknown as { require: (m: string) => { byId(id: string): Widget } }).require('dijit/registry');
      const widget = registry.byId(wid as string);
      const props: Record<string, unknown> = {};
      for (const key of keys as string[]) {
        const value = widget.get(key);
        props[key] = value instanceof Date ? `Date(${value.toISOString().slice(0, 10)})` : JSON.parse(JSON.stringify(value ?? null));
      }
      return { declaredClass: widget.declaredClass, props, state: widget.get('state') as string | undefined };
    },
    [id, names] as const,
  );
}

/** The text of the Dijit tooltip that is showing (ValidationTextBox shows it while focused). */
export async function tooltipText(page: Page): Promise<string> {
  const tooltip = page.locator('.dijitTooltip .dijitTooltipContents').filter({ visible: true });
  await tooltip.first().waitFor();
  return (await tooltip.first().textContent()) ?? '';
}
