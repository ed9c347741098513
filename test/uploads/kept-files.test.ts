// A file that was fine is kept when another field is wrong: the refused page shows it (name, size, a
// Remove checkbox) and posts it again as a signed token, and the valid POST gets its bytes. Tokens that
// are forged, made for another field, expired or whose file was swept are the field's error, never a 500.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RECEIPTS_DIR } from '../../demo/expense-form.js';
import { createApp } from '../../demo/app.js';
import { withServer } from '../serve.js';
import { eventually, expenseBody, keptTokens, stored, uploadFolder, uploadOnlyBody, VALID_FIELDS, withExpense } from './expense-post.js';
import { FAKE_PNG, PNG, file, pdfOf } from './sample-files.js';
import { fileTokens, type KeptUpload } from '../../server/files/file-tokens.js';
import { keyRing } from '../../server/common/key-ring.js';

const folder = uploadFolder;

const idOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')) as { id: string }).id;

describe('a file kept across a refused POST (JavaScript off)', () => {
  it('is shown with its name, size and a Remove checkbox, carried as a token, and received by the valid POST', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const refused = await s.postParts('/expense', expenseBody(s, { ...VALID_FIELDS, amount: '-3' }));
      assert.equal(refused.status, 422);
      const page = await refused.text();
      const [token] = keptTokens(page);
      assert.ok(token, 'the page keeps the receipt');
      assert.match(page, /<span class="dijitize-file-name">receipt\.png<\/span> <span class="dijitize-file-size">\(67 B\)<\/span>/);
      assert.match(page, /<label for="expense-receipt-remove-0">Remove receipt\.png<\/label>/);
      assert.match(page, /Choose another file to replace it\./);
      // The file input is no longer required: the kept file is the field's value.
      assert.doesNotMatch(page, /<input type="file" id="expense-receipt"[^>]*required/);
      assert.deepEqual(stored(dir), [idOf(token as string)]);

      const body = expenseBody(s, VALID_FIELDS, [['receipt', new File([], '', { type: 'application/octet-stream' })]]);
      body.append('_file', token as string);
      const accepted = await s.postParts('/expense', body);
      assert.equal(accepted.status, 303);
      // The demo moved it out of the store into its receipts folder, bytes intact.
      assert.deepEqual(stored(dir), []);
      assert.deepEqual(fs.readFileSync(path.join(RECEIPTS_DIR, idOf(token as string))), PNG);
    });
  });

  it('a new file replaces a kept one; the Remove checkbox drops it', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const first = keptTokens(await (await s.postParts('/expense', expenseBody(s, { ...VALID_FIELDS, amount: '-3' }))).text())[0] as string;
      const replacing = expenseBody(s, { ...VALID_FIELDS, amount: '-3' }, [['receipt', file(pdfOf(500), 'scan.pdf', 'application/pdf')]]);
      replacing.append('_file', first);
      const page = await (await s.postParts('/expense', replacing)).text();
      assert.match(page, /scan\.pdf/);
      assert.doesNotMatch(page, /receipt\.png/);

      const second = keptTokens(page)[0] as string;
      const removing = expenseBody(s, { ...VALID_FIELDS, amount: '-3' }, []);
      removing.append('_file', second);
      removing.append('_file_remove', idOf(second));
      const removed = await (await s.postParts('/expense', removing)).text();
      assert.deepEqual(keptTokens(removed), []);
      assert.match(removed, /Receipt: Choose a file\./);
    });
  });

  it('several files: the ones that fit are kept, a refused one is named and not kept, and more new files than the field takes are refused unstored', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const parts: Array<[string, File]> = [
        ['receipt', file(PNG, 'receipt.png', 'image/png')],
        ['attachments', file(PNG, 'one.png', 'image/png')],
        ['attachments', file(FAKE_PNG, 'liar.png', 'image/png')],
        ['attachments', file(pdfOf(300), 'two.pdf', 'application/pdf')],
      ];
      const page = await (await s.postParts('/expense', expenseBody(s, VALID_FIELDS, parts))).text();
      assert.match(page, /&quot;liar\.png&quot; is not a file of the types this field takes \(PNG, JPEG, PDF\)\./);
      assert.equal(keptTokens(page).length, 3, 'the receipt and the two attachments that fit');
      await eventually(dir, () => stored(dir).length === 3, 'the liar is not kept');

      const four = Array.from({ length: 4 }, (_, i): [string, File] => ['attachments', file(PNG, `p${i}.png`, 'image/png')]);
      const over = await s.postParts('/expense', expenseBody(s, VALID_FIELDS, [['receipt', file(PNG, 'r.png', 'image/png')], ...four]));
      assert.equal(over.status, 413);
      assert.equal(await over.text(), 'The form sends more files for “Attachments” than it takes (3).');
      await eventually(dir, () => stored(dir).length === 3, 'only the three kept before stay');
    });
  });

  it('a forged, foreign, expired or swept token is the field\'s error (422), never a 500', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const token = keptTokens(await (await s.postParts('/expense', expenseBody(s, { ...VALID_FIELDS, amount: '-3' }))).text())[0] as string;
      const [payload, mac] = token.split('.') as [string, string];
      const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      const forged = `${Buffer.from(JSON.stringify({ ...claim, size: 1 })).toString('base64url')}.${mac}`;
      const otherSecret = fileTokens(keyRing(['another app entirely!'])).sign({ ...(claim as unknown as KeptUpload), expires: Date.now() + 60_000 });
      const expired = fileTokens(keyRing(['x'.repeat(16)])).sign({ ...(claim as unknown as KeptUpload), expires: Date.now() - 1 });
      for (const [what, bad] of [['forged', forged], ['signed by another secret', otherSecret], ['garbage', 'x.y'], ['expired elsewhere', expired]]) {
        const body = expenseBody(s, VALID_FIELDS, []);
        body.append('_file', bad as string);
        const res = await s.postParts('/expense', body);
        assert.equal(res.status, 422, what as string);
        const page = await res.text();
        assert.match(page, /Receipt: (&quot;receipt\.png&quot;, chosen earlier, is no longer kept here; choose it again\.|Choose a file\.)/, what as string);
      }
      // Swept: its bytes are gone.
      fs.rmSync(path.join(dir, idOf(token)));
      const swept = expenseBody(s, VALID_FIELDS, []);
      swept.append('_file', token);
      const res = await s.postParts('/expense', swept);
      assert.equal(res.status, 422);
      assert.match(await res.text(), /Receipt: &quot;receipt\.png&quot;, chosen earlier, is no longer kept here; choose it again\./);
    });
  });
});

