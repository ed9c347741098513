// The sweep of resumable uploads never completed: what began before the ttl goes, chunks and
// description; what began since stays; two processes sweeping one folder at once, and an upload half
// removed (its description without its chunks), end in the same folder and never in an unhandled
// rejection (@tus/file-store's own deleteExpired ended the app at start-up on both).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { sweepResumable } from '../../server/files/resumable-sweep.js';

const HOUR = 3_600_000;

/** An upload begun `age` ms ago with `bytes` of it arrived, as @tus/file-store keeps it. */
async function begun(store: FileStore, id: string, age: number, bytes: number): Promise<void> {
  await store.create(new Upload({ id, size: 10_000, offset: 0, creation_date: new Date(Date.now() - age).toISOString() }));
  fs.writeFileSync(path.join(store.directory, id), Buffer.alloc(bytes));
}

describe('sweepResumable', () => {
  it('removes what began before the ttl, keeps what began since; two sweeps of one folder at once, and a half-removed upload, never throw', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-sweep-'));
    const stores = [new FileStore({ directory }), new FileStore({ directory })];
    const [one, two] = stores as [FileStore, FileStore];
    await begun(one, 'a'.repeat(32), 2 * HOUR, 5_000);
    await begun(one, 'b'.repeat(32), 3 * HOUR, 0);
    await begun(one, 'c'.repeat(32), 5 * 60_000, 7_000);
    await begun(one, 'd'.repeat(32), 2 * HOUR, 1_000);
    fs.rmSync(path.join(directory, 'd'.repeat(32))); // half removed: its description is left
    const chunksAlone = path.join(directory, 'e'.repeat(32)); // and the other half: chunks, no description
    fs.writeFileSync(chunksAlone, Buffer.alloc(2_000));
    fs.utimesSync(chunksAlone, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 2 * HOUR));
    fs.writeFileSync(path.join(directory, 'notes.txt'), 'not an upload: left alone');
    const counts = await Promise.all([sweepResumable(one, Date.now() - HOUR), sweepResumable(two, Date.now() - HOUR)]);
    assert.deepEqual(fs.readdirSync(directory).sort(), ['c'.repeat(32), `${'c'.repeat(32)}.json`, 'notes.txt']);
    assert.ok(counts[0] + counts[1] >= 4, `the expired four were counted (${counts.join(', ')})`);
    assert.equal(await sweepResumable(one, Date.now() - HOUR), 0);
  });

});
