// A rolling deploy with pages open: the new release is shipped to every machine first (its folder beside
// the old one, which stays current there), then the processes restart one by one. Meanwhile two workers
// behind one address serve two releases: a page of either loads every file of its own release from
// either worker, and its form, posted to the other, is accepted. Real dojo-util builds of the demo.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../../server/builder/build.js';
import { resolveBuildConfig } from '../../server/builder/config.js';
import { readCurrentRelease } from '../../server/serve/release-source.js';
import { demoBuildConfig } from '../../demo/build-config.js';
import '../../demo/forms.js';
import { memoryLogger } from '../builder/memory-logger.js';
import { hidden, Jar, withCluster, type Answer } from './cluster-client.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The release files a page loads: its scripts and style sheets under /dojo/release/. */
const releaseFiles = (page: Answer): string[] => [...page.body.matchAll(/(?:src|href)="(\/dojo\/release\/[^"]+)"/g)].map((m) => m[1] as string);
const releaseOf = (page: Answer): string => /\/dojo\/release\/([^/"]+)\//.exec(page.body)?.[1] ?? '';

describe('a rolling deploy with pages open (two workers on two releases, one address)', { timeout: 300_000 }, () => {
  it('a page of either release loads its own files from either worker, and its form posted to the other is accepted', async () => {
    // The new release's folder, as `dijitize build` leaves it: the previous release kept beside the new one.
    const shipped = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-deploy-'));
    const config = resolveBuildConfig({ ...demoBuildConfig, releaseDir: shipped }, root);
    await build(config, memoryLogger());
    const previous = readCurrentRelease(shipped)?.id ?? '';
    await build(config, memoryLogger(), { force: true }); // the next release (its code changed, say)
    const next = readCurrentRelease(shipped)?.id ?? '';
    assert.ok(previous && next && previous !== next);
    // A machine not restarted yet: the new release shipped beside its own, which is still current there.
    const notYet = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-deploy-old-'));
    fs.symlinkSync(path.join(shipped, 'releases'), path.join(notYet, 'releases'));
    fs.symlinkSync(path.join('releases', previous), path.join(notYet, 'current'));
    try {
      await withCluster({ DIJITIZE_SECRETS: 'one key for both releases', RELEASE_DIRS: `${notYet},${shipped}` }, async (port) => {
        const jar = new Jar();
        // A page of each release (the workers take turns).
        const pages = new Map<string, Answer>();
        for (let i = 0; i < 20 && pages.size < 2; i++) {
          const page = await jar.send(port, 'GET', '/register');
          pages.set(releaseOf(page), page);
        }
        assert.deepEqual([...pages.keys()].sort(), [previous, next].sort());
        for (const [release, page] of pages) {
          const files = releaseFiles(page);
          assert.ok(files.length >= 2, `${release}: its loader and layer`);
          // Each file asked for until both workers have answered it: every answer 200.
          for (const file of files) {
            const workers = new Map<string, number>();
            for (let i = 0; i < 20 && workers.size < 2; i++) {
              const answer = await jar.send(port, 'GET', file);
              workers.set(answer.worker, answer.status);
            }
            assert.deepEqual([...workers.values()], [200, 200], `${file} from both workers`);
          }
          // Its form, posted until the other worker takes it: accepted.
          let posted: Answer | undefined;
          for (let i = 0; i < 20 && (!posted || posted.worker === page.worker); i++) {
            const name = `deploy${release.replace(/[^a-z0-9]/gi, '').slice(-8)}${i}`;
            posted = await jar.send(port, 'POST', '/register', `_csrf=${encodeURIComponent(hidden(page, '_csrf'))}&_fingerprint=${hidden(page, '_fingerprint')}&username=${name}&email=ada%40example.org&password=correct+horse&confirm=correct+horse`);
          }
          assert.notEqual(posted?.worker, page.worker);
          assert.equal(posted?.status, 303, `${release}: ${posted?.body.slice(0, 300)}`);
        }
      });
    } finally {
      fs.rmSync(shipped, { recursive: true, force: true });
      fs.rmSync(notYet, { recursive: true, force: true });
    }
  });
});