describe('kept files and sessions', () => {
  it('with csrf.sessionId, a kept file is taken only in the session that uploaded it', async () => {
    const dir = folder();
    const sessionId = (req: { get(name: string): string | undefined }) => req.get('x-session');
    await withServer(createApp({ csrf: { sessionId }, uploads: { dir } }), async (base) => {
      const open = async (session: string) => {
        const res = await fetch(`${base}/expense`, { headers: { 'x-session': session } });
        const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
        const post = (body: FormData) => fetch(`${base}/expense`, { method: 'POST', redirect: 'manual', headers: { cookie, 'x-session': session }, body });
        return { token, post, cookie };
      };
      const alice = await open('alice');
      const kept = keptTokens(await (await alice.post(expenseBody(alice as never, { ...VALID_FIELDS, amount: '-1' }))).text())[0] as string;
      const mallory = await open('mallory');
      const stolen = expenseBody(mallory as never, VALID_FIELDS, []);
      stolen.append('_file', kept);
      const res = await mallory.post(stolen);
      assert.equal(res.status, 422);
      assert.match(await res.text(), /Receipt: &quot;receipt\.png&quot;, chosen earlier, is no longer kept here/);
      const own = expenseBody(alice as never, VALID_FIELDS, []);
      own.append('_file', kept);
      assert.equal((await alice.post(own)).status, 303);
    });
  });
});

describe('the browser\'s upload of a chosen file (JavaScript on)', () => {
  it('answers with the kept file\'s token as JSON, checks the file as the field does, and never reaches the route', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const res = await s.postParts('/expense', uploadOnlyBody(s, 'expense', 'receipt', file(PNG, 'r.png', 'image/png')));
      assert.equal(res.status, 200);
      const answer = (await res.json()) as { files: Array<{ name: string; size: number; shownSize: string; token: string; id: string }> };
      assert.equal(answer.files[0]?.name, 'r.png');
      assert.equal(answer.files[0]?.shownSize, '67 B');
      assert.deepEqual(stored(dir), [answer.files[0]?.id]);

      const refused = await s.postParts('/expense', uploadOnlyBody(s, 'expense', 'receipt', file(FAKE_PNG, 'x.png', 'image/png')));
      assert.equal(refused.status, 422);
      assert.deepEqual(await refused.json(), { error: '"x.png" is not a file of the types this field takes (PNG, JPEG, PDF).' });

      const bad = await s.postParts('/expense', uploadOnlyBody(s, 'nope', 'receipt', file(PNG, 'r.png', 'image/png')));
      assert.equal(bad.status, 400);
      // Refused uploads keep nothing.
      await eventually(dir, () => stored(dir).length === 1, 'the refused uploads are removed');
      assert.deepEqual(stored(dir), [answer.files[0]?.id]);
    });
  });
});
