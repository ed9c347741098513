// The S3 store against a real S3-compatible server (s3rver): the stores' contract, a large file sent in
// parts a few at a time (never held whole), the sweep leaving what is outside its prefix alone, and bad
// options failing at once, naming the option.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Store } from '../../server/s3/index.js';
import { newUploadId } from '../../server/files/upload-store.js';
import { S3_BUCKET, withS3Server } from '../s3-server.js';
import { madeBytes, storeContract } from './store-contract.js';

const PREFIX = 'uploads/';

/** Every key of the bucket. */
async function keys(client: S3Client): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
  return (page.Contents ?? []).map((o) => o.Key ?? '');
}

const put = (client: S3Client, key: string) => client.send(new PutObjectCommand({ Bucket: S3_BUCKET, Key: key, Body: 'not ours' }));

describe('the S3 store (s3rver)', { timeout: 120_000 }, () => {
  storeContract((use) =>
    withS3Server(async (server) => {
      const client = server.client();
      await use({
        store: s3Store({ client, bucket: S3_BUCKET, prefix: PREFIX }),
        kept: async () => (await keys(client)).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length)),
        plant: async (name) => void (await put(client, `${PREFIX}${name}`)),
      });
    }),
  );

  it('sends a large file in parts of partSize, at most queueSize at a time, and the sweep never leaves its prefix', () =>
    withS3Server(async (server) => {
      const client = server.client();
      // What the store asks S3, as S3 would be asked: each part, and how many are in flight at once.
      const commands: string[] = [];
      let inFlight = 0;
      let most = 0;
      client.middlewareStack.add(
        (next, context) => async (args) => {
          commands.push(String(context.commandName));
          if (context.commandName !== 'UploadPartCommand') return next(args);
          most = Math.max(most, ++inFlight);
          try {
            return await next(args);
          } finally {
            inFlight--;
          }
        },
        { step: 'initialize' },
      );
      const store = s3Store({ client, bucket: S3_BUCKET, prefix: PREFIX, partSize: 5 << 20, queueSize: 2 });
      const id = newUploadId();
      await store.write(id, madeBytes(23 << 20).stream);
      assert.equal(commands.filter((c) => c === 'UploadPartCommand').length, 5, '23 MiB in parts of 5 MiB');
      assert.deepEqual([commands[0], commands.at(-1)], ['CreateMultipartUploadCommand', 'CompleteMultipartUploadCommand']);
      assert.ok(most <= 2, `at most 2 parts at once (${most})`);
      await put(client, 'elsewhere/0123456789abcdef0123456789abcdef');
      assert.equal(await store.sweep(Date.now() + 60_000), 1);
      assert.deepEqual(await keys(client), ['elsewhere/0123456789abcdef0123456789abcdef']);
    }));

  it('bad options fail at once, naming the option', () => {
    const client = { send: async () => ({}) } as unknown as S3Client;
    assert.throws(() => s3Store({ client, bucket: '' }), /bucket must be/);
    assert.throws(() => s3Store({ client, bucket: 'b', prefix: 'no-slash' }), /prefix must end with "\/"/);
    assert.throws(() => s3Store({ client, bucket: 'b', partSize: 1024 }), /partSize must be at least 5242880/);
    assert.throws(() => s3Store({ client: {} as S3Client, bucket: 'b' }), /client must be an S3Client/);
  });
});
