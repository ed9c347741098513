import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dojo } from '../server/index.js';
import { createReleaseSource } from '../server/release-source.js';
import { manifestText, releaseDirWith } from './release-fixture.js';

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
});
