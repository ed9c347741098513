// Real builds of the demo with dojo-util, and what happens when a build fails or is interrupted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { build } from '../../server/builder/build.js';
import { resolveBuildConfig } from '../../server/builder/config.js';
import { memoryLogger } from './memory-logger.js';
import { BuildLockedError, ReleaseTransaction } from '../../server/builder/release-transaction.js';
import { readCurrentRelease } from '../../server/serve/release-source.js';
import { demoBuildConfig } from '../../demo/build-config.js';
import '../../demo/forms.js';
import { treeHash } from './tree-hash.js';
import { eventually } from '../folder-events.js';

const root = path.resolve(import.meta.dirname, '../..');
const tempReleaseDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-release-'));
const configFor = (releaseDir: string, extra = {}) => resolveBuildConfig({ ...demoBuildConfig, releaseDir, ...extra }, root);
const leftovers = (dir: string) => fs.readdirSync(dir).filter((e) => e.startsWith('.tmp-') || e === '.lock');

/** A release dir with one built release; `assertUntouched` checks the served release byte for byte. */
async function withServedRelease() {
  const dir = tempReleaseDir();
  await build(configFor(dir), memoryLogger());
  const current = path.join(dir, 'current');
  const target = fs.readlinkSync(current);
  const hash = treeHash(current);
  const assertUntouched = () => {
    assert.equal(fs.readlinkSync(current), target);
    assert.equal(treeHash(current), hash);
  };
  return { dir, assertUntouched };
}

/** A one-module AMD package in a temporary folder, for builds that must fail. */
function appPackage(name: string, main: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `dijitize-${name}-`));
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, dojoBuild: 'p.profile.js' }));
  fs.writeFileSync(path.join(folder, 'p.profile.js'), 'var profile = { resourceTags: { amd: function(f){ return /main\\.js$/.test(f); } } };');
  fs.writeFileSync(path.join(folder, 'main.js'), main);
  return folder;
}

/**
 * Lifelines of the processes of a build: every node process started with `env` connects to a socket of
 * this test (fixtures/lifeline.cjs); `allEnded()` resolves once no connection is left open.
 */
