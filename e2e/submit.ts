// e2e helpers for submitting a form: the server's answer to the POST, and the happy path that expects
// the server to accept it (303) and the browser to land on the "done" page.
import { expect, type Locator, type Page, type Response } from '@playwright/test';

/** Clicks the form's submit button and returns the server's answer to the POST (the page's, not a live check's). */
export async function submitForm(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()), button.click()]);
  return response;
}

/**
 * Submits and expects a save. When the server re-renders instead, the failure names the server's
 * messages, not just the URL, so a failing run says which field was refused.
 */
export async function submitExpectingSave(page: Page, button: Locator, donePath: RegExp): Promise<void> {
  const status = (await submitForm(page, button)).status();
  if (status !== 303) {
    await page.waitForLoadState();
    // Each field's error text is a live region, empty unless that field was refused.
    const messages = (await page.locator('[role="alert"]').allTextContents()).filter((text) => text.trim() !== '');
    expect({ status, messages }, 'the server refused the form').toEqual({ status: 303, messages: [] });
  }
  await expect(page).toHaveURL(donePath);
}

/** What the form would post now (FormData, without the CSRF token and the one-time submission id): checks the widgets' state before a submit. */
export function postedFields(page: Page, formId: string): Promise<Record<string, string | string[]>> {
  return page.evaluate((id) => {
    const form = document.getElementById(id) as HTMLFormElement;
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new FormData(form)) {
      if (name.startsWith('_') || typeof value !== 'string') continue; // dijitize's own: _csrf, _submission, _fingerprint
      const seen = fields[name];
      fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    return fields;
  }, formId);
}

/**
 * Sends a form past the browser's checks (a native submit, as a client that does not check would) and
 * returns the status of the server's answer, once its page has loaded.
 */
export async function submitPastTheBrowser(page: Page, formId: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), formId),
  ]);
  await page.waitForLoadState();
  return response.status();
}
