// The claim wizard in an engine: each step a page, Back that keeps what was typed (even wrong), a union
// branch and a list of rows on the way, the review, and one result. With scripts and without.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

const STEP = /\/claim\/[A-Za-z0-9_-]{22}\/(\w+)$/;

/** Clicks the step's button (Next by default) and gives the name of the step the browser lands on. */
async function go(page: EnginePage, css: string): Promise<string> {
  const path = await page.toNextPage(() => page.click(css));
  const step = STEP.exec(path)?.[1] ?? path;
  if (STEP.test(path)) await page.ready(`claim-${step}`);
  return step;
}

export async function wizardWithBack(page: EnginePage): Promise<void> {
  const js = page.javaScript;
  await page.goto('/claim');
  await page.ready('claim-holder');
  await page.fill(await page.labelled('Full name'), 'Ada Lovelace');
  await page.fill(await page.labelled('Email address'), 'ada@example.org');
  await page.fill(await page.labelled('Policy number'), 'POL-123456');
  assert.equal(await go(page, '#claim-holder-submit'), 'incident', page.engine);
  // Something wrong typed, then Back: no check stops it, and it is kept as typed.
  await page.fill(await page.labelled('What happened'), 'short');
  assert.equal(await go(page, 'button[name="_wizard"][value="back"]'), 'holder', page.engine);
  assert.equal(await page.value(await page.labelled('Full name')), 'Ada Lovelace', page.engine);
  assert.equal(await go(page, '#claim-holder-submit'), 'incident', page.engine);
  assert.equal(await page.value(await page.labelled('What happened')), 'short', page.engine);
  assert.deepEqual(await page.axe(), [], `${page.engine}: axe on a step`);

  // A home: the union's other branch (the vehicle's step is skipped).
  if (js) await page.fill(await page.labelled('When it happened'), '3/14/2026');
  else await page.run(() => void ((document.getElementById('claim-incident-happened') as HTMLInputElement).value = '2026-03-14'));
  await page.click(await page.labelled('A home'));
  if (js) {
    await page.fill('#claim-incident-what-room', 'Kitchen');
    await page.press('Tab');
    await page.fill('#claim-incident-what-cause', 'Water');
    await page.press('Tab');
  } else {
    // Without scripts the chosen branch's fields come with the page its button asks for.
    await go(page, '#claim-incident .dijitize-switch');
    await page.run(() => {
      (document.getElementById('claim-incident-what-room') as HTMLSelectElement).value = 'kitchen';
      (document.getElementById('claim-incident-what-cause') as HTMLSelectElement).value = 'water';
    });
  }
  await page.fill(await page.labelled('What happened'), 'A pipe burst under the sink.');
  assert.equal(await go(page, '#claim-incident-submit'), 'items', page.engine);
  await page.fill(await page.labelled('What it is'), 'Sink <cabinet>');
  await page.fill(await page.labelled('What it cost (EUR)'), '80');
  assert.equal(await go(page, '#claim-items-submit'), 'review', page.engine);
  await page.seeText('.dijitize-wizard-review', /Sink <cabinet>/);
  await page.click(await page.labelled('What I told is true, to the best of my knowledge'));
  assert.equal(await page.toNextPage(() => page.click('#claim-review-submit')), '/claim/sent', page.engine);
  const saved = await page.saved();
  assert.deepEqual([saved['name'], saved['items']], ['Ada Lovelace', 'Sink <cabinet>: 80'], page.engine);
}
