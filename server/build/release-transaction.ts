// Builds a release as a transaction (after the seed's "Transactions for file transfer"): the work happens
// in a temporary folder, and only a finished release is switched to, by renaming a symlink, which is one
// atomic step. On failure or interruption the temporary folder goes and the served release is untouched.
// A lock file stops two builds at once; a lock left by a killed build is taken over.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CURRENT_LINK, RELEASES_FOLDER } from '../release-source.js';

const LOCK_FILE = '.lock';
const TEMP_PREFIX = '.tmp-';

/** Another build holds the lock. */
export class BuildLockedError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ReleaseTransaction {
  /** Where the build writes; becomes the release on commit. */
  readonly workDir: string;
  #open = true;

  private constructor(
    readonly releaseDir: string,
    readonly tempDir: string,
  ) {
    this.workDir = path.join(tempDir, 'release');
  }

  /** Takes the lock, clears what killed builds left behind, and makes a fresh temporary folder. */
  static begin(releaseDir: string): ReleaseTransaction {
    fs.mkdirSync(path.join(releaseDir, RELEASES_FOLDER), { recursive: true });
    const lock = path.join(releaseDir, LOCK_FILE);
    const claim = () => fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
    try {
      claim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; since?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lock, 'utf8'));
      } catch {
        // an empty or torn lock file: whoever wrote it died while writing
      }
      if (holder.pid && holder.pid !== process.pid && processAlive(holder.pid)) {
        throw new BuildLockedError(`another build (pid ${holder.pid}, since ${holder.since}) holds ${lock}; wait for it to finish`);
      }
      fs.rmSync(lock, { force: true });
      claim();
    }
    for (const entry of fs.readdirSync(releaseDir)) {
      if (entry.startsWith(TEMP_PREFIX)) fs.rmSync(path.join(releaseDir, entry), { recursive: true, force: true });
    }
    const tempDir = path.join(releaseDir, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(tempDir);
    return new ReleaseTransaction(releaseDir, tempDir);
  }

  /**
   * Moves the finished build into `releases/<id>`, points `current` at it atomically, then prunes
   * releases beyond the newest `keep`.
   */
  commit(id: string, keep: number): { dir: string; pruned: string[] } {
    this.#assertOpen();
    const target = path.join(this.releaseDir, RELEASES_FOLDER, id);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(this.workDir, target);
    const link = path.join(this.releaseDir, CURRENT_LINK);
    const nextLink = path.join(this.tempDir, 'current');
    fs.symlinkSync(path.join(RELEASES_FOLDER, id), nextLink);
    // rename(2) over the old link is atomic: a reader sees the old release or the new one, never neither.
    fs.renameSync(nextLink, link);
    const pruned = this.#prune(keep, id);
    this.#close();
    return { dir: target, pruned };
  }

  /** Drops the temporary folder; the served release stays as it was. */
  rollback(): void {
    if (!this.#open) return;
    this.#close();
  }

  /** Removes releases beyond the newest `keep`, never the current one. */
  #prune(keep: number, current: string): string[] {
    const folder = path.join(this.releaseDir, RELEASES_FOLDER);
    const byAge = fs
      .readdirSync(folder)
      .map((name) => ({ name, mtime: fs.statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .map((r) => r.name);
    const removed = byAge.filter((name, i) => i >= keep && name !== current);
    for (const name of removed) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    return removed;
  }

  #assertOpen(): void {
    if (!this.#open) throw new Error('the release transaction is already finished');
  }

  #close(): void {
    this.#open = false;
    fs.rmSync(this.tempDir, { recursive: true, force: true });
    fs.rmSync(path.join(this.releaseDir, LOCK_FILE), { force: true });
  }
}
