// Builds the benchmark release (the bench forms, and dojo/parser with dijit/form/Form for the built
// baseline: dijitize's forms no longer load Form) and starts the
// bench servers in their own process: the bench app from sources and from that release, and the ceilings.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../server/builder/build.js';
import { resolveBuildConfig } from '../server/builder/config.js';
import { memoryLogger } from '../test/builder/memory-logger.js';
import { demoBuildConfig } from '../demo/build-config.js';
import { benchForm, benchList } from './bench-forms.js';
import { SIZES } from './bench-app.js';
import { benchHere, root } from './bench-root.js';

export { root };

/**
 * Forks bench/serve-bench as this module runs: compiled (dist/bench/serve-bench.js, as `npm run bench`
 * runs it, the servers then being the compiled dist/ a user runs) or through tsx (the other bench scripts).
 */
export function forkServeBench(options: { env?: NodeJS.ProcessEnv; execArgv?: string[] } = {}): ChildProcess {
  const compiled = import.meta.url.endsWith('.js');
  return fork(path.join(benchHere, compiled ? 'serve-bench.js' : 'serve-bench.ts'), [], { execArgv: [...(compiled ? [] : ['--import', 'tsx']), ...(options.execArgv ?? [])], env: options.env ?? process.env });
}

export interface BenchServers {
  ports: { source: number; built: number; ceiling: number; pieces: number; hand: number };
  /** The ceilings serve exactly these pages, by name (the app's own rendering of each). */
  setCeilingPages(pages: Record<string, string>): Promise<void>;
  /** The bench servers' process's CPU time so far, in microseconds (all its threads). */
  cpuMicros(): Promise<number>;
  stop(): void;
}

/** `minify: false` keeps the layer readable, for traces that name Dijit's functions. */
export async function startBenchServers(options: { minify?: false } = {}): Promise<BenchServers> {
  const releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-bench-'));
  const config = resolveBuildConfig({ ...demoBuildConfig, releaseDir, modules: ['dojo/parser', 'dijit/form/Form'], themes: [], ...options }, root);
  await build(config, memoryLogger(), { forms: [...SIZES.map(benchForm), benchList()] });
  const server = forkServeBench({ env: { ...process.env, BENCH_RELEASE_DIR: releaseDir } });
  const nextMessage = () => new Promise<unknown>((resolve) => server.once('message', resolve));
  const ports = (await nextMessage()) as BenchServers['ports'];
  return {
    ports,
    async setCeilingPages(pages) {
      server.send({ ceilingPages: pages });
      await nextMessage();
    },
    async cpuMicros() {
      server.send('cpu');
      return (await nextMessage()) as number;
    },
    stop() {
      server.send('stop');
      fs.rmSync(releaseDir, { recursive: true, force: true });
    },
  };
}
