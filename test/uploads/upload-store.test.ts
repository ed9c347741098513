// The upload store: the default folder store keeps the stores' contract (store-contract.ts), and its
// sweep removes uploads older than the TTL, at start-up and on a timer. Any UploadStore of the
// app's own is swept the same way.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, it, mock } from 'node:test';
import { folderStore, type UploadStore } from '../../server/uploads/index.js';
import { UploadService } from '../../server/files/upload-service.js';
import { keyRing } from '../../server/common/key-ring.js';
import { newUploadId } from '../../server/files/upload-store.js';
import { eventually, uploadFolder } from './expense-post.js';
import { storeContract } from './store-contract.js';

const folder = uploadFolder;

describe('the folder store', () => {
  storeContract(async (use) => {
    const dir = folder();
    await use({ store: folderStore(dir), kept: async () => fs.readdirSync(dir), plant: async (name) => fs.writeFileSync(path.join(dir, name), 'not ours') });
  });

  it('sweeps uploads older than the TTL at start-up, and leaves files that are not uploads alone', async () => {
    const dir = folder();
    const store = folderStore(dir);
    const old = newUploadId();
    const fresh = newUploadId();
    await store.write(old, Readable.from(['old']));
    await store.write(fresh, Readable.from(['fresh']));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    fs.utimesSync(path.join(dir, old), twoHoursAgo, twoHoursAgo);
    const service = new UploadService({ dir, ttl: 3600, sweepEvery: 600, keys: keyRing(['x'.repeat(32)]) });
    try {
      await eventually(dir, () => !fs.existsSync(path.join(dir, old)), 'the start-up sweep removes the old upload');
      assert.deepEqual(fs.readdirSync(dir).sort(), [fresh, 'notes.txt'].sort());
    } finally {
      service.close();
    }
  });

  it('an app\'s own store is swept every sweepEvery seconds with the TTL\'s cut-off', () => {
    mock.timers.enable({ apis: ['setInterval', 'Date'], now: 1_000_000_000 });
    try {
      const cutOffs: number[] = [];
      const store: UploadStore = {
        write: async () => {},
        read: () => Readable.from([]),
        size: async () => null,
        remove: async () => {},
        sweep: async (before) => {
          cutOffs.push(before);
          return 0;
        },
      };
      const service = new UploadService({ store, ttl: 600, sweepEvery: 60, keys: keyRing(['x'.repeat(32)]) });
      mock.timers.tick(60_000);
      mock.timers.tick(60_000);
      service.close();
      mock.timers.tick(60_000);
      assert.deepEqual(cutOffs, [1_000_000_000 - 600_000, 1_000_060_000 - 600_000, 1_000_120_000 - 600_000]);
    } finally {
      mock.timers.reset();
    }
  });
});
