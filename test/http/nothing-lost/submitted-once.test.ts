// Submitted once: a form's one-time submission id makes a repeated POST (a double click, a reload of the
// POST, a retry) get the first one's answer without running the app's handler again, also when two POSTs
// of one id arrive at once, on two processes sharing Redis; a refused POST gives its id back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express, { type RequestHandler } from 'express';
import * as z from 'zod';
import { createClient } from 'redis';
import { defineForm, dojo, resolveSettings, type DojoSettings } from '../../../server/index.js';
import { memoryStore, redisStore } from '../../../server/stores/index.js';
import { openForm, tokenField, type FormSession } from '../../form-session.js';
import { withServer } from '../../serve.js';
import { withRedis } from '../../redis-server.js';
import { untilArrived } from '../../arrivals.js';

const note = defineForm('submissions-note', z.object({ text: z.string().min(2) }));

/**
 * An app whose handler counts its runs and waits for `wait()`, if given, as a slow handler does; answers
 * 303, or 200 with `plain`. `before` runs ahead of dojo().
 */
function noteApp(settings: DojoSettings = {}, { plain = false, wait, before }: { plain?: boolean; wait?: () => Promise<void>; before?: RequestHandler } = {}) {
  const runs: string[] = [];
  const app = express();
  if (before) app.use(before);
  app.use(dojo({ secrets: ['one secret for every process here'], ...settings }));
  app.get('/note', (req, res) => void res.send(req.dojo.form(note).html));
  app.post('/note', async (req, res) => {
    const result = req.dojo.parse(note, req.body);
    if (!result.ok) return void res.status(422).send(req.dojo.form(note, result.state).html);
    runs.push(result.data.text);
    await wait?.();
    if (plain) return void res.send(`noted ${result.data.text}`);
    res.redirect(303, `/note/${runs.length}`);
  });
  return { app, runs };
}

/**
 * An app whose handler waits at a gate the test opens, as a slow handler does, and tells the test when
 * each POST arrives and when a client's connection closed: the race is driven by events, not by time.
 */
function gatedApp(settings: DojoSettings = {}) {
  const arrived: Array<() => void> = [];
  const closed: Array<() => void> = [];
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let started = () => {};
  const handlerStarted = new Promise<void>((resolve) => (started = resolve));
  const watch: RequestHandler = (req, res, next) => {
    if (req.method === 'POST') {
      arrived.shift()?.();
      res.once('close', () => void (res.writableFinished || closed.shift()?.()));
    }
    next();
  };
  const { app, runs } = noteApp(settings, { before: watch, wait: () => (started(), gate) });
  const next = (list: Array<() => void>) => new Promise<void>((resolve) => list.push(resolve));
  return { app, runs, openGate, handlerStarted, nextArrival: () => next(arrived), nextClose: () => next(closed) };
}

/**
 * The double click without JavaScript: POST A reaches a slow handler; its client goes away (the browser
 * dropped the first navigation); POST B, the same body, arrives on another connection (`other`); the
 * handler ends. B must get A's answer, and the handler must have run once.
 */
async function doubleClickRace(first: ReturnType<typeof gatedApp>, second: ReturnType<typeof gatedApp>, one: string, two: string): Promise<Response> {
  const s = await openForm(one, '/note');
  const id = await idOf(one);
  const body = `${tokenField(s)}_submission=${id}&text=tea`;
  const post = (base: string, signal?: AbortSignal) => fetch(`${base}/note`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie }, body, ...(signal ? { signal } : {}) });
  const dropped = new AbortController();
  const a = post(one, dropped.signal).catch(() => null);
  await first.handlerStarted;
  const aClosed = first.nextClose();
  dropped.abort();
  await aClosed;
  const bArrived = second.nextArrival();
  const b = post(two);
  await bArrived;
  first.openGate();
  second.openGate();
  await a;
  return b;
}

const idOf = async (base: string) => /name="_submission" value="([A-Za-z0-9_.-]+)"/.exec(await (await fetch(`${base}/note`)).text())?.[1] ?? '';
const send = (s: FormSession, id: string, text: string) => s.post('/note', `${tokenField(s)}_submission=${id}&text=${text}`);

