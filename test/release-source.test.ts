import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dojo } from '../server/index.js';
import { createReleaseSource } from '../server/release-source.js';

/** A release folder whose `current` points at a release with the given manifest text. */
function releaseDirWith(manifest: string, id = 'r1'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-rs-'));
  fs.mkdirSync(path.join(dir, 'releases', id), { recursive: true });
  fs.writeFileSync(path.join(dir, 'releases', id, 'manifest.json'), manifest);
  fs.symlinkSync(path.join('releases', id), path.join(dir, 'current'));
  return dir;
}
const GOOD = (id: string) =>
  JSON.stringify({ version: 1, id, createdAt: 'now', locale: 'en-us', modules: [], packages: ['dojo'], dojo: 'dojo/dojo.js', boot: 'dijitize/boot.js', themes: {}, hashes: {} });

describe('release source', () => {
  it('no release yet: source mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-rs-'));
    assert.equal(createReleaseSource(dir)(), null);
  });

  it('a broken manifest fails at start-up, naming the file', () => {
    const dir = releaseDirWith('{"version": 2}');
    assert.throws(() => dojo({ releaseDir: dir }), /Release manifest .*manifest\.json is invalid/);
  });

  it('later, a release that cannot be read is reported and the served one is kept', () => {
    const dir = releaseDirWith(GOOD('r1'));
    const warnings: string[] = [];
    const source = createReleaseSource(dir, 0, (m) => warnings.push(m));
    assert.equal(source()?.id, 'r1');
    fs.mkdirSync(path.join(dir, 'releases', 'r2'));
    fs.writeFileSync(path.join(dir, 'releases', 'r2', 'manifest.json'), 'not json');
    fs.symlinkSync(path.join('releases', 'r2'), path.join(dir, 'next'));
    fs.renameSync(path.join(dir, 'next'), path.join(dir, 'current'));
    assert.equal(source()?.id, 'r1');
    assert.match(warnings[0] ?? '', /keeping release r1/);
  });
});
