// Build time and memory: `dijitize build` of the demo (its forms' modules) against a build of the same
// app with dijit/dijit-all in the layer (a fixed profile, the way Dojango builds), and the demo's build
// again when nothing changed (no new release: docs/bench.md's goal is <= 0.5 s). Wall time, peak RSS of the
// build's whole process tree (sampled every 20 ms from /proc), layer size raw and gzip.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readCurrentRelease } from '../server/serve/release-source.js';
import { median, ratio, round } from './stats.js';

/** The cold build of the demo among a run's builds (the row other figures are measured against). */
export const coldBuild = (builds: readonly BuildFigures[]): BuildFigures | undefined => builds.find((b) => b.build.startsWith('dijitize build ('));

/** The build of unchanged inputs against the cold one (its goal: <= 0.1). */
export function noopRatio(builds: readonly BuildFigures[]): number | undefined {
  const noop = builds.find((b) => b.build.includes('nothing changed'));
  const cold = coldBuild(builds);
  return noop && cold ? ratio(noop.seconds, cold.seconds) : undefined;
}

export interface BuildFigures {
  build: string;
  seconds: number;
  peakMB: number;
  layerKB: number;
  layerGzipKB: number;
  ratioToDijitAll?: number;
}

function treeRss(pid: number): number {
  let kb = 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) kb += treeRss(Number(child));
    }
  } catch {
    // the process ended between two reads
  }
  return kb;
}

function timedBuild(config: string, out: string, force: boolean): Promise<{ seconds: number; peakMB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/builder/cli.js', 'build', ...(force ? ['--force'] : []), '--config', config, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  let peak = 0;
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid as number))), 20);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`build with ${config} failed:\n${stderr}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 });
    }),
  );
}

export async function buildBench(runs: number, log: (s: string) => void): Promise<BuildFigures[]> {
  const figures: BuildFigures[] = [];
  const builds = [
    ['dijitize build (the forms\' modules)', 'demo/dijitize.config.js', true],
    ['dijitize build, nothing changed (no new release)', 'demo/dijitize.config.js', false],
    ['same app + dijit/dijit-all', 'bench/dijit-all.config.js', true],
  ] as const;
  for (const [name, config, force] of builds) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-bench-build-'));
    // A no-op build is measured over a release of the same inputs, made first.
    if (!force) await timedBuild(config, out, true);
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timedBuild(config, out, force));
    const release = readCurrentRelease(out);
    if (!release) throw new Error(`${name}: no release`);
    const layer = fs.readFileSync(path.join(release.dir, release.manifest.dojo));
    const f = {
      build: name,
      seconds: round(median(times.map((t) => t.seconds)), 2),
      peakMB: round(median(times.map((t) => t.peakMB))),
      layerKB: round(layer.length / 1024),
      layerGzipKB: round(zlib.gzipSync(layer).length / 1024),
    };
    figures.push(f);
    log(`  ${name}: ${f.seconds} s, peak ${f.peakMB} MB, layer ${f.layerKB} KB (${f.layerGzipKB} KB gzip)`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  const base = figures.find((f) => f.build.includes('dijit-all'));
  for (const f of figures) if (base) f.ratioToDijitAll = ratio(f.seconds, base.seconds);
  return figures;
}
