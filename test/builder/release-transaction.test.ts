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
const staleLock = (dir: string, holder: object) => fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify(holder));
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
      const contenders = Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/builder/fixtures/take-lock.ts', dir, at], { stdio: ['pipe', 'pipe', 'inherit'] });
        const answer = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
        const closed = new Promise((resolve) => child.once('close', resolve));
        return { child, answer, closed };
      });
      const outcomes = await Promise.all(contenders.map((c) => c.answer));
      for (const c of contenders) c.child.stdin.end(); // now the one that took it gives it back
      await Promise.all(contenders.map((c) => c.closed));
      assert.deepEqual(outcomes.sort(), ['refused', 'refused', 'refused', 'refused', 'refused', 'took'], outcomes.join(' | '));
    }
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
