// A key rotated while pages are open, on two processes: a user opens a form, keeps a file from a refused
// POST, goes to step 2 of a wizard and opens a saved record, all signed with the old key; the app is
// restarted with a new key first and the old one still in its ring; everything is sent then and accepted,
// nothing lost. Once the old key has left the ring, the same pages get a 4xx that says what to do.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PNG } from '../uploads/sample-files.js';
import { RECEIPTS_DIR } from '../../demo/expense-form.js';
import { hidden, Jar, multipart, withCluster, type Answer } from './cluster-client.js';

const OLD = 'the key of last month (retiring)';
const NEW = 'the key of this month (now first)';

/** What a browser holds of its open pages: each page's hidden fields and where it posts. */
interface OpenPages {
  register: Answer;
  expenseRefused: Answer;
  wizardStep: { at: string; page: Answer };
  card: Answer;
}

const REGISTER = 'username=adarotated&email=ada%40example.org&password=correct+horse&confirm=correct+horse';
const EXPENSE = { amount: '12.5', spentOn: '2026-11-01', description: 'Taxi to the airport' };
const CARD_PATH = '/timecard/rotation-card';
const CARD = 'day=2026-01-15&start=09%3A00&hours=8&employee=ada&projects=apollo';

/** Opens every page with the ring the cluster has now (the old key alone). */
async function openPages(port: number, jar: Jar): Promise<OpenPages> {
  const register = await jar.send(port, 'GET', '/register');
  const expense = await jar.send(port, 'GET', '/expense');
  const refusedBody = await multipart({ _csrf: hidden(expense, '_csrf'), _form_name: 'expense', ...EXPENSE, amount: '-1' }, [['receipt', PNG, 'receipt.png', 'image/png']]);
  const expenseRefused = await jar.send(port, 'POST', '/expense', refusedBody);
  assert.equal(expenseRefused.status, 422);
  assert.ok(hidden(expenseRefused, '_file'), 'the receipt is kept');
  const start = await jar.send(port, 'GET', '/claim');
  const first = await jar.send(port, 'GET', start.location);
  const step1 = await jar.send(port, 'POST', start.location, `_csrf=${encodeURIComponent(hidden(first, '_csrf'))}&name=Ada+Lovelace&email=ada%40example.org&policy=POL-123456`);
  assert.equal(step1.status, 303);
  const wizardStep = { at: step1.location, page: await jar.send(port, 'GET', step1.location) };
  assert.equal(wizardStep.page.status, 200);
  const card = await jar.send(port, 'GET', CARD_PATH);
  assert.ok(hidden(card, '_version'), 'the card carries its version');
  return { register, expenseRefused, wizardStep, card };
}

/** Sends every open page; what each got. */
async function sendPages(port: number, jar: Jar, open: OpenPages): Promise<Record<string, Answer>> {
  const field = (page: Answer, name: string) => `${name}=${encodeURIComponent(hidden(page, name))}`;
  const register = await jar.send(port, 'POST', '/register', `${field(open.register, '_csrf')}&${field(open.register, '_submission')}&${REGISTER}`);
  const expenseBody = await multipart({ _csrf: hidden(open.expenseRefused, '_csrf'), _form_name: 'expense', _file: hidden(open.expenseRefused, '_file'), ...EXPENSE });
  const expense = await jar.send(port, 'POST', '/expense', expenseBody);
  const wizard = await jar.send(port, 'POST', open.wizardStep.at, `${field(open.wizardStep.page, '_csrf')}&happened=2026-03-14&what.kind=home&what.room=kitchen&what.cause=water&description=A+pipe+burst+under+the+sink.`);
  const card = await jar.send(port, 'POST', CARD_PATH, `${field(open.card, '_csrf')}&${field(open.card, '_version')}&${CARD}`);
  return { register, expense, wizard, card };
}

describe('a key rotated while pages are open (two workers, a shared upload folder)', { timeout: 300_000 }, () => {
  it('pages of the old key are accepted once the ring has the new key first; after the old key left the ring they get a 4xx with the way back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-rotation-'));
    const env = (ring: string[]) => ({ DIJITIZE_SECRETS: ring.join(','), UPLOAD_DIR: dir });
    try {
      // One browser opens its pages before the rotation, another (the same pages) for after the old key left.
      const jar = new Jar();
      const late = new Jar();
      let open: OpenPages | undefined;
      let lateOpen: OpenPages | undefined;
      await withCluster(env([OLD]), async (port) => {
        open = await openPages(port, jar);
        lateOpen = await openPages(port, late);
      });
      assert.ok(open && lateOpen);

      await withCluster(env([NEW, OLD]), async (port) => {
        const sent = await sendPages(port, jar, open as OpenPages);
        assert.deepEqual(
          Object.fromEntries(Object.entries(sent).map(([k, a]) => [k, [a.status, a.location]])),
          { register: [303, '/register/done'], expense: [303, '/expense/done'], wizard: [303, sent['wizard']?.location], card: [303, `${CARD_PATH}/done`] },
        );
        assert.match(sent['wizard']?.location ?? '', /^\/claim\/[^/]+\/(vehicle|property|items)/, 'the wizard went on to its next step');
        // Nothing lost: the receipt kept before the rotation is the claim's, moved to the demo's receipts.
        const kept = JSON.parse(Buffer.from(hidden((open as OpenPages).expenseRefused, '_file').split('.')[0] ?? '', 'base64url').toString('utf8')) as { id: string };
        assert.deepEqual(fs.readFileSync(path.join(RECEIPTS_DIR, kept.id)), PNG);
        assert.ok(jar.workers.size >= 2, 'both workers answered');
      });

      await withCluster(env([NEW]), async (port) => {
        const sent = await sendPages(port, late, lateOpen as OpenPages);
        assert.equal(sent['register']?.status, 403);
        assert.match(sent['register']?.body ?? '', /or changed its keys\)\. Reload the form and send it again\./);
        assert.equal(sent['expense']?.status, 403, 'the expense form: its CSRF token is of the old key too');
        assert.equal(sent['wizard']?.status, 403);
        assert.equal(sent['card']?.status, 403);
        // With a page opened under the new ring, the CSRF token is good: what is left of the old key says so itself.
        const fresh = await late.send(port, 'GET', '/register');
        const csrf = `_csrf=${encodeURIComponent(hidden(fresh, '_csrf'))}`;
        const file = await late.send(port, 'POST', '/expense', await multipart({ _csrf: hidden(fresh, '_csrf'), _form_name: 'expense', _file: hidden((lateOpen as OpenPages).expenseRefused, '_file'), ...EXPENSE }));
        assert.equal(file.status, 422);
        assert.match(file.body, /&quot;receipt\.png&quot;, chosen earlier, is no longer kept here; choose it again\./);
        const wizard = await late.send(port, 'POST', (lateOpen as OpenPages).wizardStep.at, `${csrf}&happened=2026-03-14&what.kind=home&what.room=kitchen&what.cause=water&description=A+pipe+burst+under+the+sink.`);
        assert.equal(wizard.status, 400);
        assert.match(wizard.body, /made before the site changed its keys, so it cannot be used\. Start it again\./);
        assert.match(wizard.body, /href="\/claim"/, 'the way back: start the wizard again');
        const card = await late.send(port, 'POST', CARD_PATH, `${csrf}&_version=${encodeURIComponent(hidden((lateOpen as OpenPages).card, '_version'))}&${CARD}`);
        assert.equal(card.status, 400);
        assert.match(card.body, /made before the site changed its keys\. Reload the form and send it again\./);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
