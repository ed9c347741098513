import { expect, test, type Page } from '@playwright/test';
import { submitExpectingSave, submitPastTheBrowser } from './submit.js';
import { watchProblems } from './page-check.js';
import { readWidget } from './widgets.js';

/** Types the day, start time, hours and employee into the time card's widgets, as a user would. */
async function fillTimecard(page: Page, values: { hours: string; employee: string }): Promise<void> {
  await page.locator('#timecard-day').fill('3/14/2026');
  await page.locator('#timecard-start').fill('9:30 AM');
  await page.locator('#timecard-hours').fill(values.hours);
  await page.locator('#timecard-employee').fill(values.employee);
  await page.locator('#timecard-employee').press('Tab');
}

test('the time card gets a widget per default mapping, with the mapped properties', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/timecard');
  const day = await readWidget(page, 'timecard-day', ['required', 'constraints', 'rangeMessage']);
  expect(day.declaredClass).toBe('dijit.form.DateTextBox');
  expect(day.props['required']).toBe(true);
  expect(day.props['rangeMessage']).toBe('Pick a day between 2020 and 2030.');
  expect(await page.evaluate(() => {
    type W = { get(n: string): { min: Date; max: Date } };
    const registry = (window as unknown as { require: (m: string) => { byId(id: string): W } }).require('dijit/registry');
    const c = registry.byId('timecard-day').get('constraints');
    return [c.min.getFullYear(), c.max.getFullYear()];
  })).toEqual([2020, 2030]);

  const start = await readWidget(page, 'timecard-start', ['required']);
  expect(start.declaredClass).toBe('dijit.form.TimeTextBox');

  const hours = await readWidget(page, 'timecard-hours', ['required', 'constraints', 'smallDelta', 'rangeMessage', 'promptMessage']);
  // With dijitize/_StepMixin (quarter hours) and _LiveCheckMixin (its warning is asked as the user types).
  expect(hours.declaredClass).toBe('dijit.form.NumberSpinner+step+liveCheck');
  expect(hours.props).toMatchObject({
    required: true,
    constraints: { min: 0, max: 24, places: '0,2' },
    smallDelta: 0.25,
    rangeMessage: 'Hours run from 0 to 24 in steps of 0.25.',
    promptMessage: '0 to 24, in quarter hours',
  });

  const employee = await readWidget(page, 'timecard-employee', ['required']);
  expect(employee.declaredClass).toBe('dijit.form.FilteringSelect');
  // Its drop-down offers the first page of the ten thousand people the server's source holds, and more.
  await page.locator('#widget_timecard-employee .dijitArrowButton').click();
  const people = page.locator('.dijitComboBoxMenuPopup .dijitMenuItem:not(.dijitMenuPreviousButton):not(.dijitMenuNextButton)');
  await expect(people).toHaveCount(20);
  await expect(people.first()).toHaveText('Ada Lovelace');
  await expect(page.locator('.dijitComboBoxMenuPopup').getByText('More choices')).toBeVisible();
  await page.keyboard.press('Escape');
  expect((await readWidget(page, 'timecard-projects', [])).declaredClass).toBe('dijit.form.MultiSelect');
  expect((await readWidget(page, 'timecard-approved', [])).declaredClass).toBe('dijit.form.CheckBox');
  expect((await readWidget(page, 'timecard-notes', [])).declaredClass).toBe('dijit.form.SimpleTextarea');
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('the time card submits through the widgets and the server parses every type', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/timecard');
  await readWidget(page, 'timecard-notes', []);
  await fillTimecard(page, { hours: '7.75', employee: 'Grace Hopper' });
  await page.locator('#timecard-projects').selectOption(['apollo', 'mercury']);
  await page.locator('#timecard-approved').check();
  await page.locator('#timecard-notes').fill('Wrote <the> compiler & "tested" it');
  await submitExpectingSave(page, page.getByRole('button', { name: 'Save time card' }), /\/timecard\/done$/);
  await expect(page.locator('dd[data-field="day"]')).toHaveText('2026-03-14');
  const saved = Object.fromEntries(
    await page.locator('dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-field'), dd.textContent])),
  );
  expect(saved).toEqual({
    day: '2026-03-14',
    start: '09:30:00',
    hours: '7.75',
    employee: 'grace',
    projects: 'apollo, mercury',
    approved: 'true',
    notes: 'Wrote <the> compiler & "tested" it',
  });
  expect(problems.consoleErrors).toEqual([]);
});

test('the browser refuses a step and a missing choice as the server does; the server\'s errors show in the widgets', async ({ page }) => {
  await page.goto('/timecard');
  await readWidget(page, 'timecard-notes', []);
  // 7.3 has two places, as the spinner allows, but is not a quarter hour; no project is chosen.
  await fillTimecard(page, { hours: '7.3', employee: 'Ada Lovelace' });
  const posts: string[] = [];
  page.on('request', (request) => void (request.method() === 'POST' && posts.push(request.url())));
  await page.getByRole('button', { name: 'Save time card' }).click();
  await expect(page.locator('#timecard-projects-error')).toHaveText('Pick at least one project.');
  expect((await readWidget(page, 'timecard-hours', [])).state).toBe('Error');
  expect(posts).toEqual([]);
  // The same values sent past the browser's checks (a native submit): the server's errors show in the widgets.
  expect(await submitPastTheBrowser(page, 'timecard')).toBe(422);
  await expect(page.locator('#timecard-hours-error')).toHaveText('Hours run from 0 to 24 in steps of 0.25.');
  await expect(page.locator('#timecard-projects-error')).toHaveText('Pick at least one project.');
  const hours = await readWidget(page, 'timecard-hours', ['value']);
  expect(hours.props['value']).toBe(7.3);
  expect(hours.state).toBe('Error');
  expect((await readWidget(page, 'timecard-employee', ['value'])).props['value']).toBe('ada');
  expect((await readWidget(page, 'timecard-day', ['value'])).props['value']).toBe('Date(2026-03-14)');
  await expect(page.locator('#timecard-projects')).toHaveAttribute('aria-invalid', 'true');
});
