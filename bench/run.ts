// `npm run bench`: builds the benchmark release, starts the bench servers (compiled, in their own process),
// then measures, each in interleaved rounds (medians with their spread): page readiness in Chromium against
// the Dojango way and the same page with JavaScript off, server CPU per request against the peers, how the
// server's cost grows with the form, build time and bytes on the wire; throughput against the ceilings as a
// second figure. Writes bench/results.json (the run before it kept as bench/results-previous.json),
// bench/results.md, the plots (bench/plots/*.svg), docs/bench.md's results section and README's goals.
// Bounded: under 20 minutes on 2 cores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startBenchServers } from './bench-servers.js';
import { browserBench, BASELINE, JS_OFF, JUDGED, type BenchPage, type PageFigures } from './browser-bench.js';
import { serverBench, type ServerFigures } from './server-bench.js';
import { peerCpuBench, REQUESTS, type PeerCpuFigures } from './peer-cpu-bench.js';
import { buildBench, type BuildFigures } from './build-bench.js';
import { wireBench, type WireFigures } from './wire-bench.js';
import { startDjango } from './django-server.js';
import { growthBench, type GrowthFigures } from './growth-bench.js';
import { LIST_ROWS } from './bench-forms.js';
import { LIST_PAGE } from './bench-app.js';
import { linePlot } from './svg-plot.js';
import { comparable, goals, goalSummary, met, table, writeBetweenMarkers, type BenchResults } from './goal-summary.js';
import { round, shown } from './stats.js';

const ROUNDS = Math.max(5, Number(process.env['BENCH_ROUNDS'] ?? 5));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2);
const log = (s: string) => console.log(s);
const started = performance.now();

const PAGES: BenchPage[] = [
  ...[10, 50, 200, 500, 1000].map((n) => ({ path: String(n), label: `${n} fields`, fields: n })),
  { path: LIST_PAGE, label: `${LIST_ROWS}-row list`, fields: LIST_ROWS * 3, list: true },
];

log('» Building the benchmark release (bench forms + dojo/parser for the built baseline)');
const servers = await startBenchServers();
const { ports } = servers;

