import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dojo } from '../../server/index.js';
import { createReleaseSource } from '../../server/serve/release-source.js';
import { manifestText, releaseDirWith } from '../release-fixture.js';

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
    const dir = releaseDirWith(manifestText('r1'));
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

  it('a current link out of releases/, dangling, or at a manifest of another id fails at start-up, naming why', () => {
    const outside = releaseDirWith(manifestText('r1'));
    const dir = releaseDirWith(manifestText('r1'));
    fs.rmSync(path.join(dir, 'current'));
    fs.symlinkSync(path.join(outside, 'releases', 'r1'), path.join(dir, 'current'));
    assert.throws(() => dojo({ releaseDir: dir }), /current points at .*r1, which is not a release in/);
    const dangling = releaseDirWith(manifestText('r1'));
    fs.rmSync(path.join(dangling, 'releases', 'r1'), { recursive: true });
    assert.throws(() => dojo({ releaseDir: dangling }), /current points at releases\/r1, which does not exist/);
    assert.throws(() => dojo({ releaseDir: releaseDirWith(manifestText('other')) }), /its id other is not its folder's name/);
  });

  it('later, a current link that leads out of releases/, nowhere, or is gone: the served release is kept and the log says why', () => {
    const outside = releaseDirWith(manifestText('r9'), 'r9');
    const dir = releaseDirWith(manifestText('r1'));
    const warnings: string[] = [];
    const source = createReleaseSource(dir, 0, (m) => warnings.push(m));
    assert.equal(source()?.id, 'r1');
    const point = (target: string) => {
      fs.symlinkSync(target, path.join(dir, 'next'));
      fs.renameSync(path.join(dir, 'next'), path.join(dir, 'current'));
    };
    point(path.join(outside, 'releases', 'r9'));
    assert.equal(source()?.id, 'r1');
    point(path.join('releases', 'missing'));
    assert.equal(source()?.id, 'r1');
    fs.rmSync(path.join(dir, 'current'));
    assert.equal(source()?.id, 'r1');
    assert.equal(warnings.length, 3);
    assert.match(warnings[0] ?? '', /keeping release r1: .*not a release in/);
    assert.match(warnings[1] ?? '', /keeping release r1: .*does not exist/);
    assert.match(warnings[2] ?? '', /keeping release r1: .*current is gone/);
  });
});
