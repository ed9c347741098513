// README's summary of a bench run: each goal of issue 42 beside the run's figures, each a median with its
// spread over interleaved rounds, "met" only when the whole spread meets the goal; and whether the run
// agrees with the previous one (each figure's median within the other run's spread). `npm run bench`
// writes it between README's bench-goals markers.
import fs from 'node:fs';
import path from 'node:path';
import { JUDGED, type PageFigures } from './browser-bench.js';
import { coldBuild, noopRatio, type BuildFigures } from './build-bench.js';
import type { WireFigures } from './wire-bench.js';
import { DIJITIZE, DJANGO, HAND, LIMIT, REQUESTS, type PeerCpuFigures, type RequestKind } from './peer-cpu-bench.js';
import { agree, meetsAtLeast, meetsAtMost, shown, type Spread } from './stats.js';
import type { ServerFigures } from './server-bench.js';

export interface BenchResults {
  date: string;
  machine: string;
  rounds: number;
  /** Wall time of the measuring (after the compile that `npm run bench` does first), in minutes. */
  minutes: number;
  pages: PageFigures[];
  peers: PeerCpuFigures[];
  servers: ServerFigures[];
  builds: BuildFigures[];
  wire: WireFigures[];
}

/** One goal: its figures (each a spread, by label), the bound, and which side of it is met. */
export interface Goal {
  measure: string;
  figures: Array<{ label: string; value: Spread | undefined }>;
  bound: number;
  atMost: boolean;
  /** A figure measured once a run (the bench's own time) has no spread to agree within: not compared. */
  once?: true;
}

