// The demo's "done" pages show each visitor only what that visitor saved (demo/visitor-results.ts): a
// shared "last saved" showed one visitor's answers, and a manager's notes, to everyone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../demo/app.js';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';

describe("the demo's done pages", () => {
  it("show the visitor's own result, and nothing of another visitor's", async () => {
    await withServer(createApp(), async (base) => {
      const ada = await openForm(base, '/register');
      // The visitor is named when the form is shown: its cookie comes with the page.
      assert.match(ada.cookie, /(^|; )demo-visitor=[0-9a-f]{32}(;|$)/);
      const saved = await ada.post('/register', `${tokenField(ada)}username=ada&email=ada%40example.org&password=correct+horse&confirm=correct+horse`);
      assert.equal(saved.status, 303);
      const ownPage = await fetch(`${base}/register/done`, { headers: { cookie: ada.cookie } });
      assert.equal(ownPage.headers.get('cache-control'), 'no-store');
      const own = await ownPage.text();
      assert.match(own, /<dd data-field="username">ada<\/dd>/);
      const someoneElse = await (await fetch(`${base}/register/done`)).text();
      assert.doesNotMatch(someoneElse, /ada/);
      const forged = await (await fetch(`${base}/register/done`, { headers: { cookie: 'demo-visitor=00000000000000000000000000000000' } })).text();
      assert.doesNotMatch(forged, /ada/);
    });
  });
});