async function lifelines() {
  const socketPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-lifeline-')), 'socket');
  const open = new Set<net.Socket>();
  let noneLeft = () => {};
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.resume();
    socket.on('close', () => {
      open.delete(socket);
      if (open.size === 0) noneLeft();
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  server.unref();
  return {
    env: { DIJITIZE_TEST_LIFELINE: socketPath, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${path.join(root, 'test/builder/fixtures/lifeline.cjs')}`.trim() },
    alive: () => open.size,
    allEnded: () => (open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (noneLeft = resolve))),
  };
}

/** Runs the CLI from sources in its own process group, so a test can kill it and its dojo build. */
async function startCli(releaseDir: string) {
  const lines = await lifelines();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/builder/cli.ts', 'build', '--force', '--config', 'test/builder/fixtures/demo.config.js', '--out', releaseDir], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', ...lines.env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, exited, alive: lines.alive, allEnded: lines.allEnded, output: () => output };
}

/** Pids of the processes whose command line mentions `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
    } catch {
      return false; // gone meanwhile
    }
  }).map(Number);
}

/** Resolves once the dojo build itself is running (its profile is written in the temporary folder). */
function whenDojoBuildRuns(releaseDir: string): Promise<void> {
  const running = () => fs.readdirSync(releaseDir).some((e) => e.startsWith('.tmp-') && fs.existsSync(path.join(releaseDir, e, 'release')));
  // generous: a loaded CI machine starts tsx and the build slowly
  return eventually(releaseDir, running, 'the dojo build started', { recursive: true, patienceMs: 60_000 });
}

describe('dijitize build (real dojo-util build of the demo)', { timeout: 900_000 }, () => {
  it('builds a minified boot layer with every form module, inlined theme CSS and a manifest, then switches to it', async () => {
    const dir = tempReleaseDir();
    const logger = memoryLogger();
    const summary = await build(configFor(dir), logger);
    const release = readCurrentRelease(dir);
    assert.ok(release);
    assert.equal(release.id, summary.id);
    assert.match(release.id, /^\d{8}-\d{6}-\d{3}-[0-9a-f]{12}-[0-9a-f]{8}$/);
    const layer = fs.readFileSync(path.join(release.dir, 'dojo/dojo.js'), 'utf8');
    for (const mid of ['dijit/form/ValidationTextBox', 'dijit/form/DateTextBox', 'dijit/form/MultiSelect', 'dijitize/forms', 'demo/home']) {
      assert.ok(layer.includes(`"${mid}"`), `${mid} is in the layer`);
    }
    assert.ok(layer.split('\n').length < 10, 'the layer is minified');
    // Compressed twins beside the text files, for the server to send.
    assert.equal(zlib.brotliDecompressSync(fs.readFileSync(path.join(release.dir, 'dojo/dojo.js.br'))).toString(), layer);
    assert.equal(zlib.gunzipSync(fs.readFileSync(path.join(release.dir, 'dojo/dojo.js.gz'))).toString(), layer);
    assert.ok(fs.existsSync(path.join(release.dir, 'dijit/themes/claro/claro.css.br')));
    assert.ok(summary.layerGzipBytes < summary.layerBytes / 2);
    const css = fs.readFileSync(path.join(release.dir, 'dijit/themes/claro/claro.css'), 'utf8');
    assert.ok(!css.includes('@import'), 'theme CSS is one file');
    // Only the rules of the layer's widgets: the demo has calendars, no trees or tabs.
    assert.ok(css.includes('.dijitCalendar') && css.includes('.dijitTextBox'));
    assert.ok(!css.includes('.dijitTreeNode') && !css.includes('.dijitTabContainer'), 'no rules for widgets the layer lacks');
    assert.ok(logger.lines.some((l) => /^claro: [\d.]+ KB -> [\d.]+ KB$/.test(l)), logger.lines.join('\n'));
    assert.ok(fs.existsSync(path.join(release.dir, 'dojo-themes/flat/flat.css')));
    assert.deepEqual(Object.keys(release.manifest.hashes).sort(), ['dijit/themes/claro/claro.css', 'dijitize/boot.js', 'dojo-themes/flat/flat.css', 'dojo/dojo.js']);
    assert.deepEqual(leftovers(dir), []);
    assert.ok(logger.lines.includes('phase: Running the Dojo build (layer minified with uglify-js)'));
  });

  it('a failing build leaves the served release byte-identical and removes its temporary folder', async () => {
    const { dir, assertUntouched } = await withServedRelease();
    // An app module that is not valid JavaScript makes dojo-util fail.
    const broken = appPackage('broken', 'define([], function(){ return {; });');
    await assert.rejects(build(configFor(dir, { packages: { ...demoBuildConfig.packages, broken }, modules: ['broken/main'] }), memoryLogger()), /the dojo build exited with code 1/);
    assertUntouched();
    assert.deepEqual(leftovers(dir), []);
  });

  it('a failing optimizer (uglify-js 2 on ES2015 syntax) leaves the release byte-identical; the next build succeeds', async () => {
    const { dir, assertUntouched } = await withServedRelease();
    const modern = appPackage('modern', 'define([], function(){ const twice = (a) => a * 2; return { twice: twice }; });');
    await assert.rejects(
      build(configFor(dir, { packages: { ...demoBuildConfig.packages, modern }, modules: ['modern/main'] }), memoryLogger()),
      /error\(356\) The optimizer threw an exception/,
    );
    assertUntouched();
    assert.deepEqual(leftovers(dir), []);
    const next = await build(configFor(dir), memoryLogger());
    assert.equal(readCurrentRelease(dir)?.id, next.id);
  });

  it('terser minifies a layer that holds ES2015 app code, which uglify-js 2 cannot read', async () => {
    const dir = tempReleaseDir();
    const modern = appPackage('modern', 'define([], function(){ const twice = (a) => a * 2; return { twice: twice }; });');
    const logger = memoryLogger();
    const summary = await build(configFor(dir, { minify: 'terser', packages: { ...demoBuildConfig.packages, modern }, modules: ['modern/main'] }), logger);
    const layer = fs.readFileSync(path.join(summary.dir, 'dojo/dojo.js'), 'utf8');
    const original = fs.readFileSync(path.join(summary.dir, 'dojo/dojo.uncompressed.js'), 'utf8');
    assert.ok(layer.includes('"modern/main"'));
    assert.ok(layer.length < original.length / 2, 'minified');
    assert.ok(logger.lines.includes('phase: Minifying the layer with terser'));
    assert.doesNotThrow(() => new Function(layer));
  });

  it('a lock stops a second build with a clear message; a stale lock is taken over', async () => {
    const dir = tempReleaseDir();
    const pidNamespace = fs.readlinkSync('/proc/self/ns/pid'); // a lock of this namespace is judged by its pid
    fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: process.ppid, pidNamespace, since: 'earlier' }));
    assert.throws(() => ReleaseTransaction.begin(dir), (err: unknown) => err instanceof BuildLockedError && /another build \(pid \d+, since earlier\) holds/.test(err.message));
    fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, pidNamespace, since: 'long ago' }));
    const t = ReleaseTransaction.begin(dir);
    t.rollback();
    assert.deepEqual(leftovers(dir), []);
  });

  it('--dry-run prints the generated profile and builds nothing', async () => {
    const dir = tempReleaseDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/builder/cli.ts', 'build', '--dry-run', '--config', 'test/builder/fixtures/demo.config.js', '--out', dir], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    const profile = new Function(`${out}; return profile;`)() as { layers: Record<string, { include: string[] }>; layerOptimize: string };
    assert.ok(profile.layers['dojo/dojo']?.include.includes('dijit/form/ValidationTextBox'));
    assert.equal(profile.layerOptimize, 'uglify');
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('keeps the newest releases and prunes older ones, never the current one', async () => {
    const dir = tempReleaseDir();
    const ids = [];
    // Each build bundles one more module, so that each makes a release (the same inputs would make none).
    const extra = [[], ['dojo/dom-class'], ['dojo/dom-class', 'dojo/dom-style']];
    for (const modules of extra) {
      ids.push((await build(configFor(dir, { keep: 2, modules: ['demo/home', ...modules] }), memoryLogger())).id);
    }
    const kept = fs.readdirSync(path.join(dir, 'releases')).sort();
    assert.deepEqual(kept, ids.slice(1).sort());
    assert.equal(readCurrentRelease(dir)?.id, ids[2]);
  });

  it('a build whose inputs did not change makes no new release; a changed file of an app package does', async () => {
    const dir = tempReleaseDir();
    const app = appPackage('noop', 'define([], function(){ return 1; });');
    const config = () => configFor(dir, { packages: { ...demoBuildConfig.packages, noop: app }, modules: ['demo/home', 'noop/main'] });
    const first = await build(config(), memoryLogger());
    assert.equal(first.reused, false);
    const again = await build(config(), memoryLogger());
    assert.equal(again.reused, true);
    assert.equal(again.id, first.id);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'releases')), [first.id]);
    assert.deepEqual(leftovers(dir), []);
    fs.writeFileSync(path.join(app, 'main.js'), 'define([], function(){ return 2; });');
    const changed = await build(config(), memoryLogger());
    assert.equal(changed.reused, false);
    assert.notEqual(changed.id, first.id);
    assert.equal(readCurrentRelease(dir)?.id, changed.id);
  });

  it('SIGTERM during the dojo build: exit 130, the served release untouched, no temporary folder left', async () => {
    const { dir, assertUntouched } = await withServedRelease();
    const cli = await startCli(dir);
    await whenDojoBuildRuns(dir);
    process.kill(cli.child.pid as number, 'SIGTERM');
    const { code } = await cli.exited;
    assert.equal(code, 130, cli.output());
    assert.match(cli.output(), /build interrupted; the served release is unchanged/);
    assertUntouched();
    assert.deepEqual(leftovers(dir), []);
  });

  it('SIGKILL of the CLI alone: its dojo build ends with it, instead of writing on into the abandoned folder', async () => {
    const { dir } = await withServedRelease();
    const cli = await startCli(dir);
    await whenDojoBuildRuns(dir);
    const building = () => processesMentioning(dir);
    assert.ok(building().length > 0, 'the dojo build runs in a child process');
    assert.ok(cli.alive() >= 2, 'the CLI and its dojo build hold their lifelines');
    process.kill(cli.child.pid as number, 'SIGKILL'); // only the CLI: its children are left to themselves
    await cli.exited;
    // The child ends as soon as its event loop sees the channel close; left to itself it ran on to the end
    // of the build and wrote its report. No clock decides: wait (generously) for every process of the build
    // to have ended, then check that it ended part way, before the build report dojo-util writes last.
    await Promise.race([cli.allEnded(), new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
    const orphans = building();
    for (const pid of orphans) process.kill(pid, 'SIGKILL');
    assert.deepEqual(orphans, [], 'dojo build processes still running a minute after the CLI was killed');
    const finished = fs.readdirSync(dir).filter((e) => e.startsWith('.tmp-') && fs.existsSync(path.join(dir, e, 'release', 'build-report.txt')));
    assert.deepEqual(finished, [], 'the orphaned dojo build ran on to its end');
  });

  it('SIGKILL part way: the served release stays byte-identical, and the next build succeeds and clears the leftovers', async () => {
    const { dir, assertUntouched } = await withServedRelease();
    const cli = await startCli(dir);
    await whenDojoBuildRuns(dir);
    process.kill(-(cli.child.pid as number), 'SIGKILL'); // the CLI and its dojo build, as a crash would
    const { signal } = await cli.exited;
    assert.equal(signal, 'SIGKILL');
    assertUntouched();
    assert.ok(leftovers(dir).length > 0, 'a killed build cannot clean up after itself');
    const next = await build(configFor(dir), memoryLogger());
    assert.equal(readCurrentRelease(dir)?.id, next.id);
    assert.deepEqual(leftovers(dir), []);
  });
});
