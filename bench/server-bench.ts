// Server throughput with autocannon on 127.0.0.1: a 20-field form page (GET), POSTs that fail and pass
// validation, and the same page without the compile cache, against two ceilings serving the same HTML
// (a prebuilt string, and a plain Nunjucks render). Median of RUNS runs each; ratios against the string.
import autocannon from 'autocannon';
import { openForm, tokenField } from '../test/form-session.js';
import { validBody } from './bench-forms.js';
import { median, ratio, round } from './stats.js';

export interface ServerFigures {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  ratioToCeiling?: number;
}

const CONNECTIONS = 50;


export async function serverBench(ports: { source: number; ceiling: number }, seconds: number, runs: number, log: (s: string) => void): Promise<ServerFigures[]> {
  const app = `http://127.0.0.1:${ports.source}`;
  const ceiling = `http://127.0.0.1:${ports.ceiling}`;
  const s = await openForm(app, '/inline/20');
  const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie };
  const scenarios: Array<[string, autocannon.Options]> = [
    ['ceiling: prebuilt string', { url: `${ceiling}/string` }],
    ['ceiling: plain Nunjucks render', { url: `${ceiling}/nunjucks` }],
    ['GET 20-field form page', { url: `${app}/inline/20` }],
    ['GET, no compile cache', { url: `${app}/uncached/20` }],
    ['POST failing validation (422)', { url: `${app}/inline/20`, method: 'POST', headers, body: `${tokenField(s)}f0=x` }],
    ['POST passing validation (303)', { url: `${app}/inline/20`, method: 'POST', headers, body: `${tokenField(s)}${validBody(20)}` }],
  ];
  const figures: ServerFigures[] = [];
  for (const [scenario, options] of scenarios) {
    await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await autocannon({ ...options, connections: CONNECTIONS, duration: seconds }));
    const bad = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx - (options.method === 'POST' ? r.non2xx : 0), 0);
    if (bad) throw new Error(`${scenario}: ${bad} errors or unexpected statuses`);
    const f = { scenario, requestsPerSecond: round(median(results.map((r) => r.requests.average)), 0), p99Ms: median(results.map((r) => r.latency.p99)) };
    figures.push(f);
    log(`  ${scenario}: ${f.requestsPerSecond} req/s, p99 ${f.p99Ms} ms`);
  }
  const top = figures[0]?.requestsPerSecond ?? 1;
  for (const f of figures) f.ratioToCeiling = ratio(f.requestsPerSecond, top);
  return figures;
}
