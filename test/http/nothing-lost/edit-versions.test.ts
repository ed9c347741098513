// Edit conflicts over HTTP, on the demo's saved time cards (/timecard/<id>): the page carries the card's
// version sealed with what it showed; an edit sent after someone saved the card merges changes of one
// side by themselves, and comes back (409) with the saved value beside the user's where both changed a
// field; a version changed on the way, or missing, is a 400.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { createApp } from '../../../demo/app.js';
import { withServer } from '../../serve.js';

/** A browser tab: the page's hidden fields (token, version, submission id) posted with the fields given. */
async function openCard(base: string, path: string) {
  const res = await fetch(`${base}${path}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await res.text();
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));
  return {
    html,
    hidden,
    send: async (fields: Record<string, string | string[]>, extra: Record<string, string> = {}) => {
      const body = new URLSearchParams({ ...hidden, ...extra } as Record<string, string>);
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      const answer = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
      return { status: answer.status, html: await answer.text() };
    },
  };
}

const CARD = { day: '2026-03-14', start: '09:30', hours: '7.5', employee: 'ada', projects: 'apollo', notes: 'first' };
const valueOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*id="${id}"`).exec(html)?.slice(1).find((v) => v !== undefined);

describe('edit conflicts', () => {
  it('an edit sent after the record changed: one side\'s changes merge by themselves', async () => {
    await withServer(createApp(), async (base) => {
      const path = `/timecard/${crypto.randomUUID()}`;
      assert.equal((await (await openCard(base, path)).send(CARD)).status, 303);
      const [one, two] = [await openCard(base, path), await openCard(base, path)];
      assert.match(one.hidden['_version'] ?? '', /^[A-Za-z0-9_-]{40,}$/);
      assert.equal((await one.send({ ...CARD, hours: '8' })).status, 303);
      // The second tab changed only the notes: it keeps the first tab's hours.
      assert.equal((await two.send({ ...CARD, notes: 'second' })).status, 303);
      const now = await openCard(base, path);
      assert.equal(valueOf(now.html, 'timecard-hours'), '8');
      assert.match(now.html, />second<\/textarea>/);
    });
  });

  it('a field both changed comes back (409) with the saved value beside the user\'s; sent again, the user\'s is saved', async () => {
    await withServer(createApp(), async (base) => {
      const path = `/timecard/${crypto.randomUUID()}`;
      await (await openCard(base, path)).send(CARD);
      const [one, two] = [await openCard(base, path), await openCard(base, path)];
      assert.equal((await one.send({ ...CARD, hours: '8', projects: ['apollo', 'gemini'] })).status, 303);
      const conflict = await two.send({ ...CARD, hours: '6', notes: 'mine' });
      assert.equal(conflict.status, 409);
      assert.match(conflict.html, /Someone saved this record after you opened it/);
      assert.match(conflict.html, /id="timecard-hours-error" role="alert">Saved meanwhile: “8”\. Yours is kept here\.</);
      assert.equal(valueOf(conflict.html, 'timecard-hours'), '6');
      // The projects only the first tab changed are merged in; nothing else says a conflict.
      assert.match(conflict.html, /value="gemini"[^>]*checked|value="gemini" selected/);
      assert.doesNotMatch(conflict.html, /id="timecard-notes-error" role="alert">Saved/);
      // The page now carries the saved version: sent again, the user's values win, seen.
      const again = await openCardFrom(base, path, conflict.html, one);
      assert.equal((await again({ ...CARD, hours: '6', notes: 'mine', projects: ['apollo', 'gemini'] })).status, 303);
      const now = await openCard(base, path);
      assert.equal(valueOf(now.html, 'timecard-hours'), '6');
    });
  });

  it('a version changed on the way, or none, is a 400 that says why', async () => {
    await withServer(createApp(), async (base) => {
      const path = `/timecard/${crypto.randomUUID()}`;
      const tab = await openCard(base, path);
      const changed = await tab.send(CARD, { _version: `${tab.hidden['_version']?.slice(0, -2)}AA` });
      assert.equal(changed.status, 400);
      assert.match(changed.html, /was changed on the way/);
      const none = await tab.send(CARD, { _version: '' });
      assert.equal(none.status, 400);
      assert.match(none.html, /arrived without the version of the record/);
    });
  });

  it('each save that changes the card is in its history, read in each reader\'s language and as their roles may see it', async () => {
    await withServer(createApp(), async (base) => {
      const path = `/timecard/${crypto.randomUUID()}`;
      assert.equal((await (await openCard(base, path)).send(CARD)).status, 303);
      // Two tabs: the second one's notes merge with the first one's hours.
      const [one, two] = [await openCard(base, path), await openCard(base, path)];
      assert.equal((await one.send({ ...CARD, hours: '8' })).status, 303);
      assert.equal((await two.send({ ...CARD, notes: 'second' })).status, 303);
      // Sent again unchanged: nothing new in the history.
      assert.equal((await (await openCard(base, path)).send({ ...CARD, hours: '8', notes: 'second' })).status, 303);
      const lines = async (query: string) => {
        const html = await (await fetch(`${base}${path}${query}`)).text();
        return [...(/<ol id="history">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1] ?? '');
      };
      const at = /, \d\d:\d\d( [AP]M)?$/;
      const english = await lines('');
      assert.ok(english.every((l) => at.test(l)), english.join('\n'));
      assert.deepEqual(english.map((l) => l.replace(at, '')), ['A manager changed Manager notes from first to second', 'A manager changed Hours from 7.5 to 8']);
      assert.deepEqual((await lines('?lang=de')).map((l) => l.replace(at, '')), ['Eine Führungskraft hat Notizen der Leitung von first auf second geändert', 'Eine Führungskraft hat Stunden von 7,5 auf 8 geändert']);
      // An employee may not see the manager's notes: nor their history.
      assert.deepEqual((await lines('?as=employee')).map((l) => l.replace(at, '')), ['A manager changed Hours from 7.5 to 8']);
      // The employee is one of ten thousand, chosen by id: the history names them.
      assert.equal((await (await openCard(base, path)).send({ ...CARD, hours: '8', notes: 'second', employee: 'grace' })).status, 303);
      assert.equal((await lines(''))[0]?.replace(at, ''), 'A manager changed Employee from Ada Lovelace to Grace Hopper');
    });
  });
});

/** Sends the fields with the hidden fields of `html` (a page the server answered a POST with). */
function openCardFrom(base: string, path: string, html: string, like: { hidden: Record<string, string> }) {
  const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  assert.notEqual(hidden['_version'], like.hidden['_version']);
  return async (fields: Record<string, string | string[]>) => {
    const page = await fetch(`${base}${path}`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({ ...hidden, _csrf: token });
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  };
}
