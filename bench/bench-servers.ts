// Builds the benchmark release (the bench forms + dojo/parser for the built baseline) and starts the
// bench servers in their own process: the bench app from sources and from that release, and the ceilings.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../server/builder/build.js';
import { resolveBuildConfig } from '../server/builder/config.js';
import { memoryLogger } from '../test/builder/memory-logger.js';
import { demoBuildConfig } from '../demo/build-config.js';
import { benchForm } from './bench-forms.js';
import { SIZES } from './bench-app.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchServers {
  ports: { source: number; built: number; ceiling: number };
  /** The ceilings serve exactly these pages, by name (the app's own rendering of each). */
  setCeilingPages(pages: Record<string, string>): Promise<void>;
  stop(): void;
}

/** `minify: false` keeps the layer readable, for traces that name Dijit's functions. */
export async function startBenchServers(options: { minify?: false } = {}): Promise<BenchServers> {
  const releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-bench-'));
  const config = resolveBuildConfig({ ...demoBuildConfig, releaseDir, modules: ['dojo/parser'], themes: [], ...options }, root);
  await build(config, memoryLogger(), { forms: SIZES.map(benchForm) });
  const server = fork(path.join(root, 'bench/serve-bench.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_RELEASE_DIR: releaseDir } });
  const nextMessage = () => new Promise<unknown>((resolve) => server.once('message', resolve));
  const ports = (await nextMessage()) as BenchServers['ports'];
  return {
    ports,
    async setCeilingPages(pages) {
      server.send({ ceilingPages: pages });
      await nextMessage();
    },
    stop() {
      server.send('stop');
      fs.rmSync(releaseDir, { recursive: true, force: true });
    },
  };
}
