// A 1 GB resumable upload keeps the server's memory flat: its chunks stream to the disk, the complete file
// streams into the upload store, and nothing holds it whole. The server runs in a process of its own; its
// peak resident memory (VmHWM) is read from /proc after the first 64 MB and at the end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { openForm } from '../form-session.js';
import { uploadFolder } from './expense-post.js';
import { create, patch } from './tus-client.js';
import { startReady } from '../ready-process.js';

const GB = 1024 * 1024 * 1024;
const CHUNK = 64 * 1024 * 1024;

/** The peak resident memory of a process, in bytes. */
const peakOf = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

describe('a 1 GB resumable upload', { timeout: 600_000 }, () => {
  it('keeps the server\'s memory flat (its peak grows by less than 64 MB over the upload)', async () => {
    const dir = uploadFolder();
    const { child: server, port } = await startReady('test/uploads/serve-large-uploads.ts', { UPLOAD_DIR: dir });
    try {
      const base = `http://127.0.0.1:${port}`;
      const s = await openForm(base, '/big');
      const made = await create(base, s, { form: 'big', field: 'document', name: 'big.bin', type: 'application/octet-stream', size: GB });
      assert.equal(made.status, 201, made.body);
      const chunk = Buffer.alloc(CHUNK, 7); // one chunk in the test's memory, sent sixteen times
      let after = 0;
      let last = { status: 0, body: '' };
      for (let offset = 0; offset < GB; offset += CHUNK) {
        last = await patch(s, made.url, chunk, offset);
        if (offset === 0) after = peakOf(server.pid ?? 0);
      }
      assert.equal(last.status, 200, last.body);
      assert.match(last.body, /"name":"big\.bin"/);
      const growth = peakOf(server.pid ?? 0) - after;
      assert.ok(growth < CHUNK, `the peak grew by ${Math.round(growth / 1024 / 1024)} MB over 1 GB`);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
