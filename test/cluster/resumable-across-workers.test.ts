// A resumable upload on several processes: each chunk may reach another worker (each request on a
// connection of its own), so the chunks wait in one folder the workers share (uploads.resumableDir, as a
// shared disk does for machines). Every worker knows where the upload stands, any of them completes it,
// and the form sent with its token on either worker gets every byte. The same with the file kept in S3.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { S3_BUCKET, withS3Server } from '../s3-server.js';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { pdfOf } from '../uploads/sample-files.js';
import { hidden, multipart, request, withCluster, type Answer } from './cluster-client.js';

const RECEIPT = pdfOf(1_800_000);
const CHUNK = 300_000;
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The receipt sent in chunks, each on a connection of its own; the workers met, and the form's done page. */
async function chunkedAcrossWorkers(port: number): Promise<void> {
  const page = await request(port, 'GET', '/expense');
  const session = { cookie: page.cookie, 'x-csrf-token': hidden(page, '_csrf'), 'tus-resumable': '1.0.0' };
  const made = await request(port, 'POST', '/dojo/uploads', {
    ...session,
    'upload-length': String(RECEIPT.length),
    'upload-metadata': `form ${base64('expense')},field ${base64('receipt')},filename ${base64('receipt.pdf')},filetype ${base64('application/pdf')}`,
  });
  assert.equal(made.status, 201, made.body);
  const workers = new Set([made.worker]);
  let last: Answer | undefined;
  for (let offset = 0; offset < RECEIPT.length; offset += CHUNK) {
    // Where the upload stands, asked of whichever worker answers: the bytes every earlier chunk brought.
    const head = await request(port, 'HEAD', made.location, session);
    assert.equal(head.status, 200);
    workers.add(head.worker);
    const bytes = RECEIPT.subarray(offset, offset + CHUNK);
    last = await request(port, 'PATCH', made.location, { ...session, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) }, bytes);
    workers.add(last.worker);
    assert.equal(last.status, offset + CHUNK >= RECEIPT.length ? 200 : 204, last.body);
  }
  assert.equal(workers.size, 2, 'the chunks went to both workers');
  const token = (JSON.parse(last?.body ?? '{}') as { files: Array<{ token: string }> }).files[0]?.token ?? '';
  assert.ok(token, 'the complete upload was answered with its token');

  // As the page sends it: multipart (the form takes files), the token in place of the bytes.
  const body = await multipart({ _csrf: hidden(page, '_csrf'), _form_name: 'expense', amount: '12.50', spentOn: '2026-11-01', description: 'Taxi', _file: token });
  const sent = await request(port, 'POST', '/expense', { cookie: page.cookie, 'content-type': body.type, 'content-length': String(body.bytes.length) }, body.bytes);
  assert.equal(sent.status, 303, sent.body);
  // The done page is the sending worker's (the demo keeps it in memory): asked until that worker answers.
  let done: Answer | undefined;
  for (let i = 0; i < 20 && done?.worker !== sent.worker; i++) done = await request(port, 'GET', '/expense/done', { cookie: `${page.cookie}; ${sent.cookie}` });
  assert.equal(done?.worker, sent.worker);
  assert.match(done?.body ?? '', new RegExp(`receipt\\.pdf \\(${RECEIPT.length} bytes, application/pdf, sha256 ${sha(RECEIPT)}\\)`));
}

describe('a resumable upload across processes (node:cluster)', { timeout: 300_000 }, () => {
  it('its chunks reach either worker through one shared folder; the form sent on either gets every byte', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-cluster-resumable-'));
    try {
      await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', UPLOAD_DIR: dir }, chunkedAcrossWorkers);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'resumable')), [], 'no chunk is left once the upload is complete');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('so it is when the complete file is kept in S3 (s3Store), its chunks in the shared folder', async () => {
    const chunks = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-cluster-resumable-'));
    try {
      await withS3Server(async (s3) => {
        await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', S3_ENDPOINT: s3.endpoint, RESUMABLE_DIR: chunks }, chunkedAcrossWorkers);
        const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
        // The demo's handler took the receipt out of the store (moveTo its receipts folder): none is left.
        assert.equal(listed.Contents?.length ?? 0, 0, 'the bucket holds nothing once the claim was taken');
      });
      assert.deepEqual(fs.readdirSync(chunks), []);
    } finally {
      fs.rmSync(chunks, { recursive: true, force: true });
    }
  });
});
