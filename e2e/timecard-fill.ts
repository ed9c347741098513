// e2e helper: the time card filled in as an employee fills it, through the widgets (JavaScript on) or the
// plain HTML controls (off).
import type { Page } from '@playwright/test';

/** Fills day, start, hours (7.5 unless given), employee and a project; `widgets`: JavaScript is on. */
export async function fillCard(page: Page, widgets: boolean, { hours = '7.5', project = 'gemini' }: { hours?: string; project?: string } = {}): Promise<void> {
  await page.locator('#timecard-day').fill(widgets ? '3/14/2026' : '2026-03-14');
  await page.locator('#timecard-start').fill(widgets ? '9:30 AM' : '09:30');
  // The employee is one of ten thousand: typed, and found by the server (as the user types, or when sent).
  await page.locator('#timecard-employee').fill('Ada Lovelace');
  if (widgets) await page.locator('#timecard-employee').press('Tab');
  await page.locator('#timecard-projects').selectOption(project);
  // Last: a field left asks the server (its warning), and nothing else moves the focus after it.
  await page.locator('#timecard-hours').fill(hours);
  if (widgets) await page.locator('#timecard-hours').press('Tab');
}
