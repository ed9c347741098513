// The time card in an engine, scripts on: every kind of widget typed into, a remote choice picked from
// the server's matches, a refused POST with the server's errors in the widgets, German dates and numbers
// that arrive as typed, an edit conflict shown, and the keyboard alone filling and sending the card.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

/** Types part of a name into the employee's FilteringSelect and picks the full name from the server's matches. */
export async function pickEmployee(page: EnginePage, typed: string, name: string): Promise<void> {
  await page.fill('#timecard-employee', typed);
  await page.clickText('.dijitComboBoxMenuPopup .dijitMenuItem', name);
  await page.waitFor('the menu closed', () => !document.querySelector('.dijitComboBoxMenuPopup') || (document.querySelector('.dijitComboBoxMenuPopup') as HTMLElement).style.display === 'none' || (document.querySelector('.dijitComboBoxMenuPopup') as HTMLElement).offsetParent === null);
}

export async function refusedThenSaved(page: EnginePage): Promise<void> {
  await page.goto('/timecard');
  await page.ready('timecard');
  await page.fill('#timecard-day', '3/14/2026');
  await page.fill('#timecard-start', '9:30 AM');
  await page.fill('#timecard-hours', '7.3'); // two places, as the spinner allows, but not a quarter hour
  await pickEmployee(page, 'Grace', 'Grace Hopper');
  assert.equal((await page.widget('timecard-employee', ['value'])).props['value'], 'grace', `${page.engine}: the remote choice's value`);
  await page.click('#timecard-projects option[value="apollo"]');
  // Sent past the browser's checks: the server's errors show in the widgets, the values kept.
  assert.equal(await page.submitPastTheBrowser('timecard'), '/timecard');
  await page.ready('timecard');
  await page.seeText('#timecard-hours-error', 'Hours run from 0 to 24 in steps of 0.25.');
  const hours = await page.widget('timecard-hours', ['value']);
  assert.deepEqual([hours.state, hours.props['value']], ['Error', 7.3], page.engine);
  assert.equal((await page.widget('timecard-day', ['value'])).props['value'], 'Date(2026-03-14)', page.engine);
  assert.equal((await page.widget('timecard-employee', ['value'])).props['value'], 'grace', page.engine);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on the refused card`);
  await page.fill('#timecard-hours', '7.25');
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), '/timecard/done', page.engine);
  assert.deepEqual(await page.saved(), { day: '2026-03-14', start: '09:30:00', hours: '7.25', employee: 'grace', projects: 'apollo', approved: 'false' }, page.engine);
}

export async function germanTyped(page: EnginePage): Promise<void> {
  await page.goto('/timecard?lang=de');
  await page.ready('timecard');
  assert.deepEqual(await page.run(() => [document.documentElement.lang, document.querySelector('label[for="timecard-hours"]')?.textContent]), ['de', 'Stunden'], page.engine);
  await page.fill('#timecard-day', '14.03.2026');
  await page.fill('#timecard-start', '09:30');
  await page.fill('#timecard-hours', '7,25');
  await page.press('Tab');
  assert.deepEqual((await page.widget('timecard-hours', ['value', 'displayedValue'])).props, { value: 7.25, displayedValue: '7,25' }, page.engine);
  await pickEmployee(page, 'Ada', 'Ada Lovelace');
  await page.click('#timecard-projects option[value="gemini"]');
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), '/timecard/done', page.engine);
  const saved = await page.saved();
  assert.deepEqual([saved['day'], saved['start'], saved['hours'], saved['employee']], ['2026-03-14', '09:30:00', '7.25', 'ada'], page.engine);
}

/** Saves a card at `path` with a user's values, as the first save of a saved card. */
async function saveCard(page: EnginePage, path: string): Promise<void> {
  await page.goto(path);
  await page.ready('timecard');
  await page.fill('#timecard-day', '3/14/2026');
  await page.fill('#timecard-start', '9:30 AM');
  await page.fill('#timecard-hours', '7.5');
  await pickEmployee(page, 'Ada', 'Ada Lovelace');
  await page.click('#timecard-projects option[value="apollo"]');
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), `${path}/done`, page.engine);
}

export async function editConflictShown(page: EnginePage): Promise<void> {
  const path = `/timecard/engines-${Date.now()}`;
  await saveCard(page, path);
  await page.goto(path);
  await page.ready('timecard');
  // Meanwhile another tab of the same browser opens the card and saves 8 hours and a note.
  const other = await page.run((at) =>
    fetch(at).then((r) => r.text()).then((html) => {
      const form = new DOMParser().parseFromString(html, 'text/html').getElementById('timecard') as HTMLFormElement;
      const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      body.set('hours', '8');
      body.set('notes', 'Long day');
      return fetch(at, { method: 'POST', body }).then((r) => new URL(r.url).pathname);
    }), path);
  assert.equal(other, `${path}/done`, `${page.engine}: the other tab saved`);
  await page.fill('#timecard-hours', '6');
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), path, page.engine);
  await page.ready('timecard');
  await page.seeText('#timecard-error-summary', /Someone saved this record after you opened it/);
  await page.seeText('#timecard-hours-error', 'Saved meanwhile: “8”. Yours is kept here.');
  assert.equal(await page.value('#timecard-hours'), '6', page.engine);
  assert.equal(await page.value('#timecard-notes'), 'Long day', `${page.engine}: the other side's note merged`);
  assert.equal(await page.toNextPage(() => page.click('#timecard-submit')), `${path}/done`, page.engine);
  assert.deepEqual([(await page.saved())['hours'], (await page.saved())['notes']], ['6', 'Long day'], page.engine);
}

