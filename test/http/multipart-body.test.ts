// Multipart POSTs (forms with files) within the limits of settings.uploads: each limit over is a 413 that
// names it, a slow body a 408, a compressed one a 415, and none leaves a byte in the upload folder. The
// CSRF check comes before the first file byte is stored. Prefixed forms, rows and roles parse a
// multipart body exactly as an urlencoded one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import express from 'express';
import { createApp } from '../../demo/app.js';
import { dojo } from '../../server/index.js';
import { openForm, tokenField, type FormSession } from '../form-session.js';
import { withServer } from '../serve.js';
import { eventually, expenseBody, keptTokens, stored, uploadFolder, VALID_FIELDS, withExpense } from '../uploads/expense-post.js';
import { PNG, file, pdfOf } from '../uploads/sample-files.js';
import { assertLinear } from '../linear-growth.js';
import { safeFileName } from '../../server/files/file-names.js';

const folder = uploadFolder;

/** Sends a raw request and reads the answer; `body` is written in `chunks` with no pause between them. */
function rawPost(base: string, headers: Record<string, string>, body: Buffer | Buffer[]): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: 'POST', path: '/expense', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    for (const chunk of Array.isArray(body) ? body : [body]) req.write(chunk);
    req.end();
  });
}

const BOUNDARY = 'dijitizeTestBoundary';
const part = (name: string, value: string | Buffer, filename?: string, more = '') =>
  Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n${filename === undefined ? '' : 'Content-Type: image/png\r\n'}${more}\r\n`),
    Buffer.isBuffer(value) ? value : Buffer.from(value),
    Buffer.from('\r\n'),
  ]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);
const multipartHeaders = (s: FormSession, more: Record<string, string> = {}) => ({ 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie: s.cookie, ...more });

describe('multipart limits', () => {
  const cases: Array<[string, Parameters<typeof withExpense>[1], (s: FormSession) => FormData, string]> = [
    ['a file over fileSize', { fileSize: '1kb' }, (s) => expenseBody(s, VALID_FIELDS, [['receipt', file(pdfOf(5000), 'big.pdf', 'application/pdf')]]), 'A file is larger than 1 KB (the file size limit).'],
    ['a body over totalSize', { fileSize: '2kb', totalSize: '3kb' }, (s) => expenseBody(s, VALID_FIELDS, [['receipt', file(pdfOf(1500), 'a.pdf', 'application/pdf')], ['attachments', file(pdfOf(1500), 'b.pdf', 'application/pdf')], ['attachments', file(pdfOf(1500), 'c.pdf', 'application/pdf')]]), 'The form data is larger than 3 KB (the total size limit).'],
    ['more files than files', { files: 2 }, (s) => expenseBody(s, VALID_FIELDS, [['receipt', file(PNG, 'a.png', 'image/png')], ['attachments', file(PNG, 'b.png', 'image/png')], ['attachments', file(PNG, 'c.png', 'image/png')]]), 'The form sends more than 2 files (the file count limit).'],
    ['more kept files (tokens) than files', { files: 2 }, (s) => expenseBody(s, VALID_FIELDS, [['_file', 'a.b'], ['_file', 'c.d'], ['_file', 'e.f']]), 'The form sends more than 2 files (the file count limit).'],
    ['more fields than fields', { fields: 5 }, (s) => expenseBody(s, { ...VALID_FIELDS, a: '1', b: '2', c: '3' }), 'The form sends more than 5 fields (the field count limit).'],
    ['a field over fieldSize', { fieldSize: '1kb' }, (s) => expenseBody(s, { ...VALID_FIELDS, description: 'x'.repeat(2000) }), 'A field is larger than 1 KB (the field size limit).'],
  ];
  for (const [what, limits, body, reason] of cases) {
    it(`${what} is 413 naming the limit, and nothing stays stored`, async () => {
      const dir = folder();
      await withExpense(dir, limits, async (s) => {
        const res = await s.postParts('/expense', body(s));
        assert.equal(res.status, 413);
        assert.equal(await res.text(), reason);
        await eventually(dir, () => stored(dir).length === 0, 'no byte stays');
        // The server goes on serving.
        assert.equal((await fetch(`${new URL(res.url).origin}/expense`)).status, 200);
      });
    });
  }

  it('a body over totalSize without Content-Length (chunked) is 413 too', async () => {
    const dir = folder();
    await withExpense(dir, { fileSize: '2kb', totalSize: '3kb' }, async (s, base) => {
      const chunks = [part('_csrf', s.token), part('_form_name', 'expense'), part('receipt', pdfOf(1800), 'a.pdf'), part('attachments', pdfOf(1800), 'b.pdf'), end];
      const res = await rawPost(base, multipartHeaders(s, { 'transfer-encoding': 'chunked' }), chunks);
      assert.equal(res.status, 413);
      assert.equal(res.text, 'The form data is larger than 3 KB (the total size limit).');
      await eventually(dir, () => stored(dir).length === 0, 'no byte stays');
    });
  });

  it("a part's headers over 16 KB are 413 naming the header size limit", async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s, base) => {
      const res = await rawPost(base, multipartHeaders(s), Buffer.concat([part('_csrf', s.token), part('_form_name', 'expense'), part('receipt', PNG, 'a.png', `X-Padding: ${'x'.repeat(20_000)}\r\n`), end]));
      assert.equal(res.status, 413);
      assert.match(res.text, /the header size limit/);
      assert.deepEqual(stored(dir), []);
    });
  });

  it('a body that stalls is 408 after timeLimit, keeps nothing, and never stops the server serving others', async () => {
    const dir = folder();
    await withExpense(dir, { timeLimit: 1 }, async (s, base) => {
      const { hostname, port } = new URL(base);
      const answer = new Promise<number>((resolve, reject) => {
        const req = http.request({ host: hostname, port, method: 'POST', path: '/expense', headers: multipartHeaders(s, { 'content-length': '100000' }), agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        // Half a file, then nothing more.
        req.write(Buffer.concat([part('_csrf', s.token), part('_form_name', 'expense'), Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="receipt"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdfOf(3000)]));
      });
      // While it stalls, others are served.
      assert.equal((await fetch(`${base}/expense`)).status, 200);
      assert.equal(await answer, 408);
      await eventually(dir, () => stored(dir).length === 0, 'the half file is removed');
    });
  });

  it('a compressed multipart body is 415, never inflated', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s, base) => {
      const bomb = zlib.gzipSync(Buffer.concat([part('_csrf', s.token), part('_form_name', 'expense'), part('receipt', Buffer.alloc(5_000_000), 'zeros.png'), end]));
      const res = await rawPost(base, multipartHeaders(s, { 'content-encoding': 'gzip' }), bomb);
      assert.equal(res.status, 415);
      assert.deepEqual(stored(dir), []);
    });
  });

  it('a zip bomb as a file is stored as the bytes it is (never unpacked) and refused by type', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s) => {
      const bomb = zlib.gzipSync(Buffer.alloc(20_000_000));
      assert.ok(bomb.length < 30_000);
      const res = await s.postParts('/expense', expenseBody(s, VALID_FIELDS, [['receipt', file(bomb, 'receipt.png', 'image/png')]]));
      assert.equal(res.status, 422);
      assert.match(await res.text(), /&quot;receipt\.png&quot; is not a file of the types this field takes/);
      await eventually(dir, () => stored(dir).length === 0, 'the refused file goes');
    });
  });
});

describe('multipart and CSRF', () => {
  it('a file before the token, a bad token, or a cross-site POST is 403 and stores nothing', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s, base) => {
      const late = await rawPost(base, multipartHeaders(s), Buffer.concat([part('receipt', PNG, 'a.png'), part('_csrf', s.token), part('_form_name', 'expense'), end]));
      assert.equal(late.status, 403);
      assert.match(late.text, /arrived without its security token/);
      const wrong = await rawPost(base, multipartHeaders(s), Buffer.concat([part('_csrf', 'forged'), part('receipt', PNG, 'a.png'), end]));
      assert.equal(wrong.status, 403);
      const crossSite = await rawPost(base, multipartHeaders(s, { 'sec-fetch-site': 'cross-site' }), Buffer.concat([part('_csrf', s.token), part('_form_name', 'expense'), part('receipt', PNG, 'a.png'), end]));
      assert.equal(crossSite.status, 403);
      assert.deepEqual(stored(dir), []);
    });
  });
});

describe('hostile file names', () => {
  it('path tricks, control and bidi characters never reach a path, and are shown cleaned and escaped', async () => {
    const dir = folder();
    await withExpense(dir, {}, async (s, base) => {
      // RFC 5987's filename* carries any byte: a path, a NUL, an escape, a right-to-left override.
      const name = `filename*=UTF-8''..%2F..%2F..%2Fetc%2F%3Cb%3Epa%00ss%1Bwd%E2%80%AEgnp.exe.png`;
      const receipt = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="receipt"; ${name}\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from('\r\n')]);
      const fields = Object.entries({ ...VALID_FIELDS, amount: '-1' }).map(([k, v]) => part(k, v));
      const res = await rawPost(base, multipartHeaders(s), Buffer.concat([part('_csrf', s.token), part('_form_name', 'expense'), ...fields, receipt, end]));
      assert.equal(res.status, 422);
      assert.match(res.text, /<span class="dijitize-file-name">&lt;b&gt;passwdgnp\.exe\.png<\/span>/);
      assert.ok(keptTokens(res.text)[0]);
      // The one file written is named by its id, in the upload folder.
      assert.equal(stored(dir).length, 1);
      assert.match(stored(dir)[0] as string, /^[0-9a-f]{32}$/);
      assert.equal(fs.existsSync(path.join(dir, '..', 'etc', '<b>passwd')), false);
    });
  });

  it('a file name is cleaned in linear time (100 KB of adversarial input)', async () => {
    const names = [1, 8].map((scale) => `${'a\\.\u202e\u0007'.repeat(2500 * scale)}x`);
    await assertLinear('safeFileName', (scale) => safeFileName(names[scale === 1 ? 0 : 1]));
  });
});

describe('uploads: false', () => {
  it('leaves multipart bodies to the app (its own parser reads the whole stream)', async () => {
    const app = express();
    app.use(dojo({ uploads: false, csrf: false }));
    app.post('/own-upload', async (req, res) => {
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      res.json({ bytes, body: req.body ?? null });
    });
    await withServer(app, async (base) => {
      const body = new FormData();
      body.append('doc', new File([new Uint8Array(PNG)], 'a.png', { type: 'image/png' }));
      const encoded = new Response(body);
      const sent = Buffer.from(await encoded.arrayBuffer());
      const res = await fetch(`${base}/own-upload`, { method: 'POST', headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body: sent });
      const answer = (await res.json()) as { bytes: number };
      assert.equal(answer.bytes, sent.length);
    });
  });
});

describe('a multipart body parses as an urlencoded one', () => {
  const asParts = (urlencoded: string) => {
    const body = new FormData();
    for (const [name, value] of new URLSearchParams(urlencoded)) body.append(name, value);
    return body;
  };
  const same = async (base: string, page: string, urlencoded: string) => {
    const s = await openForm(base, page);
    const plain = await s.post(page, `${tokenField(s)}${urlencoded}`);
    const parts = await s.postParts(page, asParts(`${tokenField(s)}${urlencoded}`));
    assert.equal(parts.status, plain.status, page);
    // Less what differs per page by design: the CSRF token, the nonce, the one-time submission id.
    const strip = (html: string) => html.replace(/value="[0-9a-f]{64}\.[0-9a-f]{64}"/g, '').replace(/nonce="[^"]*"/g, '').replace(/nonce-[^' ]*/g, '').replace(/name="_submission" value="[^"]*"/g, '');
    assert.equal(strip(await parts.text()), strip(await plain.text()), page);
  };
  it('rows and their buttons, prefixed forms, and roles', async () => {
    await withServer(createApp({ uploads: { dir: folder() } }), async (base) => {
      await same(base, '/order', 'customer=Ada&items.0.product=Tea&items.0.qty=2&items.1.product=&items.1.qty=x&_intent=remove%3Aitems%3A0');
      await same(base, '/order', 'customer=Ada&items.0.product=Tea&items.0.qty=x');
      await same(base, '/order', '_form=news&news-email=nope');
      await same(base, '/timecard?as=employee', 'employee=Ada&hours=8&approved=on&notes=sneaky');
    });
  });
});
