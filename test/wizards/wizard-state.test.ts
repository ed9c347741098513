// Where a wizard's state lives and what guards it: sealed in the instance's cookie by default (any
// process with the app's secret takes it, nothing else does), or in a store (memory, Redis); bounded in
// size with a clear error; a tampered, foreign or expired state is a 4xx page that starts again, never a 500.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createClient } from 'redis';
import { memoryStore, redisStore } from '../../server/stores/index.js';
import { withServer } from '../serve.js';
import { withRedis } from '../redis-server.js';
import { untilArrived } from '../arrivals.js';
import { petApp } from './pet-wizard.js';
import { headingOf, valueOf, WizardBrowser } from './wizard-browser.js';

const SECRET = { secrets: ['a secret shared by every process of the app'] };
const cookieOf = (browser: WizardBrowser) => [...browser.cookies.values()].find((v, i) => [...browser.cookies.keys()][i]?.startsWith('dijitize_wizard_')) ?? '';

/** Starts an instance and takes its first step; its URL. */
async function firstStep(browser: WizardBrowser, name = 'Ada'): Promise<string> {
  await browser.open('/pets');
  return (await browser.post({ name, hasPet: 'on' })).url;
}

describe('a wizard\'s state', () => {
  it('is sealed: the cookie shows nothing of the data, and any process with the same secret serves the next step', async () => {
    await withServer(petApp({}, SECRET).app, async (one) => {
      await withServer(petApp({}, SECRET).app, async (two) => {
        const browser = new WizardBrowser(one);
        const url = await firstStep(browser, 'Ada Lovelace');
        assert.doesNotMatch(Buffer.from(cookieOf(browser), 'base64url').toString('latin1'), /Ada/);
        // The other process: its own memory, the same secret.
        const other = new WizardBrowser(two);
        for (const [key, value] of browser.cookies) other.cookies.set(key, value);
        const back = await other.open(url);
        assert.equal(back.status, 200);
        assert.equal(headingOf(back.html), 'Step 2 of 3: Your pet');
        other.last = back;
        const again = await other.post({ _wizard: 'back', species: 'cat', petName: 'Tom' });
        assert.equal(valueOf(again.html, 'wizard-test-you-name'), 'Ada Lovelace');
      });
    });
  });

  it('refuses a changed cookie (400), another instance\'s or another wizard\'s (400), another session\'s (403) and an expired one (410), each with a way to start again', async () => {
    const session = { secrets: SECRET.secrets, csrf: { sessionId: (req: { get(h: string): string | undefined }) => req.get('x-session') ?? '' } };
    await withServer(petApp({}, session).app, async (base) => {
      const browser = new WizardBrowser(base);
      const url = await firstStep(browser);
      const [key, token = ''] = [...browser.cookies].find(([k]) => k.startsWith('dijitize_wizard_')) ?? [];
      const changed = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      browser.cookies.set(key ?? '', changed);
      const tampered = await browser.open(url);
      assert.equal(tampered.status, 400);
      assert.match(tampered.html, /data-kind="tampered"[\s\S]*<a href="\/pets\/">Start again<\/a>/);
      // The same cookie under another instance's URL: its seal names its own instance.
      browser.cookies.set(key ?? '', token);
      const otherId = url.replace(/\/pets\/[^/]+/, '/pets/AAAAAAAAAAAAAAAAAAAAAA');
      browser.cookies.set((key ?? '').replace(/\/pets\/[^/ ]+$/, '/pets/AAAAAAAAAAAAAAAAAAAAAA'), token);
      assert.equal((await browser.open(otherId)).status, 400);
      // Another session (csrf.sessionId) with this instance's cookie.
      const foreign = await browser.fetch(url, { headers: { 'x-session': 'someone else' } });
      assert.equal(foreign.status, 403);
      assert.match(foreign.html, /started in another session/);
      // No cookie at all: expired, or another browser.
      assert.equal((await new WizardBrowser(base).open(url)).status, 410);
    });
    // Expired: the clock moves past the instance's life.
    await withServer(petApp({ ttl: 60 }, SECRET).app, async (base) => {
      const browser = new WizardBrowser(base);
      const url = await firstStep(browser);
      mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
      try {
        const expired = await browser.open(url);
        assert.equal(expired.status, 410);
        assert.match(expired.html, /This form has expired/);
      } finally {
        mock.timers.reset();
      }
    });
  });

  it('is bounded: a step that would make it larger says so (413), and shows what was typed', async () => {
    await withServer(petApp({ maxStateSize: 300 }, SECRET).app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      const long = 'x'.repeat(40);
      const answer = await browser.post({ name: long, hasPet: 'on' });
      assert.equal(answer.posted, 413);
      assert.match(answer.html, /What you typed is more than this form can keep between steps \(300 B\)/);
      assert.equal(valueOf(answer.html, 'wizard-test-you-name'), long);
    });
  });

  it('lives in a store when one is given: the cookie only proves the instance is this browser\'s', async () => {
    const store = memoryStore();
    await withServer(petApp({ store }, SECRET).app, async (base) => {
      const browser = new WizardBrowser(base);
      const url = await firstStep(browser, 'x'.repeat(40));
      assert.ok(cookieOf(browser).length < 300, 'the cookie holds no state');
      assert.equal(headingOf((await browser.open(url)).html), 'Step 2 of 3: Your pet');
      // The URL alone, in another browser: not its instance.
      assert.equal((await new WizardBrowser(base).open(url)).status, 410);
    });
  });

  it('lives in Redis for many processes: two apps serve one instance, and it finishes once across them', async () => {
    await withRedis(async (url) => {
      const client = createClient({ url });
      await client.connect();
      try {
        const store = () => redisStore({ sendCommand: (...args: string[]) => client.sendCommand(args) });
        const finishes = untilArrived(2, (req) => req.method === 'POST' && req.path.endsWith('/confirm')); // across both apps
        const a = petApp({ store: store() }, SECRET, 'pets', { race: finishes });
        const b = petApp({ store: store() }, SECRET, 'pets', { race: finishes });
        await withServer(a.app, async (one) => {
          await withServer(b.app, async (two) => {
            const browser = new WizardBrowser(one);
            await firstStep(browser, 'Ada');
            const confirm = await browser.post({ species: 'cat', petName: 'Tom' });
            assert.equal(headingOf(confirm.html), 'Step 3 of 3: Confirm');
            assert.ok((await client.keys('dijitize:wizard:pets:*')).length >= 1);
            const token = /name="_csrf" value="([^"]+)"/.exec(confirm.html)?.[1] ?? '';
            const other = new WizardBrowser(two);
            for (const [key, value] of browser.cookies) other.cookies.set(key, value);
            const body = `_csrf=${encodeURIComponent(token)}&sure=on`;
            const answers = await Promise.all([browser.fetch(confirm.url, { method: 'POST', body }), other.fetch(confirm.url, { method: 'POST', body })]);
            assert.deepEqual(answers.map((x) => x.status).sort(), [200, 303]);
            assert.equal(a.results.length + b.results.length, 1);
          });
        });
      } finally {
        await client.quit();
      }
    });
  });

  it('is kept when done() fails: the same Finish may be tried again', async () => {
    let fail = true;
    const { app, results } = petApp({}, SECRET, 'pets', {
      done: () => {
        if (fail) throw new Error('the database is down');
      },
    });
    app.use((_err: unknown, _req: unknown, res: { status(n: number): { send(t: string): void } }, _next: unknown) => res.status(500).send('failed'));
    await withServer(app, async (base) => {
      const browser = new WizardBrowser(base);
      await browser.open('/pets');
      const confirm = await browser.post({ name: 'Ada' });
      const failed = await browser.post({ sure: 'on' });
      assert.equal(failed.posted, 500);
      fail = false;
      browser.last = confirm;
      const sent = await browser.post({ sure: 'on' });
      assert.equal(sent.posted, 303);
      assert.equal(results.length, 1);
    });
  });
});
