// `npm run bench`: builds the benchmark release, starts the bench servers (compiled, in their own process),
// then measures page readiness (Chromium), server throughput against the peers (autocannon), how the
// server's cost grows with the form, build time and bytes on the wire; writes bench/results.json,
// bench/results.md, the growth plots (bench/plots/*.svg) and docs/bench.md's results section. Bounded:
// about a quarter of an hour on 2 cores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startBenchServers } from './bench-servers.js';
import { browserBench, BASELINE, everyWidgetRatio, type PageFigures } from './browser-bench.js';
import { serverBench, type ServerFigures } from './server-bench.js';
import { buildBench, coldBuild, noopRatio, type BuildFigures } from './build-bench.js';
import { wireBench, type WireFigures } from './wire-bench.js';
import { startDjango } from './django-server.js';
import { growthBench, type GrowthFigures } from './growth-bench.js';
import { linePlot } from './svg-plot.js';
import { goalSummary, table, writeBetweenMarkers } from './goal-summary.js';

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
let growth: GrowthFigures[] = [];
try {
  log(`» Page readiness in Chromium (median of ${RUNS} loads, fresh context each)`);
  pages = await browserBench(ports, [10, 50, 200, 500], RUNS, log);
  log(`» Server throughput (autocannon, 50 connections, median of 3 runs of ${SECONDS} s), with the peers`);
  const django = await startDjango().catch((err: Error) => (log(`  Django is left out: ${err.message}`), null));
  try {
    throughput = await serverBench(ports, { hand: `http://127.0.0.1:${ports.hand}`, django: django?.base ?? null }, (pages) => servers.setCeilingPages(pages), SECONDS, 3, log);
  } finally {
    django?.stop();
  }
  log('» Server CPU per request as the form grows (median of 3 runs)');
  growth = await growthBench(ports.source, () => servers.cpuMicros(), 3, log);
  log('» Build (median of 3 builds each)');
  builds = await buildBench(3, log);
  log(`» Bytes on the wire for the built demo's register page (median of ${RUNS} visits)`);
  wire = await wireBench(RUNS, log);
} finally {
  servers.stop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const date = new Date().toISOString().slice(0, 10);
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ date, machine, runs: RUNS, pages, servers: throughput, growth, builds, wire }, null, 2)}\n`);

// The growth plots: how each cost grows with the form, 10 to 500 fields.
const plots = path.join(root, 'bench/plots');
fs.mkdirSync(plots, { recursive: true });
const modeLine = (mode: string, value: (p: PageFigures) => number) => ({ name: mode, points: pages.filter((p) => p.mode === mode).map((p): [number, number] => [p.fields, value(p)]) });
const charted = ['parser, built', 'dijitize inline, built', 'dijitize form function, built', BASELINE];
fs.writeFileSync(path.join(plots, 'page-ready.svg'), linePlot({ title: 'Page ready in Chromium', xLabel: 'fields', yLabel: 'ms (median)', series: charted.map((m) => modeLine(m, (p) => p.readyMs)) }));
fs.writeFileSync(path.join(plots, 'bytes.svg'), linePlot({ title: 'Bytes on the wire, first visit', xLabel: 'fields', yLabel: 'KB (as sent)', series: charted.map((m) => modeLine(m, (p) => p.kilobytes)) }));
fs.writeFileSync(
  path.join(plots, 'server-cpu.svg'),
  linePlot({
    title: 'Server CPU per request',
    xLabel: 'fields',
    yLabel: 'microseconds (median)',
    series: [
      { name: 'GET (the blank form)', points: growth.map((g): [number, number] => [g.fields, g.getMicros]) },
      { name: 'POST refused (422, values and errors shown)', points: growth.map((g): [number, number] => [g.fields, g.failingPostMicros]) },
    ],
  }),
);

/** A goal as the tables say it: the bound, and "(missed)" when the figure is on the wrong side. */
const goal = (bound: string, met: boolean) => `${bound}${met ? '' : ' (missed)'}`;
const pageGoal = (p: PageFigures) => (p.mode.startsWith('dijitize') && p.mode.endsWith(', built') ? goal('<= 0.25', (p.ratioToBaseline ?? 1) <= 0.25) : '');
/** Every widget made, against the baseline's page ready, at 200 fields: goal <= 0.6. */
const allGoal = (p: PageFigures) => {
  const r = everyWidgetRatio(pages, p);
  if (p.fields !== 200 || !p.mode.startsWith('dijitize') || !p.mode.endsWith(', built') || r === undefined) return '';
  return `${r} ${goal('(<= 0.6)', r <= 0.6)}`;
};
const cold = coldBuild(builds);
const buildGoal = (b: BuildFigures) => {
  if (b.build.includes('nothing changed')) {
    const r = noopRatio(builds) ?? 1;
    return `${r} of a cold build ${goal('(<= 0.1)', r <= 0.1)}`;
  }
  return b === cold ? goal('<= 0.5 of dijit-all', (b.ratioToDijitAll ?? 1) <= 0.5) : '';
};
const wireGoal = (w: WireFigures) => (w.visit === 'first visit' ? goal('<= 100 KB', w.kilobytes <= 100) : '');
const markdown = [
  `Measured ${date} on ${machine}; \`npm run bench\` (medians; ratios are against a baseline measured in the same run).`,
  '',
  `**Page ready** (navigation -> the form started and usable; a dijitize form of over 40 widgets makes its off-screen ones after that, see below), Chromium, ratio against *${BASELINE}* (goal: dijitize built <= 0.25):`,
  '',
  table(['fields', 'mode', 'ready (ms)', 'ratio', 'goal', 'every widget made (ms)', 'made, ratio (goal at 200)', 'requests', 'KB (as sent)'], pages.map((p) => [p.fields, p.mode, p.readyMs, p.ratioToBaseline, pageGoal(p), p.allMs, allGoal(p), p.requests, p.kilobytes])),
  '',
  '![Page ready in Chromium by form size](../bench/plots/page-ready.svg)',
  '![Bytes on the wire by form size](../bench/plots/bytes.svg)',
  '',
  '**Server**, ratio of requests/s against the prebuilt-string ceiling of the same page (the 20-field form page, the page of three forms, the page in that locale):',
  '',
  table(['scenario', 'requests/s', 'p99 (ms)', 'ratio to the ceiling', 'against the peers and the limit (goal)'], throughput.map((s) => [s.scenario, s.requestsPerSecond, s.p99Ms, s.ratioToCeiling, (s.comparisons ?? []).map((c) => `${c.ratio} of ${c.to.split(':')[0]} (${goal(`>= ${c.goal}`, c.ratio >= c.goal)})`).join('; ')])),
  '',
  '**Growth of the server\'s cost**: CPU time of the server process per request (all its threads, so it does not depend on how much of the machine the client takes), and the page\'s HTML:',
  '',
  table(['fields', 'GET (us of CPU)', 'POST refused, 422 (us of CPU)', 'page HTML (KB)'], growth.map((g) => [g.fields, g.getMicros, g.failingPostMicros, Math.round(g.pageBytes / 102.4) / 10])),
  '',
  '![Server CPU per request by form size](../bench/plots/server-cpu.svg)',
  '',
  '**Build** of the demo, ratio of wall time against the dijit-all build:',
  '',
  table(['build', 'wall (s)', 'peak RSS (MB)', 'layer (KB)', 'layer gzip (KB)', 'ratio', 'goal'], builds.map((b) => [b.build, b.seconds, b.peakMB, b.layerKB, b.layerGzipKB, b.ratioToDijitAll, buildGoal(b)])),
  '',
  '**On the wire**: the built demo\'s `/register` in Chromium (bytes that crossed the network, headers included), ratio against the same visit refusing compression:',
  '',
  table(['visit', 'KB on the wire', 'requests (over the network)', 'ratio', 'goal'], wire.map((w) => [w.visit, w.kilobytes, `${w.requests} (${w.fromNetwork})`, w.ratioToUncompressed, wireGoal(w)])),
].join('\n');
fs.writeFileSync(path.join(root, 'bench/results.md'), `${markdown}\n`);

writeBetweenMarkers(root, 'docs/bench.md', 'bench', markdown, log);
writeBetweenMarkers(root, 'README.md', 'bench-goals', goalSummary({ date, machine, pages, servers: throughput, builds, wire }), log);
log('» Wrote bench/results.json and bench/results.md');
