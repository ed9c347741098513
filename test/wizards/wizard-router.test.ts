// A wizard over HTTP, as a browser without JavaScript uses it: each start an instance of its own, each
// step a URL, Next checks, Back keeps what was typed unchecked, a skipped step is skipped both ways, the
// final check jumps to the first step that fails, and `done` gets the typed data once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withServer } from '../serve.js';
import express from 'express';
import { defineWizard } from '../../server/wizards/index.js';
import { dojo } from '../../server/index.js';
import { untilArrived } from '../arrivals.js';
import { REFUSED_NAMES, STEPS, petApp } from './pet-wizard.js';
import { headingOf, valueOf, WizardBrowser } from './wizard-browser.js';

const INSTANCE = /^\/pets\/([A-Za-z0-9_-]{22})\/(\w+)$/;

describe('a wizard\'s router', () => {
  it('starts an instance at its own URL, with a cookie only that URL gets', async () => {
    await withServer(petApp().app, async (base) => {
      const browser = new WizardBrowser(base);
      const start = await browser.fetch('/pets');
      assert.equal(start.status, 303);
      const [, id, step] = INSTANCE.exec(start.location ?? '') ?? [];
      assert.equal(step, 'you');
      assert.deepEqual([...browser.cookies.keys()], [`dijitize_wizard_pets /pets/${id}`]);
      const page = await browser.open(start.location ?? '');
      assert.equal(page.status, 200);
      assert.equal(headingOf(page.html), 'Step 1 of 2: You');
      assert.match(page.html, /<li><span aria-current="step">You<\/span><\/li><li><span class="dijitize-wizard-later">Confirm<\/span><\/li>/);
      assert.match(page.html, /<form id="wizard-test-you"[^>]* action="\/pets\/[^"]+\/you" method="post">/);
      // The first step has no Back; Enter means Next (a hidden copy comes first in the page).
      assert.doesNotMatch(page.html, /value="back"/);
      assert.match(page.html, /^<button type="submit" form="wizard-test-you" hidden tabindex="-1" class="dijitize-default">Next<\/button>$/m);
    });
  });

  it('Next checks the step and keeps what was typed when it is refused; Back keeps it unchecked', async () => {
    await withServer(petApp().app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      const refused = await browser.post({ name: 'A' });
      assert.equal(refused.posted, 422);
      assert.match(refused.html, /id="wizard-test-you-name-error" role="alert">/);
      assert.match(refused.html, /<title>Error: pets<\/title>/);
      // A reload of the step (a GET) shows what was typed.
      assert.equal(valueOf((await browser.open(refused.url)).html, 'wizard-test-you-name'), 'A');
      const pet = await browser.post({ name: 'Ada', hasPet: 'on' });
      assert.equal(pet.posted, 303);
      assert.equal(headingOf(pet.html), 'Step 2 of 3: Your pet');
      // Back with a value the step refuses: no check, and it is there again on the way forward.
      const back = await browser.post({ species: 'cat', petName: '', _wizard: 'back' });
      assert.equal(back.posted, 303);
      assert.equal(headingOf(back.html), 'Step 1 of 3: You');
      assert.equal(valueOf(back.html, 'wizard-test-you-name'), 'Ada');
      const again = await browser.post({ name: 'Ada', hasPet: 'on' });
      assert.match(again.html, /<option value="cat" selected>/);
      assert.doesNotMatch(again.html, /There is a problem/);
    });
  });

  it('skips a step whose when() says no, both ways, and its URL leads back to the instance\'s step', async () => {
    await withServer(petApp().app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      const confirm = await browser.post({ name: 'Ada' });
      assert.equal(headingOf(confirm.html), 'Step 2 of 2: Confirm');
      assert.doesNotMatch(confirm.html, /Your pet/);
      const [, id] = INSTANCE.exec(confirm.url) ?? [];
      const skipped = await browser.fetch(`/pets/${id}/pet`);
      assert.deepEqual([skipped.status, skipped.location], [303, `/pets/${id}/confirm`]);
      const back = await browser.post({ _wizard: 'back' });
      assert.equal(headingOf(back.html), 'Step 1 of 2: You');
      // A jump to a step this instance has not reached is refused, saying why.
      const jump = await browser.fetch(`/pets/${id}/you`, { method: 'POST', body: `_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(back.html)?.[1] ?? '')}&name=Ada&_wizard=goto%3Apet` });
      assert.equal(jump.status, 400);
      // The page says so in the user's words; why (not a step this instance has reached) is in the log.
      assert.match(jump.html, /<h1>Bad request<\/h1><p>What the browser sent is not something this form can take/);
    });
  });

  it('gives done() the typed data of the steps taken, once: a second Finish, even at once, is no second result', async () => {
    const { app, results } = petApp({}, {}, 'pets', { race: untilArrived(2, (req) => req.method === 'POST' && req.path.endsWith('/confirm')) });
    await withServer(app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      await browser.post({ name: 'Ada', hasPet: 'on' });
      const confirm = await browser.post({ species: 'dog', petName: 'Rex' });
      // The review shows each step's values as a user reads them.
      assert.match(confirm.html, /<dt>Species<\/dt><dd>Dog<\/dd><dt>Its name<\/dt><dd>Rex<\/dd>/);
      assert.match(confirm.html, /<dt>I have a pet<\/dt><dd>Yes<\/dd>/);
      const token = /name="_csrf" value="([^"]+)"/.exec(confirm.html)?.[1] ?? '';
      const finish = () => browser.fetch(confirm.url, { method: 'POST', body: `_csrf=${encodeURIComponent(token)}&sure=on` });
      const answers = await Promise.all([finish(), finish()]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 303]);
      assert.match(answers.find((a) => a.status === 200)?.html ?? '', /This form has been sent/);
      assert.deepEqual(results, [{ you: { name: 'Ada', hasPet: true }, pet: { species: 'dog', petName: 'Rex' }, confirm: { sure: true } }]);
      // Later, too: the instance says it is finished.
      const later = await browser.open(confirm.url);
      assert.match(later.html, /data-kind="finished"/);
      assert.equal(results.length, 1);
    });
  });

  it('a step that asks about a warning comes back (200) with its box; confirmed, it stays confirmed to the Finish', async () => {
    const { app, results } = petApp({}, {}, 'pets-warned');
    await withServer(app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      await browser.post({ name: 'Ada', hasPet: 'on' });
      const long = 'Bartholomew the Third';
      const asked = await browser.post({ species: 'dog', petName: long });
      assert.equal(asked.status, 200);
      assert.match(asked.html, /A long name for a pet: is it right\?/);
      const token = /name="_warned" value="([^"]+)"/.exec(asked.html)?.[1] ?? '';
      const confirm = await browser.post({ species: 'dog', petName: long, _warned: token });
      assert.match(confirm.html, /<dt>Its name<\/dt><dd>Bartholomew the Third<\/dd>/);
      // The Finish parses every kept step again: the confirmed warning does not ask again.
      const finish = await browser.post({ sure: 'on' });
      assert.equal(finish.url, '/thanks');
      assert.deepEqual(results, [{ you: { name: 'Ada', hasPet: true }, pet: { species: 'dog', petName: long }, confirm: { sure: true } }]);
    });
  });

  it('runs done() once when a Finish is replayed after a restart with the cookie from before it (no store: the mark is kept on the machine)', async () => {
    const secret = { secrets: ['the same secret before and after the restart'] };
    const before = petApp({}, secret, 'pets-restart');
    let replayed = '';
    let cookies = new Map<string, string>();
    await withServer(before.app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      await browser.post({ name: 'Ada', hasPet: 'on' });
      const confirm = await browser.post({ species: 'dog', petName: 'Rex' });
      cookies = new Map(browser.cookies); // as they were before Finish
      const token = /name="_csrf" value="([^"]+)"/.exec(confirm.html)?.[1] ?? '';
      replayed = `_csrf=${encodeURIComponent(token)}&sure=on`;
      const finished = await browser.fetch(confirm.url, { method: 'POST', body: replayed });
      assert.equal(finished.status, 303);
      replayed = `${confirm.url}\n${replayed}`;
    });
    assert.equal(before.results.length, 1);
    // The app again: its wizard defined anew, nothing of the first run in memory.
    const after = petApp({}, secret, 'pets-restart');
    await withServer(after.app, async (base) => {
      const browser = new WizardBrowser(base);
      for (const [key, value] of cookies) browser.cookies.set(key, value);
      const [path = '', body] = replayed.split('\n');
      const again = await browser.fetch(path, { method: 'POST', body });
      assert.equal(again.status, 200);
      assert.match(again.html, /This form has been sent/);
    });
    assert.equal(after.results.length, 0);
  });

  it('checks every step again at Finish and shows the first that fails, with its errors', async () => {
    await withServer(petApp().app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      await browser.post({ name: 'Grace' });
      REFUSED_NAMES.add('Grace');
      try {
        const back = await browser.post({ sure: 'on' });
        assert.equal(back.posted, 303);
        assert.equal(headingOf(back.html), 'Step 1 of 2: You');
        assert.match(back.html, /id="wizard-test-you-name-error" role="alert">That name is no longer taken\./);
        assert.match(back.html, /There is a problem/);
        // Its errors stay until the step is posted again.
        assert.match((await browser.open(back.url)).html, /That name is no longer taken\./);
      } finally {
        REFUSED_NAMES.delete('Grace');
      }
    });
  });

  it('says Next, not Finish, while a later step may still be taken: its when() waits for data not given yet', async () => {
    const wizard = defineWizard('maybe-pet', [STEPS[0], STEPS[1]]);
    const results: unknown[] = [];
    const app = express().use(dojo());
    app.use('/pets', wizard.router({ page: (_req, res, page) => void res.send(page.html), done: (data, _req, res) => void (results.push(data), res.send('done')) }));
    await withServer(app, async (base) => {
      const browser = new WizardBrowser(base);
      const first = await browser.open('/pets');
      assert.equal(headingOf(first.html), 'Step 1 of 1: You');
      assert.match(first.html, /id="wizard-test-you-submit">Next<\/button>/);
      // No pet: the step the data leaves out is not taken, and this Next finishes.
      const done = await browser.post({ name: 'Ada' });
      assert.equal(done.html, 'done');
      assert.deepEqual(results, [{ you: { name: 'Ada', hasPet: false } }]);
    });
  });

  it('keeps two instances of one browser apart: two tabs never see each other\'s data', async () => {
    await withServer(petApp().app, async (base) => {
      const browser = new WizardBrowser(base);
      const one = (await browser.open('/pets')).url;
      const two = (await browser.open('/pets')).url;
      assert.notEqual(one, two);
      browser.last = await browser.open(one);
      await browser.post({ name: 'Ada' });
      browser.last = await browser.open(two);
      await browser.post({ name: 'Grace' });
      assert.equal(valueOf((await browser.open(one)).html, 'wizard-test-you-name'), 'Ada');
      assert.equal(valueOf((await browser.open(two)).html, 'wizard-test-you-name'), 'Grace');
    });
  });
});
