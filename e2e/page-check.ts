// Shared e2e helper: collects console errors and failed requests of a page, which every spec asserts
// to be zero.
import type { Page } from '@playwright/test';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/** Starts recording console errors, page errors, failed requests and HTTP errors on `page`. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(err.message));
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} ${res.status()}`);
  });
  return problems;
}

/** Waits until an AMD module is defined on the page (require(mid) throws until then). */
export async function waitForModule(page: Page, mid: string): Promise<void> {
  await page.waitForFunction((id) => {
    try {
      return Boolean((window as unknown as { require: (m: string) => unknown }).require(id));
    } catch {
      return false;
    }
  }, mid);
}

/** Starts collecting Content-Security-Policy violations on `page` (call before navigating). */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

/**
 * Makes the server's live checks fail (503), as a busy or broken check would: the page shows no verdict,
 * the form is sent, and the server decides. For tests of what the server says at submit.
 */
export async function failLiveChecks(page: Page): Promise<void> {
  await page.route('**/dojo/check', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }));
}

/** The failed requests but the live checks `failLiveChecks` made fail. */
export const withoutFailedChecks = (failed: string[]): string[] => failed.filter((line) => !/\/dojo\/check 503$/.test(line));
