// What every UploadStore must do, as one set of tests run against each store dijitize ships (the folder,
// S3): bytes by id only, nothing left of a failed write, and a sweep by age that leaves what is not an
// upload alone.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { it } from 'node:test';
import type { UploadStore } from '../../server/uploads/index.js';
import { newUploadId } from '../../server/files/upload-store.js';

/** A store to test, and what the test reads of where it keeps things. */
export interface StoreUnderTest {
  store: UploadStore;
  /** The names of everything kept where the store keeps uploads (file names, or keys past the prefix). */
  kept(): Promise<string[]>;
  /** Puts something that is not an upload where the store keeps them. */
  plant(name: string): Promise<void>;
}

/** Bytes of a stream. */
export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `size` bytes in chunks of 1 MiB, made as they are read (never held whole), and their SHA-256. */
export function madeBytes(size: number): { stream: Readable; sha256: string } {
  const hash = crypto.createHash('sha256');
  const chunk = (i: number) => Buffer.alloc(Math.min(1 << 20, size - i * (1 << 20)), i % 251);
  for (let i = 0; i * (1 << 20) < size; i++) hash.update(chunk(i));
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i * (1 << 20) < size; i++) yield chunk(i);
    })(),
  );
  return { stream, sha256: hash.digest('hex') };
}

export function storeContract(open: (use: (under: StoreUnderTest) => Promise<void>) => Promise<void>): void {
  it('writes, reads, sizes and removes by id; an id that is not one of ours is refused before it names anything', () =>
    open(async ({ store }) => {
      const id = newUploadId();
      await store.write(id, Readable.from([Buffer.from('hello ')]));
      assert.equal(await store.size(id), 6);
      assert.equal((await bytesOf(store.read(id))).toString(), 'hello ');
      await store.remove(id);
      assert.equal(await store.size(id), null);
      await store.remove(id); // removing what is not there is no error
      await assert.rejects(() => store.write('../../etc/passwd', Readable.from(['x'])), /not an upload id/);
      assert.throws(() => store.read('a/b'), /not an upload id/);
    }));

  it('a write whose bytes fail leaves nothing behind', () =>
    open(async ({ store, kept }) => {
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(1000));
          this.destroy(new Error('the client went away'));
        },
      });
      await assert.rejects(() => store.write(newUploadId(), failing), /the client went away/);
      assert.deepEqual(await kept(), []);
    }));

  it('a file of 12 MiB goes in and comes out byte for byte', () =>
    open(async ({ store }) => {
      const id = newUploadId();
      const made = madeBytes(12 << 20);
      await store.write(id, made.stream);
      assert.equal(await store.size(id), 12 << 20);
      assert.equal(crypto.createHash('sha256').update(await bytesOf(store.read(id))).digest('hex'), made.sha256);
    }));

  it('sweeps by age: nothing stored after the cut-off, every upload before it, never what is not an upload', () =>
    open(async ({ store, kept, plant }) => {
      const before = Date.now() - 60_000;
      const ids = [newUploadId(), newUploadId()];
      for (const id of ids) await store.write(id, Readable.from(['bytes']));
      await plant('notes.txt');
      assert.equal(await store.sweep(before), 0);
      assert.deepEqual((await kept()).sort(), [...ids, 'notes.txt'].sort());
      assert.equal(await store.sweep(Date.now() + 60_000), 2);
      assert.deepEqual(await kept(), ['notes.txt']);
    }));
}
