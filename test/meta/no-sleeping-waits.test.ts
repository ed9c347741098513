// The tests wait for the event, never for time (DEVELOPERS.md: "A test never waits by sleeping"): no test,
// spec or helper pauses for a number of milliseconds in the hope that something happened meanwhile. A
// timer that only gives up (raced against the event, or failing the test when it fires) is not a wait.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repo = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['test', 'e2e', 'test-installed', 'scaffold'];

/** Ways to sleep: Playwright's and selenium's pauses, a timer promise, and a promise a bare timer resolves. */
const SLEEPS: Array<[string, RegExp]> = [
  ['waitForTimeout', /\.waitForTimeout\(/],
  ['a driver\'s sleep', /\b(?:driver|browser)\.sleep\(/],
  ['the promises of node:timers', /['"](?:node:)?timers\/promises['"]/],
  ['a helper named sleep or delay', /\b(?:sleep|delay|pause)\s*\(\s*\d/],
  ['a promise resolved by a timer', /setTimeout\(\s*(?:resolve|r|done|res)\s*,\s*[1-9]/],
];

/** Every source file of the tests, outside installed packages and outputs. */
function testSources(folder: string): string[] {
  return fs.readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:[cm]?[jt]s)$/.test(file) && !/(?:^|\/)(?:node_modules|dist|\.[^/]+)\//.test(file))
    .map((file) => path.join(folder, file));
}

/** Where a file sleeps: `file:line what`, unless the line races the timer against the event (a deadline). */
function sleepsIn(file: string, source: string): string[] {
  return source.split('\n').flatMap((line, index) =>
    SLEEPS.filter(([, pattern]) => pattern.test(line) && !/Promise\.race\(/.test(line)).map(([what]) => `${file}:${index + 1} ${what}`),
  );
}

describe('the tests', () => {
  it('find sleeps where they are (the check itself works)', () => {
    // The samples are put together from their parts, so that no line of the repo is itself a sleeping wait
    // (a scan of test code, this one included, would rightly take such a line for one).
    const timer = (resolved: string, ms: string) => ['await new Promise((resolve) => set', `Timeout(${resolved}, ${ms}));`].join('');
    const sleeping = [['await page.waitFor', 'Timeout(2000);'].join(''), timer('resolve', '500'), ["import { setTimeout } from 'node:timers", "/promises';"].join('')];
    assert.deepEqual(sleepsIn('a.ts', sleeping.join('\n')), [
      'a.ts:1 waitForTimeout',
      'a.ts:2 a promise resolved by a timer',
      'a.ts:3 the promises of node:timers',
    ]);
    // A timer raced against the event is a deadline, not a wait.
    assert.deepEqual(sleepsIn('a.ts', `await Promise.race([ended, new Promise((resolve) => set${'Timeout'}(resolve, 60_000))]);`), []);
  });

  it('never wait by sleeping', () => {
    const files = FOLDERS.flatMap(testSources);
    assert.ok(files.length > 100, `${files.length} files`);
    assert.deepEqual(files.flatMap((file) => sleepsIn(file, fs.readFileSync(path.join(repo, file), 'utf8'))), []);
  });
});