let pages: PageFigures[] = [];
let peers: PeerCpuFigures[] = [];
let throughput: ServerFigures[] = [];
let builds: BuildFigures[] = [];
let wire: WireFigures[] = [];
let growth: GrowthFigures[] = [];
try {
  log(`» Page readiness in Chromium (${ROUNDS} interleaved rounds of every mode, fresh context each)`);
  pages = await browserBench(ports, PAGES, ROUNDS, log);
  log(`» Server CPU per request against the peers (${ROUNDS} interleaved rounds of ${SECONDS} s each)`);
  const django = await startDjango().catch((err: Error) => (log(`  Django is left out: ${err.message}`), null));
  try {
    peers = await peerCpuBench(ports, () => servers.cpuMicros(), django, { rounds: ROUNDS, seconds: SECONDS }, log);
  } finally {
    django?.stop();
  }
  log(`» Server throughput against the ceilings (autocannon, 50 connections, median of 3 runs of ${SECONDS} s)`);
  throughput = await serverBench(ports, (pages) => servers.setCeilingPages(pages), SECONDS, 3, log);
  log('» Server CPU per request as the form grows (median of 3 runs)');
  growth = await growthBench(ports.source, () => servers.cpuMicros(), 3, log);
  log(`» Build (${ROUNDS} interleaved rounds)`);
  builds = await buildBench(ROUNDS, log);
  log(`» Bytes on the wire for the built demo's register page (${ROUNDS} visits)`);
  wire = await wireBench(ROUNDS, log);
} finally {
  servers.stop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const date = new Date().toISOString().slice(0, 10);
const minutes = round((performance.now() - started) / 60_000);
const resultsFile = path.join(root, 'bench/results.json');
const previousFile = path.join(root, 'bench/results-previous.json');
// The run before this one, for the agreement column: two runs on the same machine should agree.
const before: unknown = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : null;
const previous = comparable(before) ? before : null;
if (previous) fs.writeFileSync(previousFile, `${JSON.stringify(previous, null, 2)}\n`);
const results: BenchResults = { date, machine, rounds: ROUNDS, minutes, pages, peers, servers: throughput, builds, wire };
fs.writeFileSync(resultsFile, `${JSON.stringify({ ...results, growth }, null, 2)}\n`);

// The plots: how each cost grows with the form, 10 to 1,000 fields (the list page is in the tables).
const plots = path.join(root, 'bench/plots');
fs.mkdirSync(plots, { recursive: true });
const bySize = pages.filter((p) => !PAGES.find((q) => q.label === p.page)?.list);
const modeLine = (mode: string, value: (p: PageFigures) => number | undefined) => ({
  name: mode,
  points: bySize.filter((p) => p.mode === mode && value(p) !== undefined).map((p): [number, number] => [p.fields, value(p) as number]),
});
const charted = ['parser, built', ...JUDGED, BASELINE, JS_OFF];
fs.writeFileSync(path.join(plots, 'page-ready.svg'), linePlot({ title: 'Page ready in Chromium', xLabel: 'fields', yLabel: 'ms (median of the rounds)', series: charted.map((m) => modeLine(m, (p) => p.readyMs.median)) }));
fs.writeFileSync(
  path.join(plots, 'ours.svg'),
  linePlot({ title: 'The part of page ready that is ours (page ready minus the same page with JavaScript off)', xLabel: 'fields', yLabel: 'ms (median of the rounds)', series: JUDGED.map((m) => modeLine(m, (p) => p.oursMs?.median)) }),
);
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

const markdown = [
  `Measured ${date} on ${machine}; \`npm run bench\` took ${minutes} minutes of measuring. Each figure: the median of ${ROUNDS} interleaved rounds, with its spread (min–max over the rounds); each ratio is taken within its round.`,
  '',
  `**Page ready** (navigation -> the form started and usable; a dijitize form of over 40 widgets makes its off-screen ones after that), Chromium, ratio against *${BASELINE}* (goal: dijitize built <= 0.25 over the whole spread). *${JS_OFF}*: the load event of the same page with scripts off, what the browser alone takes; "ours" is page ready minus it, round by round.`,
  '',
  table(
    ['page', 'mode', 'ready (ms)', 'ratio', 'ours (ms)', 'every widget made (ms)', 'made, ratio', 'requests', 'KB (as sent)'],
    pages.map((p) => [p.page, p.mode, shown(p.readyMs), shown(p.ratioToBaseline), shown(p.oursMs), shown(p.allMs), shown(p.everyWidgetRatio), p.requests, p.kilobytes]),
  ),
  '',
  '![Page ready in Chromium by form size](../bench/plots/page-ready.svg)',
  '![The part of page ready that is ours](../bench/plots/ours.svg)',
  '![Bytes on the wire by form size](../bench/plots/bytes.svg)',
  '',
  `**Server CPU per request against the peers** (the 20-field form; the server's process, all its threads, gunicorn's master and workers for Django; ${SECONDS} s of autocannon, 20 connections, per server and round). Ratios are the other server's CPU per request over dijitize's in the same round: above 1, dijitize costs less.`,
  '',
  table(
    ['request', 'server', 'us of CPU per request', 'requests/s', 'other / dijitize (goal)'],
    peers.map((p) => [REQUESTS[p.request], p.server, shown(p.micros), shown(p.requestsPerSecond), (p.comparisons ?? []).map((c) => `${c.to}: ${shown(c.ratio)} (>= ${c.goal})`).join('<br>')]),
  ),
  '',
  `**Server throughput against the ceilings** (a second figure: requests/s under autocannon depend on how much of the 2 cores the client takes), ratio against the prebuilt string of the same page:`,
  '',
  table(['scenario', 'requests/s', 'p99 (ms)', 'ratio to the ceiling'], throughput.map((s) => [s.scenario, s.requestsPerSecond, s.p99Ms, s.ratioToCeiling])),
  '',
  "**Growth of the server's cost**: CPU time of the server process per request, and the page's HTML:",
  '',
  table(['fields', 'GET (us of CPU)', 'POST refused, 422 (us of CPU)', 'page HTML (KB)'], growth.map((g) => [g.fields, g.getMicros, g.failingPostMicros, Math.round(g.pageBytes / 102.4) / 10])),
  '',
  '![Server CPU per request by form size](../bench/plots/server-cpu.svg)',
  '',
  '**Build** of the demo (wall time, median of the rounds), each ratio against its own round:',
  '',
  table(['build', 'wall (s)', 'peak RSS (MB)', 'layer (KB)', 'layer gzip (KB)', 'ratio (spread)'], builds.map((b) => [b.build, b.seconds, b.peakMB, b.layerKB, b.layerGzipKB, b.ratio ? `${shown(b.ratio)} of ${b.ratioTo}` : ''])),
  '',
  "**On the wire**: the built demo's `/register` in Chromium (bytes that crossed the network, headers included), ratio against the same visit refusing compression:",
  '',
  table(['visit', 'KB on the wire', 'requests (over the network)', 'ratio'], wire.map((w) => [w.visit, shown(w.kilobytesSpread), `${w.requests} (${w.fromNetwork})`, w.ratioToUncompressed])),
  '',
  `Goals missed in this run (README lists each with its figures): ${goals(results).filter((g) => !met(g)).map((g) => g.measure).join('; ') || 'none'}.`,
].join('\n');
fs.writeFileSync(path.join(root, 'bench/results.md'), `${markdown}\n`);

writeBetweenMarkers(root, 'docs/bench.md', 'bench', markdown, log);
writeBetweenMarkers(root, 'README.md', 'bench-goals', goalSummary(results, previous), log);
log(`» Wrote bench/results.json and bench/results.md (${minutes} minutes of measuring)`);
