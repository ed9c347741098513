// Builds a release as a transaction (after the seed's "Transactions for file transfer"): the work happens
// in a temporary folder, and only a finished release is switched to, by renaming a symlink, which is one
// atomic step. On failure or interruption the temporary folder goes and the served release is untouched.
// A lock file stops two builds at once; a lock left by a killed build is taken over. The lock says which
// PID namespace wrote it: in ours, a pid says whether its build still runs; from another (a second
// container on the same volume, where both builds may be PID 1) only its heartbeat can: the holder
// touches the lock every HEARTBEAT_MS, and a lock untouched for LEASE_MS is stale.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CURRENT_LINK, RELEASES_FOLDER } from '../serve/release-source.js';

const LOCK_FILE = '.lock';
/** Held for the few milliseconds it takes to replace a stale lock, so that two builds never both do. */
const TAKEOVER_FILE = '.lock-takeover';
/** A takeover file older than this was left by a build killed in those milliseconds. */
const TAKEOVER_STALE_MS = 10_000;
const TEMP_PREFIX = '.tmp-';

/**
 * Another build holds the release folder's lock.
 * @example await build(config, logger); // BuildLockedError while another `dijitize build` runs on the same folder
 * @public
 */
export class BuildLockedError extends Error {}

/** How often a build touches its lock, and how long an untouched lock from another namespace holds. */
const HEARTBEAT_MS = 2_000;
const LEASE_MS = 30_000;

/** What a lock file says: the process, its PID namespace, and a token of the build in it (a pid alone can be reused). */
interface LockHolder {
  pid?: number;
  pidNamespace?: string | null;
  token?: string;
  since?: string;
}

/** This process's PID namespace (`pid:[4026531836]`), or null where there is no /proc to say it. */
const PID_NAMESPACE: string | null = (() => {
  try {
    return fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
})();

/** The tokens of the builds running in this process. */
const heldHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the lock says, and when its holder last touched it (ms since the epoch). */
function readHolder(lock: string): (LockHolder & { touched: number }) | null {
  let touched: number;
  try {
    touched = fs.statSync(lock).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return { ...(JSON.parse(fs.readFileSync(lock, 'utf8')) as LockHolder), touched };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { touched: 0 }; // an empty or torn lock file: whoever wrote it died while writing
  }
}

/**
 * Whether the build that wrote this lock still runs. In our PID namespace its pid says so (in this process
 * only if it is one of ours); from another, or where namespaces cannot be told, its heartbeat does.
 */
function holderAlive(holder: LockHolder & { touched: number }): boolean {
  if (!holder.pid) return false;
  if (PID_NAMESPACE === null || holder.pidNamespace !== PID_NAMESPACE) return Date.now() - holder.touched < LEASE_MS;
  if (holder.pid === process.pid) return holder.token !== undefined && heldHere.has(holder.token);
  return processAlive(holder.pid);
}

const lockedError = (lock: string, holder: LockHolder) =>
  new BuildLockedError(`another build (pid ${holder.pid}, since ${holder.since}) holds ${lock}; wait for it to finish`);

/**
 * Takes the lock, or throws BuildLockedError. A stale lock is replaced only inside the takeover file's
 * critical section, and only if it is still the stale one that was read: never a lock just taken.
 */
function takeLock(root: string, token: string): void {
  const lock = path.join(root, LOCK_FILE);
  const claim = () => fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, pidNamespace: PID_NAMESPACE, token, since: new Date().toISOString() }), { flag: 'wx' });
  const exists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';
  try {
    return claim();
  } catch (err) {
    if (!exists(err)) throw err;
  }
  const takeover = path.join(root, TAKEOVER_FILE);
  try {
    fs.writeFileSync(takeover, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if (!exists(err)) throw err;
    const age = Date.now() - (fs.statSync(takeover, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > TAKEOVER_STALE_MS) fs.rmSync(takeover, { force: true });
    throw new BuildLockedError(`another build is taking over the stale lock ${lock}; try again`);
  }
  try {
    const holder = readHolder(lock);
    if (holder && holderAlive(holder)) throw lockedError(lock, holder);
    fs.rmSync(lock, { force: true });
    try {
      claim();
    } catch (err) {
      if (!exists(err)) throw err;
      throw lockedError(lock, readHolder(lock) ?? {}); // a build that never needed the takeover got it first
    }
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

export class ReleaseTransaction {
  /** Where dojo-util writes the release; moved into `releases/<id>` on commit. */
  readonly outputDir: string;
  #open = true;
  /** Touches the lock while the build runs, so that a build in another namespace sees it alive. */
  readonly #heartbeat: NodeJS.Timeout;

  private constructor(
    /** The folder that holds `current` and `releases/` (the releaseDir setting). */
    readonly root: string,
    /** This build's own folder inside root: the output, the profile, staged packages; gone when it ends. */
    readonly scratchDir: string,
    /** This build's lock token. */
    private readonly lockToken: string,
  ) {
    this.outputDir = path.join(scratchDir, 'release');
    const lock = path.join(root, LOCK_FILE);
    this.#heartbeat = setInterval(() => {
      const now = new Date();
      try {
        fs.utimesSync(lock, now, now);
      } catch {
        // gone: the build is ending, or someone removed it by hand; the next begin() sees which
      }
    }, HEARTBEAT_MS);
    this.#heartbeat.unref(); // never what keeps a process alive
  }

  /** Takes the lock, clears what killed builds left behind, and makes a fresh temporary folder. */
  static begin(root: string): ReleaseTransaction {
    fs.mkdirSync(path.join(root, RELEASES_FOLDER), { recursive: true });
    const token = crypto.randomBytes(8).toString('hex');
    takeLock(root, token);
    heldHere.add(token);
    for (const entry of fs.readdirSync(root)) {
      if (entry.startsWith(TEMP_PREFIX)) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
    }
    const scratchDir = path.join(root, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(scratchDir);
    return new ReleaseTransaction(root, scratchDir, token);
  }

  /**
   * Moves the finished build into `releases/<id>`, points `current` at it atomically, then prunes
   * releases beyond the newest `keep`.
   */
  commit(id: string, keep: number): { dir: string; pruned: string[] } {
    this.#assertOpen();
    const target = path.join(this.root, RELEASES_FOLDER, id);
    // Never replace a release folder: it may be the one being served. Ids are unique, so this only
    // fails (and rolls back) if one was reused by hand.
    if (fs.existsSync(target)) throw new Error(`release ${id} already exists in ${path.dirname(target)}`);
    fs.renameSync(this.outputDir, target);
    const link = path.join(this.root, CURRENT_LINK);
    const nextLink = path.join(this.scratchDir, 'current');
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
    const folder = path.join(this.root, RELEASES_FOLDER);
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
    clearInterval(this.#heartbeat);
    fs.rmSync(this.scratchDir, { recursive: true, force: true });
    const lock = path.join(this.root, LOCK_FILE);
    if (readHolder(lock)?.token === this.lockToken) fs.rmSync(lock, { force: true });
    heldHere.delete(this.lockToken);
  }
}
