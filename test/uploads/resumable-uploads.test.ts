// Resumable uploads over real HTTP (the tus protocol, as tus-js-client speaks it): a receipt whose
// connection drops halfway goes on from where the server has it and arrives byte for byte; only a file
// field of a defined form may start an upload, within its limits, with the CSRF token, in its session;
// a complete upload is typed by its bytes and scanned before its token is given.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openForm } from '../form-session.js';
import { withServer } from '../serve.js';
import { createApp } from '../../demo/app.js';
import { RECEIPTS_DIR } from '../../demo/expense-form.js';
import { FAKE_PNG, pdfOf } from './sample-files.js';
import { expenseBody, uploadFolder, VALID_FIELDS, withExpense } from './expense-post.js';
import { create, offsetOf, patch, patchCut } from './tus-client.js';
import type { ScanVerdict } from '../../server/files/upload-scanner.js';
import type { UploadedFile } from '../../server/uploads/index.js';
import { folderStore } from '../../server/uploads/index.js';
import { warningsOf, withEnv } from '../process-env.js';

const RECEIPT = pdfOf(1_500_000);
const receipt = { form: 'expense', field: 'receipt', name: 'receipt.pdf', type: 'application/pdf', size: RECEIPT.length };
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('resumable uploads (tus)', () => {
  it('a connection dropped halfway: the upload goes on from where the server has it, and the file arrives byte for byte', async () => {
    const dir = uploadFolder();
    await withExpense(dir, {}, async (s, base) => {
      const made = await create(base, s, receipt);
      assert.equal(made.status, 201, made.body);
      assert.match(made.url, /\/dojo\/uploads\/[0-9a-f]{32}$/);
      await patchCut(s, made.url, RECEIPT, 0, 700_000);
      const offset = (await offsetOf(s, made.url)) ?? -1;
      assert.ok(offset > 0 && offset <= 700_000, `the server kept what arrived (${offset})`);
      const done = await patch(s, made.url, RECEIPT.subarray(offset), offset);
      assert.equal(done.status, 200, done.body);
      const { files } = JSON.parse(done.body) as { files: Array<{ token: string; name: string; shownSize: string }> };
      assert.equal(files.length, 1);
      assert.equal(files[0]?.name, 'receipt.pdf');
      // The form posts the token: the app's handler gets the file, every byte as it was chosen.
      const body = expenseBody(s, VALID_FIELDS, [['_file', files[0]?.token ?? '']]);
      const sent = await s.postParts('/expense', body);
      assert.equal(sent.status, 303);
      const { id } = JSON.parse(Buffer.from(files[0]?.token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { id: string };
      assert.equal(sha(fs.readFileSync(path.join(RECEIPTS_DIR, id))), sha(RECEIPT), 'the demo kept it in its receipts folder');
      // The chunks' folder is empty again once the upload was complete.
      assert.deepEqual(fs.readdirSync(path.join(dir, 'resumable')), []);
    });
  });

  it('is refused, before a byte is taken: without the CSRF token (403), for no file field (400), too large for its field (413), of a type the field does not take (422)', async () => {
    await withExpense(uploadFolder(), {}, async (s, base) => {
      assert.equal((await create(base, s, receipt, false)).status, 403);
      assert.equal((await create(base, s, { ...receipt, field: 'description' })).status, 400);
      assert.equal((await create(base, s, { ...receipt, form: 'register' })).status, 400);
      const large = await create(base, s, { ...receipt, size: 3 * 1024 * 1024 });
      assert.equal(large.status, 413);
      assert.match(large.body, /receipt\.pdf.*larger than 2 MB/);
      assert.equal((await create(base, s, { ...receipt, type: 'text/html' })).status, 422);
    });
  });

  it('another session cannot go on with an upload (csrf.sessionId), nor see where it is', async () => {
    const dir = uploadFolder();
    const app = createApp({ uploads: { dir }, csrf: { sessionId: (req) => req.get('x-session') } });
    await withServer(app, async (base) => {
      const ada = { ...(await openForm(base, '/expense', { 'x-session': 'ada' })), headers: { 'x-session': 'ada' } };
      const eve = { ...(await openForm(base, '/expense', { 'x-session': 'eve' })), headers: { 'x-session': 'eve' } };
      const made = await create(base, ada, receipt);
      assert.equal(made.status, 201);
      assert.equal(await offsetOf(eve, made.url), null);
      assert.equal((await patch(eve, made.url, RECEIPT, 0)).status, 403);
      assert.equal(await offsetOf(ada, made.url), 0);
    });
  });

  it('a complete file is typed by its bytes: a text that says it is a PDF is refused (422) and nothing of it kept', async () => {
    const dir = uploadFolder();
    await withExpense(dir, {}, async (s, base) => {
      const made = await create(base, s, { ...receipt, size: FAKE_PNG.length });
      const done = await patch(s, made.url, FAKE_PNG, 0);
      assert.equal(done.status, 422);
      assert.match(JSON.parse(done.body).error as string, /not a file of the types this field takes/);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => /^[0-9a-f]{32}$/.test(f)), []);
    });
  });

  it('uploads.scan looks at every complete file: clean is kept; infected and failed are refused with their message and removed', async () => {
    const verdicts: ScanVerdict[] = ['infected', 'failed', 'clean'];
    const seen: string[] = [];
    const dir = uploadFolder();
    const scan = async (file: UploadedFile) => {
      seen.push(`${file.name} ${sha(Buffer.from(await file.bytes())) === sha(RECEIPT)}`);
      return verdicts.shift() ?? 'clean';
    };
    await withExpense(dir, { scan }, async (s, base) => {
      const answers = [];
      for (let i = 0; i < 3; i++) {
        const made = await create(base, s, receipt);
        answers.push(await patch(s, made.url, RECEIPT, 0));
      }
      assert.deepEqual(answers.map((a) => a.status), [422, 422, 200]);
      assert.equal(JSON.parse(answers[0]?.body ?? '{}').error, '"receipt.pdf" holds a virus, so it was removed; choose another file.');
      assert.equal(JSON.parse(answers[1]?.body ?? '{}').error, '"receipt.pdf" could not be checked for viruses just now; choose it again in a moment.');
      assert.deepEqual(seen, ['receipt.pdf true', 'receipt.pdf true', 'receipt.pdf true']);
      assert.equal(fs.readdirSync(dir).filter((f) => /^[0-9a-f]{32}$/.test(f)).length, 1, 'only the clean one is kept');
    });
  });

  it('uploads.scan looks at a file that comes with the form too (JavaScript off): refused, the field says why, nothing kept', async () => {
    const dir = uploadFolder();
    await withExpense(dir, { scan: async () => 'infected' }, async (s) => {
      const refused = await s.postParts('/expense', expenseBody(s, VALID_FIELDS, [['receipt', new File([new Uint8Array(RECEIPT)], 'receipt.pdf', { type: 'application/pdf' })]]));
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /id="expense-receipt-error"[^>]*>&quot;receipt\.pdf&quot; holds a virus, so it was removed; choose another file\.</);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => /^[0-9a-f]{32}$/.test(f)), []);
    });
  });

  it('in production, an app\'s own store without uploads.resumableDir is warned of: the chunks would wait on one machine', async () => {
    const dir = uploadFolder();
    const warned = (settings: Parameters<typeof createApp>[0]) => warningsOf(() => withEnv({ NODE_ENV: 'production', DIJITIZE_SECRETS: 'a key every machine of the test shares' }, () => void createApp(settings)));
    const own = { store: folderStore(dir) };
    assert.ok((await warned({ uploads: own })).some((w) => /uploads\.resumableDir is not set: the chunks of resumable uploads wait in .*, on this machine alone/.test(w)));
    assert.deepEqual((await warned({ uploads: { ...own, resumableDir: path.join(dir, 'shared') } })).filter((w) => /resumableDir/.test(w)), []);
    assert.deepEqual((await warned({ uploads: { ...own, resumable: false } })).filter((w) => /resumableDir/.test(w)), []);
  });
});
