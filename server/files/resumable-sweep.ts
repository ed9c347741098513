// The sweep of resumable uploads never completed. @tus/file-store's own deleteExpired() starts every
// removal before it awaits any, so one that fails (two processes sweeping one folder, a chunks' file
// already gone) is an unhandled rejection: it ended the app at start-up. Its list of uploads skips one
// half removed (a description without its chunks, or chunks without one), which then stayed forever.
// This one reads the folder, goes upload by upload, and never throws.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '@tus/file-store';
import { UPLOAD_ID } from './upload-store.js';

/** When an upload began: its description's date, else its oldest file's; null when it is gone. */
async function begunAt(datastore: FileStore, id: string): Promise<number | null> {
  const described = await datastore.configstore.get(id).catch(() => undefined);
  const date = described?.creation_date ? Date.parse(described.creation_date) : Number.NaN;
  if (!Number.isNaN(date)) return date;
  const stats = await Promise.all([id, `${id}.json`].map((name) => fsp.stat(path.join(datastore.directory, name)).catch(() => null)));
  const times = stats.flatMap((s) => (s ? [s.mtimeMs] : []));
  return times.length ? Math.min(...times) : null;
}

/** Removes the uploads of the store's folder begun before `before` (ms since the epoch); how many it removed. */
export async function sweepResumable(datastore: FileStore, before: number): Promise<number> {
  const names = await fsp.readdir(datastore.directory).catch(() => []);
  const ids = new Set(names.map((name) => name.replace(/\.json$/, '')).filter((id) => UPLOAD_ID.test(id)));
  let removed = 0;
  for (const id of ids) {
    const begun = await begunAt(datastore, id);
    if (begun === null || begun >= before) continue;
    try {
      await Promise.all([id, `${id}.json`].map((name) => fsp.rm(path.join(datastore.directory, name), { force: true })));
      removed++;
    } catch {
      // Left for the next sweep (a folder it may not write now).
    }
  }
  return removed;
}
