// Build time and memory: `dijitize build` of the demo (its forms' modules) against a build of the same
// app with dijit/dijit-all in the layer (a fixed profile, the way Dojango builds), and the demo's build
// again when nothing changed (no new release), in interleaved rounds. Wall time, peak RSS of the
// build's whole process tree (sampled every 20 ms from /proc), layer size raw and gzip.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readCurrentRelease } from '../server/serve/release-source.js';
import { median, round, spread, type Spread } from './stats.js';
import { treeRssKB } from './process-tree.js';

/** The cold build of the demo among a run's builds (the row other figures are measured against). */
export const coldBuild = (builds: readonly BuildFigures[]): BuildFigures | undefined => builds.find((b) => b.build === COLD);

/** The build of unchanged inputs against the cold one of the same round (its goal: <= 0.1). */
export const noopRatio = (builds: readonly BuildFigures[]): Spread | undefined => builds.find((b) => b.build === NOOP)?.ratio;

const COLD = "dijitize build (the forms' modules)";
const NOOP = 'dijitize build, nothing changed (no new release)';
const DIJIT_ALL = 'same app + dijit/dijit-all';

export interface BuildFigures {
  build: string;
  /** Wall time, median of the rounds. */
  seconds: number;
  peakMB: number;
  layerKB: number;
  layerGzipKB: number;
  /** Against the build it is judged by in the same round: the cold one against dijit-all, the no-op one against the cold one. */
  ratio?: Spread;
  /** What `ratio` is against. */
  ratioTo?: string;
}

function timedBuild(config: string, out: string, force: boolean): Promise<{ seconds: number; peakMB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/builder/cli.js', 'build', ...(force ? ['--force'] : []), '--config', config, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  let peak = 0;
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKB(child.pid as number))), 20);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`build with ${config} failed:\n${stderr}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 });
    }),
  );
}

/**
 * Interleaved rounds: in each, the demo's cold build, the no-op build over its release, and the dijit-all
 * build, so that each ratio is taken within its round.
 */
export async function buildBench(rounds: number, log: (s: string) => void): Promise<BuildFigures[]> {
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-bench-build-'));
  const all = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-bench-build-'));
  const times: Record<typeof COLD | typeof NOOP | typeof DIJIT_ALL, Array<Awaited<ReturnType<typeof timedBuild>>>> = { [COLD]: [], [NOOP]: [], [DIJIT_ALL]: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      times[COLD].push(await timedBuild('demo/dijitize.config.js', demo, true));
      times[NOOP].push(await timedBuild('demo/dijitize.config.js', demo, false));
      times[DIJIT_ALL].push(await timedBuild('bench/dijit-all.config.js', all, true));
    }
    const layer = (out: string, name: string) => {
      const release = readCurrentRelease(out);
      if (!release) throw new Error(`${name}: no release`);
      return fs.readFileSync(path.join(release.dir, release.manifest.dojo));
    };
    const row = (name: keyof typeof times, out: string, against?: keyof typeof times): BuildFigures => {
      const mine = times[name];
      const built = layer(out, name);
      return {
        build: name,
        seconds: round(median(mine.map((t) => t.seconds)), 2),
        peakMB: round(median(mine.map((t) => t.peakMB))),
        layerKB: round(built.length / 1024),
        layerGzipKB: round(zlib.gzipSync(built).length / 1024),
        ...(against ? { ratio: spread(mine.map((t, i) => t.seconds / (times[against][i]?.seconds ?? NaN))), ratioTo: against } : {}),
      };
    };
    const figures = [row(COLD, demo, DIJIT_ALL), row(NOOP, demo, COLD), row(DIJIT_ALL, all)];
    for (const f of figures) log(`  ${f.build}: ${f.seconds} s, peak ${f.peakMB} MB, layer ${f.layerKB} KB (${f.layerGzipKB} KB gzip)${f.ratio ? `, ${f.ratio.median} (${f.ratio.min}–${f.ratio.max}) of ${f.ratioTo}` : ''}`);
    return figures;
  } finally {
    fs.rmSync(demo, { recursive: true, force: true });
    fs.rmSync(all, { recursive: true, force: true });
  }
}
