// A record of every change: the demo's saved time card (/timecard/<id>) lists each save that changed it,
// below the card, in the reader's language: "A manager changed Hours from 7.5 to 8, 10:02". With
// JavaScript (the widgets) and without (plain controls), the same history.
import { expect, test, type Page } from '@playwright/test';
import { submitExpectingSave } from './submit.js';
import { axeViolations } from './axe.js';
import { fillCard } from './timecard-fill.js';

const save = (page: Page) => page.locator('#timecard-submit');
const ready = (page: Page, js: boolean) => (js ? page.locator('#timecard[data-dijitize-ready]').waitFor() : Promise.resolve());

/** Saves a new card at `path` with 7.5 hours, then changes its hours to 8: two saves, one change. */
async function saveThenChange(page: Page, path: string, js: boolean): Promise<void> {
  await page.goto(path);
  await ready(page, js);
  await fillCard(page, js, { project: 'apollo' });
  await submitExpectingSave(page, save(page), new RegExp(`${path}/done$`));
  await page.goto(path);
  await ready(page, js);
  await expect(page.locator('#history')).toHaveCount(0); // the first save is no change
  await page.locator('#timecard-hours').fill('8');
  await submitExpectingSave(page, save(page), new RegExp(`${path}/done$`));
}

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: js });
    test('the card\'s page lists the change, in the reader\'s language', async ({ page }) => {
      const path = `/timecard/history-${js ? 'on' : 'off'}-${Date.now()}`;
      await saveThenChange(page, path, js);
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
      await expect(page.locator('#history li')).toHaveCount(1);
      await expect(page.locator('#history li')).toHaveText(/^A manager changed Hours from 7\.5 to 8, \d\d:\d\d( [AP]M)?$/);
      await page.goto(`${path}?lang=de`);
      await expect(page.getByRole('heading', { name: 'Verlauf' })).toBeVisible();
      await expect(page.locator('#history li')).toHaveText(/^Eine Führungskraft hat Stunden von 7,5 auf 8 geändert, \d\d:\d\d$/);
      if (js) expect(await axeViolations(page)).toEqual([]);
    });
  });
}