/** A Markdown table. */
export const table = (head: string[], rows: Array<Array<string | number | undefined>>): string =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => c ?? '').join(' | ')} |`)].join('\n');

/** Met only when every figure's whole spread is on the goal's side. */
export const met = (g: Goal): boolean => g.figures.every((f) => (g.atMost ? meetsAtMost(f.value, g.bound) : meetsAtLeast(f.value, g.bound)));
/** Page labels in the order the bench measures them. */
const pageLabels = (pages: readonly PageFigures[]) => [...new Set(pages.map((p) => p.page))];

/** The goals of issue 42 with this run's figures. */
export function goals({ pages, peers, builds, wire, minutes }: BenchResults): Goal[] {
  const page = (mode: string, label: string) => pages.find((p) => p.mode === mode && p.page === label);
  const ready = (mode: string): Goal['figures'] => pageLabels(pages).map((label) => ({ label, value: page(mode, label)?.ratioToBaseline }));
  const everyWidget = (label: string): Goal['figures'] => JUDGED.map((mode) => ({ label: mode.replace('dijitize ', '').replace(', built', ''), value: page(mode, label)?.everyWidgetRatio }));
  const against = (to: string): Goal['figures'] => (Object.keys(REQUESTS) as RequestKind[]).map((kind) => ({ label: REQUESTS[kind], value: peers.find((p) => p.request === kind && p.server === DIJITIZE)?.comparisons?.find((c) => c.to === to)?.ratio }));
  const firstVisit = wire.find((w) => w.visit === 'first visit');
  const single = (label: string, value: Spread | undefined): Goal['figures'] => [{ label, value }];
  return [
    { measure: 'Page ready, built, inline (of the Dojango way)', figures: ready(JUDGED[0] as string), bound: 0.25, atMost: true },
    { measure: 'Page ready, built, form function (of the Dojango way)', figures: ready(JUDGED[1] as string), bound: 0.25, atMost: true },
    { measure: 'Every widget made at 200 fields, inline / form function', figures: everyWidget('200 fields'), bound: 0.6, atMost: true },
    { measure: 'Every widget made at 1,000 fields, inline / form function', figures: everyWidget('1000 fields'), bound: 0.8, atMost: true },
    { measure: 'Server CPU per request, hand-written Express over dijitize: GET / refused / passing', figures: against(HAND), bound: 1, atMost: false },
    { measure: 'Server CPU per request, Django over dijitize: GET / refused / passing', figures: against(DJANGO), bound: 2, atMost: false },
    { measure: 'Server CPU per request, the limit row (prebuilt string + dojo() + CSRF token) over dijitize\'s GET', figures: against(LIMIT).slice(0, 1), bound: 0.75, atMost: false },
    { measure: 'Cold build, of the dijit-all build', figures: single('cold', coldBuild(builds)?.ratio), bound: 0.5, atMost: true },
    { measure: 'No-op build, of a cold one', figures: single('no-op', noopRatio(builds)), bound: 0.1, atMost: true },
    { measure: 'First visit of the built demo form (KB on the wire)', figures: single('first visit', firstVisit?.kilobytesSpread), bound: 100, atMost: true },
    { measure: '`npm run bench`, measuring (minutes)', figures: single('minutes', { median: minutes, min: minutes, max: minutes }), bound: 20, atMost: true, once: true },
  ];
}

/** Whether every figure of this run agrees with the same figure of `previous` (a goal neither run has is left out). */
function agreement(now: Goal, previous: Goal | undefined): string {
  if (!previous || now.once) return '–';
  const pairs = now.figures.map((f) => [f.value, previous.figures.find((p) => p.label === f.label)?.value] as const).filter((p): p is readonly [Spread, Spread] => !!p[0] && !!p[1]);
  if (!pairs.length) return '–';
  const agreeing = pairs.filter(([a, b]) => agree(a, b)).length;
  return agreeing === pairs.length ? 'agrees' : `${agreeing} of ${pairs.length} agree`;
}

/** Results of a run before issue 42's method (no spreads) cannot be compared. */
export const comparable = (results: unknown): results is BenchResults => {
  const r = results as Partial<BenchResults> | null;
  return !!r && Array.isArray(r.peers) && Array.isArray(r.pages) && typeof r.pages[0]?.readyMs === 'object';
};

export function goalSummary(results: BenchResults, previous: BenchResults | null = null): string {
  const before = previous ? goals(previous) : [];
  const rows = goals(results).map((g) => {
    const figures = g.figures.map((f) => (g.figures.length > 1 ? `${f.label}: ${shown(f.value)}` : shown(f.value))).join('<br>');
    return [g.measure, figures, `${g.atMost ? '<=' : '>='} ${g.bound}`, met(g) ? 'met' : 'missed', agreement(g, before.find((b) => b.measure === g.measure))];
  });
  return [
    `Measured ${results.date} on ${results.machine} by \`npm run bench\`: each figure is the median of ${results.rounds} interleaved rounds with its spread (min–max over the rounds) in brackets, a ratio against a baseline of the same round. A goal is met only when the whole spread meets it. The last column compares each figure with the run before (${previous ? previous.date : 'none'}): two runs agree when each median lies within the other's spread. Details, the JavaScript-off limit and what each missed goal comes from: [docs/bench.md](docs/bench.md).`,
    '',
    table(['measure', 'this run: median (spread)', 'goal', '', 'against the run before'], rows),
    '',
    '![Page ready in Chromium by form size](bench/plots/page-ready.svg)',
    '![The part of page ready that is ours, by form size](bench/plots/ours.svg)',
    '![Bytes on the wire by form size](bench/plots/bytes.svg)',
    '![Server CPU per request by form size](bench/plots/server-cpu.svg)',
  ].join('\n');
}

/** Puts `text` between `<!-- name:start -->` and `<!-- name:end -->` in a file, if it has them. */
export function writeBetweenMarkers(root: string, file: string, name: string, text: string, log: (s: string) => void): void {
  const full = path.join(root, file);
  const content = fs.readFileSync(full, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!content.includes(start) || !content.includes(end)) return;
  fs.writeFileSync(full, content.slice(0, content.indexOf(start) + start.length) + `\n${text}\n` + content.slice(content.indexOf(end)));
  log(`» ${file} updated`);
}
