// Where uploads wait between the POST that brought them and the handler that keeps them: an interface an
// app can replace (object storage, a shared volume), and the default, a folder. A store holds bytes by an
// id dijitize makes (random, never the file's name); what a file is called and what type it is travel in
// the signed token (file-tokens.ts), so any process that shares the store and the secret can take it.
import { randomId } from '../common/random-id.js';
import { privateFolder } from '../common/private-folder.js';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * Temporary storage for uploaded bytes. Every method may be called by any process that shares the store.
 * @public
 */
export interface UploadStore {
  /** Stores the bytes of a new upload; rejects (leaving nothing behind) when `bytes` fails. */
  write(id: string, bytes: Readable): Promise<void>;
  /** The stored bytes. */
  read(id: string): Readable;
  /** How many bytes the upload holds, or null when it is not (or no longer) stored. */
  size(id: string): Promise<number | null>;
  /** Removes an upload; removing one that is not there is no error. */
  remove(id: string): Promise<void>;
  /** Removes every upload stored before `before` (ms since 1970); resolves to how many went. */
  sweep(before: number): Promise<number>;
  /** Optional: moves the bytes to a file of this machine faster than reading them (a rename). */
  moveTo?(id: string, destination: string): Promise<void>;
}

/** A new upload's id: 128 random bits as hex, the only name a stored file ever gets. */
export const newUploadId = (): string => randomId('hex');
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** The folder a store without a `dir` setting uses. */
export const DEFAULT_UPLOAD_DIR = path.join(os.tmpdir(), 'dijitize-uploads');

/**
 * The default store: one file per upload in `dir` (made if missing, mode 0700; a folder another user owns
 * or may write to is refused with a SettingsError). Several processes of one
 * machine, or of several machines on a shared volume, share it by giving each the same folder.
 * @example app.use(dojo({ uploads: { store: folderStore('/var/lib/myapp/uploads') } }));
 * @public
 */
export function folderStore(dir: string = DEFAULT_UPLOAD_DIR): UploadStore {
  const fileOf = (id: string) => {
    // An id is ours (hex): anything else never becomes a path, whatever a caller passes.
    if (!UPLOAD_ID.test(id)) throw new TypeError(`not an upload id: ${JSON.stringify(id.slice(0, 40))}`);
    return path.join(dir, id);
  };
  // Made, or checked to be this user's alone, at start-up: another user's folder fails here.
  privateFolder(dir, 'uploads.dir', 'uploads');
  return {
    async write(id, bytes) {
      const file = fileOf(id);
      try {
        // `wx`: an id is new; a file already there is never written over.
        await pipeline(bytes, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await fsp.rm(file, { force: true });
        throw err;
      }
    },
    read: (id) => fs.createReadStream(fileOf(id)),
    async size(id) {
      try {
        return (await fsp.stat(fileOf(id))).size;
      } catch {
        return null;
      }
    },
    remove: (id) => fsp.rm(fileOf(id), { force: true }),
    async sweep(before) {
      let names: string[];
      try {
        names = await fsp.readdir(dir);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        if (!UPLOAD_ID.test(name)) continue; // not ours: left alone
        const file = path.join(dir, name);
        const stat = await fsp.stat(file).catch(() => null);
        if (stat && stat.mtimeMs < before) {
          await fsp.rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async moveTo(id, destination) {
      try {
        await fsp.rename(fileOf(id), destination);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        // Another file system: copied, then removed.
        await pipeline(fs.createReadStream(fileOf(id)), fs.createWriteStream(destination));
        await fsp.rm(fileOf(id), { force: true });
      }
    },
  };
}
