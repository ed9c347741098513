// e2e helper for the happy path of a form: submit, and expect the server to accept it (303) and the
// browser to land on the "done" page. When the server re-renders instead, the failure names the
// server's messages, not just the URL, so a failing run says which field was refused.
import { expect, type Locator, type Page } from '@playwright/test';

export async function submitExpectingSave(page: Page, button: Locator, donePath: RegExp): Promise<void> {
  const answer = page.waitForResponse((res) => res.request().method() === 'POST');
  await button.click();
  const status = (await answer).status();
  if (status !== 303) {
    await page.waitForLoadState();
    const messages = await page.locator('[role="alert"]').allTextContents();
    expect({ status, messages }, 'the server refused the form').toEqual({ status: 303, messages: [] });
  }
  await expect(page).toHaveURL(donePath);
}

/** What the form would post now (FormData, without the CSRF token): checks the widgets' state before a submit. */
export function postedFields(page: Page, formId: string): Promise<Record<string, string | string[]>> {
  return page.evaluate((id) => {
    const form = document.getElementById(id) as HTMLFormElement;
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new FormData(form)) {
      if (name === '_csrf' || typeof value !== 'string') continue;
      const seen = fields[name];
      fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    return fields;
  }, formId);
}
