// Leaving with changes not sent, in an engine: the page asks only when its form changed since it was made
// (a restored draft counts as its start), and Firefox's own question is seen and answered "Leave". The
// page's decision is read in every engine through a beforeunload event like the browser's; WebKitGTK in
// automation mode shows no question of its own to count.
import assert from 'node:assert/strict';
import type { EnginePage } from '../engine-page.js';

export async function leavingAsksOnlyWhenChanged(page: EnginePage): Promise<void> {
  await page.goto('/register');
  await page.ready('register');
  await page.run(() => localStorage.clear()); // no draft of an earlier flow
  await page.goto('/register');
  await page.ready('register');
  assert.equal(await page.wouldAskOnLeaving(), false, `${page.engine}: an unchanged form does not ask`);
  await page.fill('#register-email', 'ada@example.org');
  assert.equal(await page.wouldAskOnLeaving(), true, `${page.engine}: a changed form asks`);
  const before = page.leaveQuestions();
  await page.goto('/');
  const after = page.leaveQuestions();
  if (before !== null) assert.equal(after, before + 1, `${page.engine}: the browser asked, once`);
  // Back: the draft fills the form in, and is its start.
  await page.goto('/register');
  await page.ready('register');
  assert.equal(await page.value('#register-email'), 'ada@example.org', page.engine);
  assert.equal(await page.wouldAskOnLeaving(), false, `${page.engine}: a restored draft does not ask`);
  await page.goto('/');
  if (after !== null) assert.equal(page.leaveQuestions(), after, `${page.engine}: nor does the browser`);
  await page.run(() => localStorage.clear());
}
