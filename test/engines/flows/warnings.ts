// A warning in an engine (the demo's time card asks about more than 10 hours): with scripts, it shows at
// the field as the user leaves it, with its "Send it anyway" box, ticked there and saved at once; without
// them, the card comes back (the same page) with the warning and its box, and ticked, it is saved.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';
import { pickEmployee } from './timecard.js';

const ASKED = '⚠ Warning: More than 10 hours in one day: is that right?';

export async function warningConfirmedAsTyped(page: EnginePage): Promise<void> {
  await page.goto('/timecard');
  await page.ready('timecard');
  await page.fill('#timecard-day', '3/14/2026');
  await page.fill('#timecard-start', '9:30 AM');
  await pickEmployee(page, 'Ada', 'Ada Lovelace');
  await page.click('#timecard-projects option[value="gemini"]');
  await page.fill('#timecard-hours', '12');
  await page.press('Tab');
  await page.seeText('#timecard-hours-warning .dijitize-warning-text', ASKED);
  assert.equal(await page.run(() => document.getElementById('timecard-hours')?.getAttribute('aria-describedby')?.includes('timecard-hours-warning')), true, `${page.engine}: the field is described by its warning`);
  assert.equal((await page.widget('timecard-hours')).state, '', `${page.engine}: a warning is no error`);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe with the warning shown`);
  await page.click(await page.labelled('Send it anyway'));
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), '/timecard/done', page.engine);
  assert.equal((await page.saved())['hours'], '12', page.engine);
}

export async function warningConfirmedAtSubmit(page: EnginePage): Promise<void> {
  await page.goto('/timecard');
  await page.ready('timecard');
  await page.run(() => {
    (document.getElementById('timecard-day') as HTMLInputElement).value = '2026-03-14';
    (document.getElementById('timecard-start') as HTMLInputElement).value = '09:30';
  });
  await page.fill('#timecard-hours', '12');
  await page.fill('#timecard-employee', 'Ada Lovelace');
  await page.run(() => void ((document.querySelector('#timecard-projects option[value="gemini"]') as HTMLOptionElement).selected = true));
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), '/timecard', page.engine);
  await page.ready('timecard');
  await page.seeText('#timecard-hours-warning .dijitize-warning-text', ASKED);
  assert.equal(await page.value('#timecard-hours'), '12', page.engine);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on the warned card`);
  await page.click(await page.labelled('Send it anyway'));
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), '/timecard/done', page.engine);
  assert.equal((await page.saved())['hours'], '12', page.engine);
}
