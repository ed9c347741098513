// The insurance claim wizard at /claim, with JavaScript on and off: each step at a URL of its own, Back
// that keeps what was typed (even when it is wrong), the browser's Back and Forward, a reload that
// resumes, two tabs that are two claims, a step skipped for a home incident, the review, and one result.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { axeViolations as axeOf } from './axe.js';
import { watchProblems } from './page-check.js';

const STEP_URL = /\/claim\/[A-Za-z0-9_-]{22}\/(\w+)$/;
const stepOf = (page: Page) => STEP_URL.exec(page.url())?.[1];

/** Waits for the step's form to be usable: its widgets made (JavaScript on), or its page loaded. */
async function ready(page: Page, js: boolean, step: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${step}$`));
  if (js) await page.locator(`#claim-${step}[data-dijitize-ready]`).waitFor();
}

async function next(page: Page, js: boolean, to: string, label = 'Next'): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await ready(page, js, to);
}

async function fillHolder(page: Page, name = 'Ada Lovelace'): Promise<void> {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email address').fill('ada@example.org');
  await page.getByLabel('Policy number').fill('POL-123456');
}

async function fillIncident(page: Page, js: boolean, kind: 'car' | 'home'): Promise<void> {
  await page.getByLabel('When it happened').fill(js ? '3/14/2026' : '2026-03-14');
  await page.getByRole('radio', { name: kind === 'car' ? 'A car' : 'A home' }).check();
  // Without JavaScript the chosen section's fields come with the page its button asks for.
  if (!js) await page.getByRole('button', { name: 'Show the fields for this choice' }).click();
  if (kind === 'car') await page.getByLabel('Where it happened').fill('Harbour Road');
  else {
    const room = page.locator('#claim-incident-what-room');
    const cause = page.locator('#claim-incident-what-cause');
    if (js) {
      await room.fill('Kitchen');
      await room.press('Tab');
      await cause.fill('Water');
      await cause.press('Tab');
    } else {
      await room.selectOption('kitchen');
      await cause.selectOption('water');
    }
  }
  await page.getByLabel('What happened').fill('A pipe burst under the sink.');
}

