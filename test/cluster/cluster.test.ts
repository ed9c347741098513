// The demo on several processes (node:cluster), as behind any load balancer: a form's GET and its POST
// land on different workers, and with the keys from DIJITIZE_SECRETS every POST is accepted; a
// file kept by one worker is taken by another; the endpoints' rate limit holds across workers through Redis.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PNG } from '../uploads/sample-files.js';
import { createClient } from 'redis';
import { withRedis } from '../redis-server.js';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { S3_BUCKET, withS3Server } from '../s3-server.js';
import { hidden, Jar, multipart, request, withCluster, type Answer } from './cluster-client.js';

const VALID = 'username=ada&email=ada%40example.org&password=correct+horse&confirm=correct+horse';

/** 100 GET -> POST round trips of the register form; what each POST got, and whether it crossed workers. */
async function roundTrips(port: number): Promise<Array<{ status: number; crossed: boolean }>> {
  const trips = [];
  for (let i = 0; i < 100; i++) {
    const page = await request(port, 'GET', '/register');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = `_csrf=${encodeURIComponent(token)}&${VALID}`;
    const post = await request(port, 'POST', '/register', { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) }, body);
    trips.push({ status: post.status, crossed: post.worker !== page.worker });
  }
  return trips;
}

/** A receipt kept from a refused POST on one worker, taken by another: its name shown again, its token the same. */
async function keptAcrossWorkers(port: number): Promise<void> {
  const page = await request(port, 'GET', '/expense');
  const csrf = hidden(page, '_csrf');
  const post = async (fields: Record<string, string>, files: Array<[string, Buffer, string]>) => {
    const body = await multipart({ _csrf: csrf, _form_name: 'expense', ...fields }, files.map(([name, bytes, filename]) => [name, bytes, filename, 'image/png']));
    return request(port, 'POST', '/expense', { cookie: page.cookie, 'content-type': body.type, 'content-length': String(body.bytes.length) }, body.bytes);
  };
  const fields = { amount: '-1', spentOn: '2026-11-01', description: 'Taxi' };
  const refused = await post(fields, [['receipt', PNG, 'receipt.png']]);
  assert.equal(refused.status, 422);
  const token = /name="_file" value="([^"]+)"/.exec(refused.body)?.[1] ?? '';
  assert.ok(token);
  // The token is posted again (still refused: the amount) until another worker answers.
  let other: Answer | undefined;
  for (let i = 0; i < 20 && !other; i++) {
    const again = await post({ ...fields, _file: token }, []);
    if (again.worker !== refused.worker) other = again;
  }
  assert.ok(other, 'a POST landed on the other worker');
  assert.equal(other.status, 422);
  assert.match(other.body, /<span class="dijitize-file-name">receipt\.png<\/span>/);
  assert.doesNotMatch(other.body, /Receipt: &quot;receipt\.png&quot;, chosen earlier/);
  assert.equal(/name="_file" value="([^"]+)"/.exec(other.body)?.[1], token);
}

describe('several processes (node:cluster)', { timeout: 600_000 }, () => {
  it('with DIJITIZE_SECRETS: 100 GET -> POST round trips across 2 workers, 0 refused', async () => {
    await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker' }, async (port) => {
      const trips = await roundTrips(port);
      assert.ok(trips.filter((t) => t.crossed).length >= 20, 'round trips that crossed workers');
      assert.deepEqual(trips.filter((t) => t.status !== 303), []);
    });
  });

  it('a file kept by one worker (its token in the refused page) is taken by another, which shares the upload folder and the keys', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-cluster-uploads-'));
    try {
      await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', UPLOAD_DIR: dir }, keptAcrossWorkers);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('so it is when the workers keep uploads in S3 (s3Store, against a real S3-compatible server)', async () => {
    await withS3Server(async (s3) => {
      await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', S3_ENDPOINT: s3.endpoint }, keptAcrossWorkers);
      const page = await s3.client().send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
      assert.deepEqual(page.Contents?.map((o) => /^dijitize-uploads\/[0-9a-f]{32}$/.test(o.Key ?? '')), [true], 'the kept receipt, in the bucket');
    });
  });

  it('a wizard\'s instance goes from step to step on either worker: its sealed state needs only the shared secret', async () => {
    await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker' }, async (port) => {
      const jar = new Jar();
      const send = (method: string, to: string, body = '') => jar.send(port, method, to, body);
      const start = await send('GET', '/claim');
      let page = await send('GET', start.location);
      const steps = [
        'name=Ada+Lovelace&email=ada%40example.org&policy=POL-123456',
        'happened=2026-03-14&what.kind=home&what.room=kitchen&what.cause=water&description=A+pipe+burst+under+the+sink.',
        'items.0.what=Cupboard&items.0.cost=300',
        'confirm=on',
      ];
      let at = start.location;
      for (const fields of steps) {
        const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const posted = await send('POST', at, `_csrf=${encodeURIComponent(token)}&${fields}`);
        assert.equal(posted.status, 303, `${at}: ${posted.body.slice(0, 200)}`);
        at = posted.location;
        if (at === '/claim/sent') break;
        page = await send('GET', at);
        assert.equal(page.status, 200);
      }
      assert.equal(at, '/claim/sent');
      assert.equal(jar.workers.size, 2, 'both workers served the instance');
    });
  });

  it('the endpoints\' rate limit holds across workers when they count in one Redis', async () => {
    await withRedis(async (url) => {
      await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', REDIS_URL: url, RATE_LIMIT: '6' }, async (port) => {
        const answers = [];
        for (let i = 0; i < 12; i++) answers.push(await request(port, 'GET', '/dojo/choices/timecard/employee?id=&name=ada*'));
        assert.equal(new Set(answers.map((a) => a.worker)).size, 2, 'both workers answered');
        assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
      });
    });
  });

  it('two POSTs of one submission id at once, on two workers sharing Redis: the handler runs once, both get its redirect', async () => {
    await withRedis(async (url) => {
      await withCluster({ DIJITIZE_SECRETS: 'one-secret-for-every-worker', REDIS_URL: url }, async (port) => {
        const page = await request(port, 'GET', '/register');
        const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const id = /name="_submission" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        assert.match(id, /^[A-Za-z0-9_-]{44}\.[A-Za-z0-9_-]+$/);
        const body = `_csrf=${encodeURIComponent(token)}&_submission=${id}`;
        const post = () => request(port, 'POST', '/once', { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body);
        const answers = await Promise.all([post(), post()]);
        assert.equal(new Set(answers.map((a) => a.worker)).size, 2, 'each worker got one');
        assert.deepEqual(answers.map((a) => [a.status, a.location]), [[303, '/once/done'], [303, '/once/done']]);
        const client = createClient({ url });
        await client.connect();
        assert.equal(await client.get('once-runs'), '1');
        await client.quit();
      });
    });
  });

  it('without a shared secret (a random one per process), every round trip that crosses workers is refused', async () => {
    await withCluster({}, async (port) => {
      const crossed = (await roundTrips(port)).filter((t) => t.crossed);
      assert.ok(crossed.length >= 20);
      assert.deepEqual(new Set(crossed.map((t) => t.status)), new Set([403]));
    });
  });
});
