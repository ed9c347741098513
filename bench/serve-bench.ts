// Runs the benchmark servers in their own process (forked by the benchmarks): the bench app from source
// modules, the same app from a built release, the ceilings, the page taken apart (pieces-app.ts), and the
// form written by hand (hand-written-app.ts).
// Reports their ports over IPC; answers 'cpu' with the process's CPU time so far (microseconds).
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { benchApp, ceilingApp } from './bench-app.js';
import { piecesApp } from './pieces-app.js';
import { handWrittenApp } from './hand-written-app.js';

const listen = (app: Express) =>
  new Promise<number>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const releaseDir = process.env['BENCH_RELEASE_DIR'] || null;
/** The pages the ceilings serve, by name. */
const ceilingPages = new Map<string, string>();
const ports = {
  source: await listen(benchApp()),
  built: releaseDir ? await listen(benchApp({ releaseDir })) : 0,
  ceiling: await listen(ceilingApp((page) => ceilingPages.get(page) ?? '')),
  pieces: await listen(piecesApp(() => ceilingPages.get('form') ?? '')),
  hand: await listen(handWrittenApp()),
};
process.send?.(ports);
process.on('message', (m: unknown) => {
  if (m === 'stop') process.exit(0);
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.(user + system);
    return;
  }
  // The ceilings serve exactly the pages the app renders (set once the app has rendered them).
  if (typeof m === 'object' && m && 'ceilingPages' in m) {
    for (const [page, html] of Object.entries(m.ceilingPages as Record<string, string>)) ceilingPages.set(page, html);
    process.send?.({ ceilingSet: true });
  }
});
