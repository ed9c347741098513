// `npm run bench`: builds the benchmark release, starts the bench servers in their own process, then
// measures page readiness (Chromium), server throughput (autocannon) and build time, and writes
// bench/results.json, bench/results.md and docs/bench.md's results section. Bounded: a few minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startBenchServers } from './bench-servers.js';
import { browserBench, BASELINE, type PageFigures } from './browser-bench.js';
import { serverBench, type ServerFigures } from './server-bench.js';
import { buildBench, type BuildFigures } from './build-bench.js';
import { wireBench, type WireFigures } from './wire-bench.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const log = (s: string) => console.log(s);

log('» Building the benchmark release (bench forms + dojo/parser for the built baseline)');
const servers = await startBenchServers();
const { ports } = servers;

let pages: PageFigures[] = [];
let throughput: ServerFigures[] = [];
let builds: BuildFigures[] = [];
let wire: WireFigures[] = [];
try {
  log(`» Page readiness in Chromium (median of ${RUNS} loads, fresh context each)`);
  pages = await browserBench(ports, [10, 50, 200], RUNS, log);
  log(`» Server throughput (autocannon, 50 connections, median of 3 runs of ${SECONDS} s)`);
  throughput = await serverBench(ports, (pages) => servers.setCeilingPages(pages), SECONDS, 3, log);
  log('» Build (median of 3 builds each)');
  builds = await buildBench(3, log);
  log(`» Bytes on the wire for the built demo's register page (median of ${RUNS} visits)`);
  wire = await wireBench(RUNS, log);
} finally {
  servers.stop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const date = new Date().toISOString().slice(0, 10);
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ date, machine, runs: RUNS, pages, servers: throughput, builds, wire }, null, 2)}\n`);

/** A goal as the tables say it: the bound, and "(missed)" when the figure is on the wrong side. */
const goal = (bound: string, met: boolean) => `${bound}${met ? '' : ' (missed)'}`;
const pageGoal = (p: PageFigures) => (p.mode.startsWith('dijitize') && p.mode.endsWith(', built') ? goal('<= 0.25', (p.ratioToBaseline ?? 1) <= 0.25) : '');
const buildGoal = (b: BuildFigures) => (b.build.includes('nothing changed') ? goal('<= 0.5 s', b.seconds <= 0.5) : '');
const table = (head: string[], rows: Array<Array<string | number | undefined>>) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => c ?? '').join(' | ')} |`)].join('\n');
const markdown = [
  `Measured ${date} on ${machine}; \`npm run bench\` (medians; ratios are against a baseline measured in the same run).`,
  '',
  `**Page ready** (navigation -> the form started and usable; a dijitize form of over 40 widgets makes its off-screen ones after that, see below), Chromium, ratio against *${BASELINE}* (goal: dijitize built <= 0.25):`,
  '',
  table(['fields', 'mode', 'ready (ms)', 'ratio', 'goal', 'every widget made (ms)', 'requests', 'KB (as sent)'], pages.map((p) => [p.fields, p.mode, p.readyMs, p.ratioToBaseline, pageGoal(p), p.allMs, p.requests, p.kilobytes])),
  '',
  '**Server**, ratio of requests/s against the prebuilt-string ceiling of the same page (the 20-field form page, the page of three forms, the page in that locale):',
  '',
  table(['scenario', 'requests/s', 'p99 (ms)', 'ratio', 'goal'], throughput.map((s) => [s.scenario, s.requestsPerSecond, s.p99Ms, s.ratioToCeiling, s.goal === undefined ? '' : `>= ${s.goal}${(s.ratioToCeiling ?? 0) >= s.goal ? '' : ' (missed)'}`])),
  '',
  '**Build** of the demo, ratio of wall time against the dijit-all build:',
  '',
  table(['build', 'wall (s)', 'peak RSS (MB)', 'layer (KB)', 'layer gzip (KB)', 'ratio', 'goal'], builds.map((b) => [b.build, b.seconds, b.peakMB, b.layerKB, b.layerGzipKB, b.ratioToDijitAll, buildGoal(b)])),
  '',
  '**On the wire**: the built demo\'s `/register` in Chromium (bytes that crossed the network, headers included), ratio against the same visit refusing compression:',
  '',
  table(['visit', 'KB on the wire', 'requests (over the network)', 'ratio'], wire.map((w) => [w.visit, w.kilobytes, `${w.requests} (${w.fromNetwork})`, w.ratioToUncompressed])),
].join('\n');
fs.writeFileSync(path.join(root, 'bench/results.md'), `${markdown}\n`);

const readmePath = path.join(root, 'docs/bench.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (readme.includes(start) && readme.includes(end)) {
  fs.writeFileSync(readmePath, readme.slice(0, readme.indexOf(start) + start.length) + `\n${markdown}\n` + readme.slice(readme.indexOf(end)));
  log('» docs/bench.md results updated');
}
log('» Wrote bench/results.json and bench/results.md');
