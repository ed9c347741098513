// A wizard whose step changed under an open instance (a deploy between two steps): the state kept by the
// earlier release carries the fingerprint of each step's form, so the release of now checks those steps as
// pages of that definition. At Finish the user is sent back to the changed step, its new field marked and
// the notice said, with what was typed there; once that step is sent again, the wizard finishes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { withServer } from '../serve.js';
import { dojo } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { defineWizard, type WizardPage } from '../../server/wizards/index.js';
import { headingOf, valueOf, WizardBrowser } from './wizard-browser.js';

const confirm = new FormDefinition('changed-confirm', z.object({ sure: z.boolean().refine((v) => v, 'Tick to confirm.') }));

/** The app of one release: step "you" as that release defines it. */
function release(you: FormDefinition) {
  const results: unknown[] = [];
  const wizard = defineWizard('changed', [
    { name: 'you', form: you, title: 'You' },
    { name: 'confirm', form: confirm, title: 'Confirm' },
  ]);
  const app = express();
  app.use(dojo({ secrets: ['one ring for both releases'] }));
  const page = (_req: express.Request, res: express.Response, shown: WizardPage) => void res.type('html').send(`<main data-kind="${shown.kind}">${shown.html}</main>`);
  app.use('/changed', wizard.router({ page, done: (data, _req, res) => void (results.push(data), res.redirect(303, '/thanks')) }));
  app.get('/thanks', (_req, res) => void res.send('thanks'));
  return { app, results };
}

describe('a wizard changed between two steps (a deploy)', () => {
  it('sends the user back to the changed step at Finish, its new field marked and what was typed kept; then it finishes', async () => {
    const before = release(new FormDefinition('changed-you', z.object({ name: z.string().min(2) })));
    const after = release(new FormDefinition('changed-you', z.object({ name: z.string().min(2), phone: z.string().min(5) })));
    let browser: WizardBrowser | undefined;
    let confirmPage = '';
    await withServer(before.app, async (base) => {
      browser = new WizardBrowser(base);
      await browser.open('/changed');
      const next = await browser.post({ name: 'Ada' });
      assert.equal(headingOf(next.html), 'Step 2 of 2: Confirm');
      confirmPage = next.url;
    });
    await withServer(after.app, async (base) => {
      const user = new WizardBrowser(base);
      for (const [key, value] of (browser as WizardBrowser).cookies) user.cookies.set(key, value);
      user.last = (browser as WizardBrowser).last;
      const finish = await user.post({ sure: 'on' }, confirmPage);
      assert.equal(finish.posted, 303);
      assert.equal(headingOf(finish.html), 'Step 1 of 2: You');
      assert.match(finish.html, /This form has changed since you opened it; check the fields marked new, then send it again\. Nothing you typed is lost\./);
      assert.match(finish.html, /id="changed-you-phone-error" role="alert">New in this form: check it\.</);
      assert.equal(valueOf(finish.html, 'changed-you-name'), 'Ada');
      assert.equal(after.results.length, 0);
      const step = await user.post({ name: 'Ada', phone: '01234 5678' });
      assert.equal(headingOf(step.html), 'Step 2 of 2: Confirm');
      const done = await user.post({ sure: 'on' });
      assert.equal(done.url, '/thanks');
      assert.deepEqual(after.results, [{ you: { name: 'Ada', phone: '01234 5678' }, confirm: { sure: true } }]);
    });
  });
});
