// Uploads in object storage (S3, or any server that speaks its API), for apps on several machines: each
// upload one object under `prefix`, named by its id alone. Written as a stream with the SDK's multipart
// upload (lib-storage's Upload: parts of `partSize`, a few at a time), so a large file is never held
// whole in memory; read as a stream; swept by the objects' age (their LastModified). The SDK is the app's
// (optional peer dependencies): only an app that imports `dijitize/s3` needs it.
import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NotFound, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { UPLOAD_ID, type UploadStore } from './upload-store.js';

/**
 * Where an s3Store keeps uploads.
 * @public
 */
export interface S3StoreOptions {
  /** The app's client, with its region, credentials and endpoint (forcePathStyle for most S3-compatible servers). */
  client: S3Client;
  bucket: string;
  /** The key prefix of every upload (a "folder" of the bucket); default "dijitize-uploads/". Ends with "/". */
  prefix?: string;
  /** Bytes of a part of a multipart upload: at least 5 MiB, S3's least; default 8 MiB. */
  partSize?: number;
  /** Parts sent at once; default 4. The most memory a write holds is about partSize × queueSize. */
  queueSize?: number;
}

const MIN_PART = 5 * 1024 * 1024;
/** DeleteObjects takes at most 1000 keys a request. */
const DELETE_BATCH = 1000;

/** Whether the SDK's error says the object is not there. */
const isMissing = (err: unknown): boolean =>
  err instanceof NotFound || err instanceof NoSuchKey || (err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * An UploadStore in an S3 bucket. Bad options fail here, naming the option.
 * @example
 * import { S3Client } from '@aws-sdk/client-s3';
 * import { s3Store } from 'dijitize/s3';
 * app.use(dojo({ uploads: { store: s3Store({ client: new S3Client({ region: 'eu-central-1' }), bucket: 'my-app-uploads' }) } }));
 * @public
 */
export function s3Store(options: S3StoreOptions): UploadStore {
  const { client, bucket } = options;
  const prefix = options.prefix ?? 'dijitize-uploads/';
  const partSize = options.partSize ?? 8 * 1024 * 1024;
  const queueSize = options.queueSize ?? 4;
  if (typeof client?.send !== 'function') throw new TypeError('s3Store: client must be an S3Client of @aws-sdk/client-s3');
  if (typeof bucket !== 'string' || bucket === '') throw new TypeError('s3Store: bucket must be the name of a bucket');
  if (prefix !== '' && !prefix.endsWith('/')) throw new TypeError(`s3Store: prefix must end with "/" (got ${JSON.stringify(prefix)})`);
  if (!Number.isInteger(partSize) || partSize < MIN_PART) throw new TypeError(`s3Store: partSize must be at least ${MIN_PART} bytes (5 MiB, S3's least)`);
  if (!Number.isInteger(queueSize) || queueSize < 1) throw new TypeError('s3Store: queueSize must be a whole number, at least 1');

  const keyOf = (id: string) => {
    // An id is ours (hex): anything else never becomes a key, whatever a caller passes.
    if (!UPLOAD_ID.test(id)) throw new TypeError(`not an upload id: ${JSON.stringify(id.slice(0, 40))}`);
    return `${prefix}${id}`;
  };
  const remove = async (id: string) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(id) }));
  };

  return {
    async write(id, bytes) {
      const upload = new Upload({ client, params: { Bucket: bucket, Key: keyOf(id), Body: bytes }, partSize, queueSize, leavePartsOnError: false });
      try {
        await upload.done();
      } catch (err) {
        // A failed stream aborts the multipart upload (no parts left behind); a small file may have landed whole.
        await remove(id).catch(() => undefined);
        throw err;
      }
    },
    read(id) {
      // The interface reads synchronously; the object's stream is piped in once S3 answers.
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(id) })).then(
        (answer) => {
          const body = answer.Body;
          if (!(body instanceof Readable)) return void out.destroy(new Error(`s3Store: the object of upload ${id} has no stream body`));
          body.on('error', (err) => out.destroy(err));
          body.pipe(out);
        },
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      return out;
    },
    async size(id) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(id) }))).ContentLength ?? null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    remove,
    async sweep(before) {
      let removed = 0;
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        // Only uploads of ours (an id under the prefix) that are old enough; anything else is left alone.
        const old = (page.Contents ?? []).filter((o) => o.Key && UPLOAD_ID.test(o.Key.slice(prefix.length)) && o.Key.length === prefix.length + 32 && o.LastModified && o.LastModified.getTime() < before);
        for (let i = 0; i < old.length; i += DELETE_BATCH) {
          const batch = old.slice(i, i + DELETE_BATCH).map((o) => ({ Key: o.Key as string }));
          const answer = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
          removed += batch.length - (answer.Errors?.length ?? 0);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return removed;
    },
  };
}
