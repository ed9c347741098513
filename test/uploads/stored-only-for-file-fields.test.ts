// Uploads are stored only where a form takes files (SECURITY.md, "Uploads"): a file part must be for a
// file field of the defined form the POST names, within that field's count and size; anything else is
// refused before its bytes reach the store. The text of a multipart body counts against bodyLimit, and
// a body without its token first is refused on its first part. Each case reads the store folder after.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { defineForm, dojo } from '../../server/index.js';
import { openForm, type FormSession } from '../form-session.js';
import { withServer } from '../serve.js';
import { eventually, expenseBody, stored, uploadFolder, VALID_FIELDS, withExpense } from './expense-post.js';
import { PNG, file, pdfOf } from './sample-files.js';

const note = defineForm('stored-only-note', z.object({ title: z.string().min(2).max(80) }));

/** An app with no file field at all: one text form, default upload settings but the folder. */
function appWithoutFileFields(dir: string) {
  const app = express();
  app.use(dojo({ uploads: { dir } }));
  app.get('/note', (req, res) => void res.send(`<!doctype html><title>Note</title>${req.dojo.form(note).html}`));
  app.post('/note', (req, res) => {
    const result = req.dojo.parse(note, req.body);
    res.status(result.ok ? 200 : 422).send(result.ok ? 'saved' : 'refused');
  });
  return app;
}

/** A multipart body of [name, value] parts in this order. */
const parts = (s: FormSession, entries: Array<[string, string | File]>): FormData => {
  const body = new FormData();
  body.append('_csrf', s.token);
  for (const [name, value] of entries) body.append(name, value);
  return body;
};

const bytesIn = (dir: string) => stored(dir).length;

describe('uploads only where a form takes files', () => {
  it('an app without file fields stores nothing: a file to a 404, to its text form, under its form name, is 400 with the reason', async () => {
    const dir = uploadFolder();
    await withServer(appWithoutFileFields(dir), async (base) => {
      const s = await openForm(base, '/note');
      const png = file(PNG, 'a.png', 'image/png');
      const nowhere = await s.postParts('/nowhere', parts(s, [['title', 'Hello'], ['doc', png]]));
      assert.equal(nowhere.status, 400);
      assert.match(await nowhere.text(), /names no form with file fields/);
      const named = await s.postParts('/note', parts(s, [['_form_name', 'stored-only-note'], ['title', png]]));
      assert.equal(named.status, 400);
      assert.match(await named.text(), /not a file field of the form "stored-only-note"/);
      assert.equal(bytesIn(dir), 0);
    });
  });

  it('the demo: a file under a text field, a file field of no form, or a 404 route that names the form stores nothing', async () => {
    const dir = uploadFolder();
    await withExpense(dir, {}, async (s) => {
      const underText = await s.postParts('/expense', expenseBody(s, VALID_FIELDS, [['description', file(PNG, 'a.png', 'image/png')]]));
      assert.equal(underText.status, 400);
      assert.match(await underText.text(), /"description", which is not a file field of the form "expense"/);
      const noForm = new FormData();
      noForm.append('_csrf', s.token);
      noForm.append('receipt', file(PNG, 'a.png', 'image/png'));
      assert.equal((await s.postParts('/expense', noForm)).status, 400);
      // Named and stored while the body arrives, then answered by no form (a 404): removed at the answer.
      const lost = await s.postParts('/no-such-page', expenseBody(s, VALID_FIELDS));
      assert.equal(lost.status, 404);
      await eventually(dir, () => bytesIn(dir) === 0, 'the 404 keeps no file');
      assert.equal(bytesIn(dir), 0);
    });
  });

  it("a file over its field's own size is 413 with the field's message, and nothing stays", async () => {
    const dir = uploadFolder();
    // The expense receipt takes at most 2 MB (demo/expense-form.ts); the file limit is the default 10 MB.
    await withExpense(dir, {}, async (s) => {
      const res = await s.postParts('/expense', expenseBody(s, VALID_FIELDS, [['receipt', file(pdfOf(3 * 1024 * 1024), 'huge.pdf', 'application/pdf')]]));
      assert.equal(res.status, 413);
      assert.match(await res.text(), /"huge\.pdf" is larger than/);
      await eventually(dir, () => bytesIn(dir) === 0, 'the partial file goes');
    });
  });

  it('a kept file is taken only by the form it was posted to', async () => {
    const dir = uploadFolder();
    await withExpense(dir, {}, async (s) => {
      const refused = await (await s.postParts('/expense', expenseBody(s, { ...VALID_FIELDS, amount: '-1' }))).text();
      const token = /name="_file" value="([^"]+)"/.exec(refused)?.[1] ?? '';
      assert.ok(token);
      const [payload] = token.split('.') as [string];
      assert.equal((JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { form: string }).form, 'expense');
    });
  });
});

describe('multipart text within bodyLimit, CSRF on the first part', () => {
  it('text parts past bodyLimit are 413, as the same text urlencoded is', async () => {
    const dir = uploadFolder();
    await withServer(appWithoutFileFields(dir), async (base) => {
      const s = await openForm(base, '/note');
      const many = Array.from({ length: 3 }, (_, i): [string, string] => [`pad${i}`, 'x'.repeat(50_000)]);
      const multipart = await s.postParts('/note', parts(s, [['title', 'Hello'], ...many]));
      assert.equal(multipart.status, 413);
      assert.match(await multipart.text(), /the body limit/);
      const urlencoded = await s.post('/note', `_csrf=${encodeURIComponent(s.token)}&title=Hello&${many.map(([k, v]) => `${k}=${v}`).join('&')}`);
      assert.equal(urlencoded.status, 413);
    });
  });

  it('a multipart body whose first part is not a valid token is refused before the rest is read', async () => {
    const dir = uploadFolder();
    await withServer(appWithoutFileFields(dir), async (base) => {
      const s = await openForm(base, '/note');
      const { hostname, port } = new URL(base);
      const boundary = 'firstPartBoundary';
      // 5 MB announced; the first part is a field that is not the token; the rest never comes.
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: hostname, port, method: 'POST', path: '/note', agent: false, headers: { cookie: s.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(5 * 1024 * 1024) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n--${boundary}\r\nContent-Disposition: form-data; name="pad"\r\n\r\n${'x'.repeat(1000)}`);
      });
      assert.equal(status, 403);
      assert.equal(bytesIn(dir), 0);
    });
  });
});