/** Presses Tab until the element with `id` has the focus (at most 20 times). */
async function tabTo(page: EnginePage, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await page.focused()) === id) return;
    await page.press('Tab');
  }
  throw new Error(`${page.engine}: Tab never reached #${id}`);
}

export async function keyboardAlone(page: EnginePage): Promise<void> {
  await page.goto('/timecard');
  await page.ready('timecard');
  await tabTo(page, 'timecard-day');
  await page.type('1/15/2026');
  await page.press('Tab');
  await page.type('9:00 AM');
  await page.press('Tab');
  assert.equal(await page.focused(), 'timecard-hours', page.engine);
  await page.type('30'); // out of range: to be corrected
  await page.press('Tab');
  assert.equal(await page.focused(), 'timecard-employee', page.engine);
  await page.type('Grace Hopper');
  // As a keyboard user does: wait for the suggestion, pick it with the arrow and Enter, then move on.
  await page.waitFor('the suggestion', () => Array.from(document.querySelectorAll('.dijitComboBoxMenuPopup .dijitMenuItem')).some((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === 'Grace Hopper'));
  await page.press('ArrowDown');
  await page.press('Enter');
  await page.press('Tab');
  assert.equal(await page.focused(), 'timecard-projects', page.engine);
  await page.press('ArrowDown'); // a listbox: the arrow selects the first project
  await page.press('Tab');
  assert.equal(await page.focused(), 'timecard-approved', page.engine);
  await page.press('Space');
  await page.press('Tab');
  await page.type('Worked from home.');
  await tabTo(page, 'timecard-submit');
  await page.press('Enter');
  // Refused in the browser: the first wrong field has the focus, and says why.
  await page.waitFor('the focus on the hours', () => document.activeElement?.id === 'timecard-hours' && document.activeElement.getAttribute('aria-invalid') === 'true');
  await page.press('Control+A');
  await page.type('7');
  await page.press('ArrowUp'); // the spinner's step: 7.25
  assert.equal(await page.value('#timecard-hours'), '7.25', page.engine);
  await tabTo(page, 'timecard-submit');
  assert.equal(await page.toNextPage(() => page.press('Enter')), '/timecard/done', page.engine);
  assert.deepEqual(await page.saved(), { day: '2026-01-15', start: '09:00:00', hours: '7.25', employee: 'grace', projects: 'apollo', approved: 'true', notes: 'Worked from home.' }, page.engine);
}
