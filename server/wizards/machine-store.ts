// A SharedStore in a folder of this machine: one file an entry, named by a hash of its key, holding when
// it expires and its value. What a process marks there outlives a restart, and every process of the
// machine sees it; a claim is an exclusive create (O_EXCL), so two processes never both make it. The
// default of a wizard's "finished" marks, so that a Finish replayed after a restart is still refused.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SharedStore } from '../stores/index.js';
import { privateFolder } from '../common/private-folder.js';
import { log } from '../common/log.js';

/** The folder of the default machine store: the user's own in the system's temporary folder. */
export const DEFAULT_MACHINE_STORE_DIR = path.join(os.tmpdir(), `dijitize-state-${process.getuid?.() ?? 'user'}`);

/** How often expired entries are removed. */
const SWEEP_MS = 60 * 60 * 1000;

const fileName = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

/** An entry's text: its expiry (ms since 1970), a newline, its value. */
const entryText = (value: string, ttlSeconds: number) => `${Date.now() + ttlSeconds * 1000}\n${value}`;

/** The value of an entry's text, or null when it expired or is not one of ours. */
function liveValue(text: string): string | null {
  const newline = text.indexOf('\n');
  const expires = Number(text.slice(0, newline));
  return newline > 0 && Number.isFinite(expires) && expires > Date.now() ? text.slice(newline + 1) : null;
}

/** A store in `dir` (made private to this user at first use; another user's folder is refused). */
export function machineStore(dir: string = DEFAULT_MACHINE_STORE_DIR): SharedStore {
  let ready: string | null = null;
  const fileOf = (key: string) => {
    if (!ready) {
      ready = privateFolder(dir, 'the wizards\' store (none given)', 'wizards');
      const timer = setInterval(() => void sweep(), SWEEP_MS);
      timer.unref();
    }
    return path.join(ready, fileName(key));
  };
  const read = async (file: string) => fsp.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  const sweep = async () => {
    try {
      for (const name of await fsp.readdir(dir)) {
        if (!/^[0-9a-f]{64}$/.test(name)) continue;
        const text = await read(path.join(dir, name));
        if (text !== null && liveValue(text) === null) await fsp.rm(path.join(dir, name), { force: true });
      }
    } catch (err) {
      log.request('machine store sweep failed: %s', (err as Error).message);
    }
  };
  return {
    async get(key) {
      const text = await read(fileOf(key));
      return text === null ? null : liveValue(text);
    },
    async set(key, value, ttlSeconds) {
      const file = fileOf(key);
      // Written whole, then renamed over: a reader never sees half an entry.
      const temp = `${file}.${crypto.randomBytes(6).toString('hex')}`;
      await fsp.writeFile(temp, entryText(value, ttlSeconds), { mode: 0o600 });
      await fsp.rename(temp, file);
    },
    async claim(key, ttlSeconds, value = '1') {
      const file = fileOf(key);
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await fsp.writeFile(file, entryText(value, ttlSeconds), { flag: 'wx', mode: 0o600 });
          return true;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
        const text = await read(file);
        if (text !== null && liveValue(text) !== null) return false;
        // Expired (or gone meanwhile): removed, and claimed again once.
        await fsp.rm(file, { force: true });
      }
      return false;
    },
    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
  };
}

let shared: SharedStore | null = null;
/** The one store of the default folder, for every part of this process that needs one. */
export const defaultMachineStore = (): SharedStore => (shared ??= machineStore());
