// The build's lock and its release switch, without running a build: one build at a time per release
// folder (in one process too), a stale lock taken over by exactly one contender, and a commit that never
// replaces a release folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { releaseId } from '../../server/builder/build.js';
import { BuildLockedError, ReleaseTransaction } from '../../server/builder/release-transaction.js';

const tempReleaseDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-lock-'));
/** This process's PID namespace: a lock written in it is judged by its pid. */
const OUR_NAMESPACE = fs.readlinkSync('/proc/self/ns/pid');
const staleLock = (dir: string, holder: object) => fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pidNamespace: OUR_NAMESPACE, ...holder }));
const lockTouched = (dir: string) => fs.statSync(path.join(dir, '.lock')).mtimeMs;
/** Starts take-lock.ts, optionally as PID 1 of a PID namespace of its own (as in a container). */
function contender(dir: string, at: string, ownNamespace = false) {
  const node = [process.execPath, '--import', 'tsx', 'test/builder/fixtures/take-lock.ts', dir, at];
  const [command, ...args] = ownNamespace ? ['unshare', '--pid', '--fork', '--mount-proc', ...node] : node;
  const child = spawn(command as string, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const answer = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const closed = new Promise((resolve) => child.once('close', resolve));
  return { child, answer, closed };
}
const isLocked = (err: unknown) => err instanceof BuildLockedError;

describe('release transaction', () => {
  it('a second build in the same process is refused, and the first one\'s temporary folder stays', () => {
    const dir = tempReleaseDir();
    const first = ReleaseTransaction.begin(dir);
    assert.throws(() => ReleaseTransaction.begin(dir), isLocked);
    assert.ok(fs.existsSync(first.scratchDir));
    first.rollback();
    ReleaseTransaction.begin(dir).rollback();
  });

  it('a lock with this process\'s pid from an earlier run (a reused pid) is stale and taken over', () => {
    const dir = tempReleaseDir();
    staleLock(dir, { pid: process.pid, token: 'from-an-earlier-run', since: 'before a restart' });
    ReleaseTransaction.begin(dir).rollback();
    assert.deepEqual(fs.readdirSync(dir), ['releases']);
  });

  it('of several processes racing for a stale lock, exactly one takes it; the others are refused', { timeout: 60_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const dir = tempReleaseDir();
      fs.mkdirSync(path.join(dir, 'releases'));
      staleLock(dir, { pid: 2 ** 22 + 12345, since: 'long ago' });
      const at = String(Date.now() + 1500);
      const contenders = Array.from({ length: 6 }, () => contender(dir, at));
      const outcomes = await Promise.all(contenders.map((c) => c.answer));
      for (const c of contenders) c.child.stdin.end(); // now the one that took it gives it back
      await Promise.all(contenders.map((c) => c.closed));
      assert.deepEqual(outcomes.sort(), ['refused', 'refused', 'refused', 'refused', 'refused', 'took'], outcomes.join(' | '));
    }
  });

  it('a lock from another PID namespace (another container), even with our pid, holds while its holder touches it', () => {
    const dir = tempReleaseDir();
    staleLock(dir, { pid: process.pid, pidNamespace: 'pid:[1]', token: 'the other container', since: 'just now' });
    assert.throws(() => ReleaseTransaction.begin(dir), isLocked);
    // Untouched for longer than the lease: its build is gone, and the lock is taken over.
    const longAgo = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(path.join(dir, '.lock'), longAgo, longAgo);
    ReleaseTransaction.begin(dir).rollback();
  });

  it('a running build touches its lock (its heartbeat), so that others see it alive', { timeout: 60_000 }, async () => {
    const dir = tempReleaseDir();
    const t = ReleaseTransaction.begin(dir);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(path.join(dir, '.lock'), longAgo, longAgo);
    // The heartbeat's touch is a change of the lock's times: the watch reports it.
    await new Promise<void>((resolve) => {
      const watcher = fs.watch(path.join(dir, '.lock'));
      const look = () => {
        if (lockTouched(dir) <= longAgo.getTime()) return;
        watcher.close();
        resolve();
      };
      watcher.on('change', look);
      look();
    });
    assert.ok(lockTouched(dir) > longAgo.getTime(), 'the lock was never touched');
    t.rollback();
  });

  it('two builds at once, each PID 1 of its own PID namespace on the same folder: one builds, the other is refused and deletes nothing', { timeout: 60_000 }, async () => {
    const dir = tempReleaseDir();
    fs.mkdirSync(path.join(dir, 'releases'));
    const first = contender(dir, '0', true);
    assert.equal(await first.answer, 'took');
    const scratch = fs.readdirSync(dir).filter((e) => e.startsWith('.tmp-'));
    assert.equal(scratch.length, 1);
    const second = contender(dir, '0', true);
    assert.equal(await second.answer, 'refused');
    await second.closed;
    assert.deepEqual(fs.readdirSync(dir).filter((e) => e.startsWith('.tmp-')), scratch, "the first build's scratch folder is untouched");
    first.child.stdin.end();
    await first.closed;
    assert.deepEqual(fs.readdirSync(dir), ['releases']);
  });

  it('commit never replaces an existing release folder (it may be the one served)', () => {
    const dir = tempReleaseDir();
    const live = path.join(dir, 'releases', 'r1');
    fs.mkdirSync(live, { recursive: true });
    fs.writeFileSync(path.join(live, 'dojo.js'), 'live');
    const t = ReleaseTransaction.begin(dir);
    fs.mkdirSync(t.outputDir);
    fs.writeFileSync(path.join(t.outputDir, 'dojo.js'), 'new');
    assert.throws(() => t.commit('r1', 3), /release r1 already exists/);
    t.rollback();
    assert.equal(fs.readFileSync(path.join(live, 'dojo.js'), 'utf8'), 'live');
  });

  it('release ids are unique even for the same content in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 200 }, () => releaseId('2026-11-22T05:16:12.345Z', 'ab'.repeat(32))));
    assert.equal(ids.size, 200);
    assert.match([...ids][0] ?? '', /^20261122-051612-345-abababababab-[0-9a-f]{8}$/);
  });
});