async function fillItem(page: Page, row: number, what: string, cost: string): Promise<void> {
  const group = page.getByRole('group', { name: `Item ${row}` });
  await group.getByLabel('What it is').fill(what);
  await group.getByLabel('What it cost (EUR)').fill(cost);
}

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: js });

    test('a car claim: five steps, each a URL; Back keeps what was typed unchecked; the review shows it all; one result', async ({ page }) => {
      // Five pages and a dozen widgets' worth of steps: more than the default 30 s on a busy CI machine.
      test.setTimeout(90_000);
      const problems = watchProblems(page);
      await page.goto('/claim');
      await ready(page, js, 'holder');
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 1 of 4: Policy holder');
      await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
      await expect(page.getByRole('navigation', { name: 'Steps' }).locator('[aria-current="step"]')).toHaveText('Policy holder');
      const claimUrl = page.url();
      await fillHolder(page);
      await next(page, js, 'incident');
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 2 of 4: Incident');
      // Something wrong typed, then Back: no check stops it, and it is kept as typed.
      await page.getByLabel('What happened').fill('short');
      await page.getByRole('button', { name: 'Back' }).click();
      await ready(page, js, 'holder');
      await expect(page.getByLabel('Full name')).toHaveValue('Ada Lovelace');
      await next(page, js, 'incident');
      await expect(page.getByLabel('What happened')).toHaveValue('short');
      await fillIncident(page, js, 'car');
      await next(page, js, 'vehicle');
      // A car: the vehicle's step is on the way now.
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 3 of 5: Vehicle');
      await page.getByLabel('Registration plate').fill('AB-123-CD');
      await page.getByLabel('Make and model').fill('Citroën 2CV');
      await page.getByLabel('Year').fill('1975');
      await next(page, js, 'items');
      await fillItem(page, 1, 'Rear bumper', '450');
      await page.getByRole('button', { name: 'Add item' }).click();
      await fillItem(page, 2, 'Tail light <left>', '120');
      await next(page, js, 'review');
      const review = page.locator('.dijitize-wizard-review');
      await expect(review).toContainText('Citroën 2CV');
      await expect(review).toContainText('Tail light <left>');
      await expect(review).toContainText('Harbour Road');
      // The step list jumps back to a step reached; what the review holds is kept.
      await page.getByRole('button', { name: 'Change: Policy holder' }).click();
      await ready(page, js, 'holder');
      await page.getByLabel('Full name').fill('Ada King');
      await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Review and send' }).click();
      await ready(page, js, 'review');
      await expect(review).toContainText('Ada King');
      // Sent without the confirmation: refused with its error, and the focus on the summary.
      await page.getByRole('button', { name: 'Send the claim' }).click();
      if (!js) {
        await expect(page.locator('#claim-review-error-summary')).toBeFocused();
        await expect(page).toHaveTitle(/^Error: Insurance claim/);
      }
      await page.getByLabel('What I told is true, to the best of my knowledge').check();
      const posts: string[] = [];
      page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
      await page.getByRole('button', { name: 'Send the claim' }).click();
      await expect(page).toHaveURL(/\/claim\/sent$/);
      expect(posts).toHaveLength(1);
      await expect(page.locator('dd[data-field="name"]')).toHaveText('Ada King');
      await expect(page.locator('dd[data-field="vehicle"]')).toHaveText('Citroën 2CV (AB-123-CD)');
      await expect(page.locator('dd[data-field="items"]')).toHaveText('Rear bumper: 450; Tail light <left>: 120');
      // The review again: the claim is sent, and says so (a second Finish: test/wizards).
      await page.goto(claimUrl.replace(/\w+$/, 'review'));
      await expect(page.locator('.dijitize-wizard-problem')).toContainText('This form has been sent.');
      // The one refused step (422) is the browser's only complaint.
      expect(problems.consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    });

    test('a home claim skips the vehicle both ways; the browser\'s Back and Forward and a reload keep each step', async ({ page }) => {
      await page.goto('/claim');
      await ready(page, js, 'holder');
      await fillHolder(page);
      if (js) {
        // A double click sends the step once.
        const posts: string[] = [];
        page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
        await page.getByRole('button', { name: 'Next', exact: true }).dblclick();
        await ready(page, js, 'incident');
        expect(posts).toHaveLength(1);
      } else await next(page, js, 'incident');
      await fillIncident(page, js, 'home');
      await next(page, js, 'items');
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 3 of 4: Damaged items');
      await expect(page.getByRole('navigation', { name: 'Steps' })).not.toContainText('Vehicle');
      // A reload shows the same step, with what the steps before it hold.
      await page.reload();
      await ready(page, js, 'items');
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 3 of 4: Damaged items');
      await fillItem(page, 1, 'Cupboard', '300');
      await page.getByRole('button', { name: 'Back' }).click();
      await ready(page, js, 'incident');
      await expect(page.getByLabel('What happened')).toHaveValue('A pipe burst under the sink.');
      // What Back kept of the items: there when going forward again.
      await next(page, js, 'items');
      await expect(page.getByRole('group', { name: 'Item 1' }).getByLabel('What it is')).toHaveValue('Cupboard');
      // The browser's own Back and Forward: each step is a page of the history.
      await page.goBack();
      await ready(page, js, 'incident');
      await expect(page.getByLabel('What happened')).toHaveValue('A pipe burst under the sink.');
      await page.goForward();
      await ready(page, js, 'items');
      expect(stepOf(page)).toBe('items');
      // The vehicle's URL, typed by hand: the step is not on this claim's way.
      await page.goto(page.url().replace(/items$/, 'vehicle'));
      await ready(page, js, 'items');
    });

    test('two tabs are two claims: neither sees what the other typed', async ({ context }) => {
      const [one, two] = [await context.newPage(), await context.newPage()];
      await one.goto('/claim');
      await two.goto('/claim');
      await ready(one, js, 'holder');
      await ready(two, js, 'holder');
      expect(one.url()).not.toBe(two.url());
      await fillHolder(one, 'Ada Lovelace');
      await fillHolder(two, 'Grace Hopper');
      await next(one, js, 'incident');
      await next(two, js, 'incident');
      await one.getByRole('button', { name: 'Back' }).click();
      await two.getByRole('button', { name: 'Back' }).click();
      await ready(one, js, 'holder');
      await ready(two, js, 'holder');
      await expect(one.getByLabel('Full name')).toHaveValue('Ada Lovelace');
      await expect(two.getByLabel('Full name')).toHaveValue('Grace Hopper');
      await closeAll(context);
    });

    test('axe finds nothing on a step and a refused step; the keyboard alone goes on with Enter', async ({ browser }) => {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: js });
      const page = await context.newPage();
      // axe runs as a script: a page without them is checked as its HTML in a page that has them.
      const axeViolations = async (shown: Page) => (js ? axeOf(shown) : axeOfHtml(browser, shown));
      await page.goto('/claim');
      await ready(page, js, 'holder');
      expect(await axeViolations(page)).toEqual([]);
      // Tab from the heading into the first field; type; Enter is Next (never a step list's button).
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Full name')).toBeFocused();
      await page.keyboard.type('Ada Lovelace');
      await page.keyboard.press('Tab');
      // An address the browser takes and the server does not (no top-level domain): refused by the server.
      await page.keyboard.type(js ? 'ada@example.org' : 'ada@example');
      await page.keyboard.press('Tab');
      await page.keyboard.type('POL-123456');
      await page.keyboard.press('Enter');
      if (!js) {
        await expect(page.locator('#claim-holder-error-summary')).toBeFocused();
        expect(await axeViolations(page)).toEqual([]);
        // The summary's link leads to the field; fixed, and Enter again.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect(page.getByLabel('Email address')).toBeFocused();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('ada@example.org');
        await page.keyboard.press('Enter');
      }
      await ready(page, js, 'incident');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  });
}

async function closeAll(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) await page.close();
}

/** axe's findings on what a page without scripts shows: its HTML, scripts taken out, in a page that runs axe. */
async function axeOfHtml(browser: Browser, shown: Page): Promise<string[]> {
  const html = (await shown.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.route(shown.url(), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(shown.url());
  const found = await axeOf(page);
  await context.close();
  return found;
}
