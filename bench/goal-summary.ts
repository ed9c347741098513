// README's summary of a bench run: each goal of issue 30 beside the run's figure ("met" or "missed"), and
// the plots. `npm run bench` writes it between README's bench-goals markers.
import fs from 'node:fs';
import path from 'node:path';
import { everyWidgetRatio, type PageFigures } from './browser-bench.js';
import type { ServerFigures } from './server-bench.js';
import { coldBuild, noopRatio, type BuildFigures } from './build-bench.js';
import type { WireFigures } from './wire-bench.js';

export interface BenchResults {
  date: string;
  machine: string;
  pages: PageFigures[];
  servers: ServerFigures[];
  builds: BuildFigures[];
  wire: WireFigures[];
}

/** A Markdown table. */
export const table = (head: string[], rows: Array<Array<string | number | undefined>>): string =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => c ?? '').join(' | ')} |`)].join('\n');

export function goalSummary({ date, machine, pages, servers: throughput, builds, wire }: BenchResults): string {
  const cold = coldBuild(builds);
  const noop = noopRatio(builds);
  const figure = (values: Array<number | undefined>) => values.map((v) => v ?? '–').join(' / ');
  const pageRatios = (mode: string) => [10, 50, 200, 500].map((n) => pages.find((p) => p.fields === n && p.mode === mode)?.ratioToBaseline);
  const againstRow = (peer: string) => ['GET 20-field form page', 'POST failing validation (422)', 'POST passing validation (303)'].map((scenario) =>
    throughput.find((t) => t.scenario === scenario)?.comparisons?.find((c) => c.to.startsWith(peer)));
  const goalRow = (measure: string, shown: string, bound: string, met: boolean) => [measure, shown, bound, met ? 'met' : 'missed'];
  const everyWidget = (mode: string) => {
    const p = pages.find((q) => q.fields === 200 && q.mode === mode);
    return p && everyWidgetRatio(pages, p);
  };
  const handRatios = againstRow('hand-written');
  const djangoRatios = againstRow('Django');
  const limitRatio = throughput.find((t) => t.scenario === 'GET 20-field form page')?.comparisons?.find((c) => c.to.startsWith('limit'))?.ratio;
  const firstVisit = wire.find((w) => w.visit === 'first visit')?.kilobytes;
  const allAtMost = (values: Array<number | undefined>, bound: number) => values.every((v) => v !== undefined && v <= bound);
  const allAtLeast = (values: Array<number | undefined>, bound: number) => values.every((v) => v !== undefined && v >= bound);
  const inline = pageRatios('dijitize inline, built');
  const formFunction = pageRatios('dijitize form function, built');
  const widgets = [everyWidget('dijitize inline, built'), everyWidget('dijitize form function, built')];
  return [
    `Measured ${date} on ${machine} by \`npm run bench\` (medians of one run; ratios against a baseline of the same run). Details, profiles and what each missed goal comes from: [docs/bench.md](docs/bench.md).`,
    '',
    table(['measure', 'this run', 'goal', ''], [
      goalRow('Page ready, built, inline, at 10 / 50 / 200 / 500 fields (of the Dojango way)', figure(inline), '<= 0.25', allAtMost(inline, 0.25)),
      goalRow('Page ready, built, form function, at 10 / 50 / 200 / 500 fields', figure(formFunction), '<= 0.25', allAtMost(formFunction, 0.25)),
      goalRow('Every widget made at 200 fields, inline / form function', figure(widgets), '<= 0.6', allAtMost(widgets, 0.6)),
      goalRow('Against hand-written Express: GET / refused POST / passing POST', figure(handRatios.map((c) => c?.ratio)), '>= 1.0', allAtLeast(handRatios.map((c) => c?.ratio), 1)),
      goalRow('Against Django: GET / refused POST / passing POST', figure(djangoRatios.map((c) => c?.ratio)), '>= 2', allAtLeast(djangoRatios.map((c) => c?.ratio), 2)),
      goalRow('GET against the limit row (prebuilt string + dojo() + CSRF token)', figure([limitRatio]), '>= 0.75', allAtLeast([limitRatio], 0.75)),
      goalRow('Cold build, of the dijit-all build', figure([cold?.ratioToDijitAll]), '<= 0.5', allAtMost([cold?.ratioToDijitAll], 0.5)),
      goalRow('No-op build, of a cold one', figure([noop]), '<= 0.1', allAtMost([noop], 0.1)),
      goalRow('First visit of the built demo form (KB on the wire)', figure([firstVisit]), '<= 100', allAtMost([firstVisit], 100)),
    ]),
    '',
    '![Page ready in Chromium by form size](bench/plots/page-ready.svg)',
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