describe('submitted once', () => {
  it('a form carries an id; its repeat gets the same redirect, and the handler ran once', async () => {
    const { app, runs } = noteApp();
    await withServer(app, async (base) => {
      const s = await openForm(base, '/note');
      const id = await idOf(base);
      assert.match(id, /^[A-Za-z0-9_-]{44}\.[A-Za-z0-9_-]+$/);
      assert.notEqual(await idOf(base), id, 'each rendering its own');
      const first = await send(s, id, 'tea');
      const again = await send(s, id, 'tea');
      assert.deepEqual([first.status, first.headers.get('location')], [303, '/note/1']);
      assert.deepEqual([again.status, again.headers.get('location')], [303, '/note/1']);
      assert.deepEqual(runs, ['tea']);
    });
  });

  it('two POSTs of one id at once: one handler run, both answered with its redirect', async () => {
    const { app, runs } = noteApp({}, untilArrived(2));
    await withServer(app, async (base) => {
      const s = await openForm(base, '/note');
      const id = await idOf(base);
      const answers = await Promise.all([send(s, id, 'tea'), send(s, id, 'tea')]);
      assert.deepEqual(answers.map((a) => [a.status, a.headers.get('location')]), [[303, '/note/1'], [303, '/note/1']]);
      assert.deepEqual(runs, ['tea']);
    });
  });

  it('a refused POST gives its id back: fixed, it is sent; an answer that is no redirect is said "already sent" (409)', async () => {
    const { app, runs } = noteApp({}, { plain: true });
    await withServer(app, async (base) => {
      const s = await openForm(base, '/note');
      const id = await idOf(base);
      assert.equal((await send(s, id, 'x')).status, 422);
      const fixed = await send(s, id, 'tea');
      assert.deepEqual([fixed.status, await fixed.text()], [200, 'noted tea']);
      const again = await send(s, id, 'tea');
      assert.equal(again.status, 409);
      assert.match(await again.text(), /This form was sent already/);
      assert.deepEqual(runs, ['tea']);
    });
  });

  it('a repeat waits for the first answer only so long: past `wait`, it says the form is still being sent', async () => {
    // The first POST's handler waits until the repeat has been answered: the repeat's wait runs out.
    const gated = gatedApp({ submissions: { wait: 1 } });
    await withServer(gated.app, async (base) => {
      const s = await openForm(base, '/note');
      const id = await idOf(base);
      const first = send(s, id, 'tea');
      await gated.handlerStarted;
      const again = await send(s, id, 'tea');
      assert.equal(again.status, 409);
      assert.match(await again.text(), /still being sent/);
      gated.openGate();
      assert.equal((await first).status, 303);
      assert.deepEqual(gated.runs, ['tea']);
    });
  });

  it('a repeat after the first client went away waits for the handler still running, and gets its answer: one run', async () => {
    const app = gatedApp();
    await withServer(app.app, async (base) => {
      const b = await doubleClickRace(app, app, base, base);
      assert.deepEqual([b.status, b.headers.get('location')], [303, '/note/1']);
      assert.deepEqual(app.runs, ['tea']);
    });
  });

  it('the same race on two processes sharing Redis: one run, and the repeat gets its answer', async () => {
    await withRedis(async (url) => {
      const client = createClient({ url });
      await client.connect();
      try {
        const store = redisStore({ sendCommand: (...args: string[]) => client.sendCommand(args) });
        const a = gatedApp({ submissions: { store } });
        const b = gatedApp({ submissions: { store } });
        await withServer(a.app, (one) =>
          withServer(b.app, async (two) => {
            const answer = await doubleClickRace(a, b, one, two);
            assert.deepEqual([answer.status, answer.headers.get('location')], [303, '/note/1']);
            assert.equal(a.runs.length + b.runs.length, 1);
          }),
        );
      } finally {
        await client.quit();
      }
    });
  });

  it('two processes sharing Redis: POSTs of one id to both at once run one handler', async () => {
    await withRedis(async (url) => {
      const client = createClient({ url });
      await client.connect();
      try {
        const store = redisStore({ sendCommand: (...args: string[]) => client.sendCommand(args) });
        const bothIn = untilArrived(2); // counted across the two processes' apps
        const a = noteApp({ submissions: { store } }, bothIn);
        const b = noteApp({ submissions: { store } }, bothIn);
        await withServer(a.app, (one) =>
          withServer(b.app, async (two) => {
            const s = await openForm(one, '/note');
            const t = await openForm(two, '/note');
            const id = await idOf(one);
            const answers = await Promise.all([send(s, id, 'tea'), send({ ...t, cookie: s.cookie, token: s.token, post: (to, body) => fetch(`${two}${to}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie }, body: String(body) }) }, id, 'tea')]);
            assert.deepEqual(answers.map((x) => x.status), [303, 303]);
            assert.equal(a.runs.length + b.runs.length, 1);
            assert.ok(Number(await client.ttl(`dijitize:submission:${id}`)) > 3600, 'kept with its ttl');
          }),
        );
      } finally {
        await client.quit();
      }
    });
  });

  it("keeps only ids it made, for the form and session they were made for: made-up ids (200, in a store of 100) do not push out an answer", async () => {
    const store = memoryStore({ max: 100 });
    const session = (req: { get(name: string): string | undefined }) => req.get('x-session') ?? '';
    const { app, runs } = noteApp({ csrf: { sessionId: session }, submissions: { store } });
    await withServer(app, async (base) => {
      const s = await openForm(base, '/note');
      const id = await idOf(base);
      assert.equal((await send(s, id, 'tea')).headers.get('location'), '/note/1');
      // Made up in the id's shape, or the id of another form or session: none is kept.
      const [random = '', mac = ''] = [id.slice(0, 22), id.slice(22, 44)];
      const forged = Array.from({ length: 200 }, (_, i) => (i % 2 ? `${String(i).padStart(22, 'A')}${mac}.${Buffer.from('submissions-note').toString('base64url')}` : String(i).padStart(22, 'B')));
      const otherForm = `${random}${mac}.${Buffer.from('another-form').toString('base64url')}`;
      for (const made of forged) await send(s, made, 'tea');
      await send(s, otherForm, 'tea');
      const before = runs.length;
      // The first id's answer is still there: a replay gets it, and runs nothing.
      const replay = await send(s, id, 'tea');
      assert.deepEqual([replay.status, replay.headers.get('location')], [303, '/note/1']);
      assert.equal(runs.length, before);
      // Another session's POST of the same id is not taken for a repeat of it.
      const elsewhere = await s.post('/note', `${tokenField(s)}_submission=${id}&text=tea`, { 'x-session': 'someone else' });
      assert.notEqual(elsewhere.headers.get('location'), '/note/1');
    });
  });

  it('is off with submissions: false; a wrong store fails at start-up naming the key', async () => {
    const { app } = noteApp({ submissions: false });
    await withServer(app, async (base) => assert.doesNotMatch(await (await fetch(`${base}/note`)).text(), /_submission/));
    assert.throws(() => resolveSettings({ submissions: { store: {} as never } }), /submissions\.store: a SharedStore/);
  });
});
