// Server throughput with autocannon on 127.0.0.1: a 20-field form page (GET), POSTs that fail and pass
// validation, the same page without the compile cache, a page of several forms, and pages in each locale,
// each against ceilings that serve the same HTML (a prebuilt string, and a plain Nunjucks render). Median
// of `runs` runs each; each ratio is against the prebuilt string of the same page. The peers and the limit
// row are measured as CPU per request in interleaved rounds (peer-cpu-bench.ts).
import autocannon from 'autocannon';
import { openForm, tokenField, type FormSession } from '../test/form-session.js';
import { validBody } from './bench-forms.js';
import { LOCALES } from './bench-app.js';
import { median, ratio, round } from './stats.js';

export interface ServerFigures {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  ratioToCeiling?: number;
}

const CONNECTIONS = 50;

/** A urlencoded POST to `url` as the session of the page that holds its form sends it (cookie and token), for autocannon. */
export const sessionPost = (url: string, session: FormSession, body: string, headers: Record<string, string> = {}): autocannon.Options => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie, ...headers },
  body: `${tokenField(session)}${body}`,
});

/** A POST of the bench's form of `fields` fields as its page's session sends it. */
export const formPost = (app: string, session: FormSession, body: string, headers: Record<string, string> = {}, fields = 20): autocannon.Options =>
  sessionPost(`${app}/inline/${fields}`, session, body, headers);

interface Scenario {
  scenario: string;
  options: autocannon.Options;
  /** The ceiling page this is measured against. */
  page: string;
}

export async function serverBench(
  ports: { source: number; ceiling: number },
  setCeilingPages: (pages: Record<string, string>) => Promise<void>,
  seconds: number,
  runs: number,
  log: (s: string) => void,
): Promise<ServerFigures[]> {
  const app = `http://127.0.0.1:${ports.source}`;
  const ceiling = `http://127.0.0.1:${ports.ceiling}`;
  const [, ...otherLocales] = LOCALES;
  // The pages as the app renders them, for the ceilings to serve.
  const pageHtml = async (path: string, locale = 'en-us') => (await fetch(`${app}${path}`, { headers: { 'accept-language': locale } })).text();
  await setCeilingPages({
    form: await pageHtml('/inline/20'),
    several: await pageHtml('/several'),
    ...Object.fromEntries(await Promise.all(otherLocales.map(async (l) => [l, await pageHtml('/inline/20', l)]))),
  });
  const s = await openForm(app, '/inline/20');
  const post = (body: string, locale = 'en-us') => formPost(app, s, body, { 'accept-language': locale });
  const ceilingOf = (page: string, what: string): Scenario => ({ scenario: `ceiling: prebuilt string${what}`, options: { url: `${ceiling}/string/${page}` }, page });
  const scenarios: Scenario[] = [
    ceilingOf('form', ''),
    { scenario: 'ceiling: plain Nunjucks render', options: { url: `${ceiling}/nunjucks/form` }, page: 'form' },
    { scenario: 'GET 20-field form page', options: { url: `${app}/inline/20` }, page: 'form' },
    { scenario: 'GET, no compile cache', options: { url: `${app}/uncached/20` }, page: 'form' },
    { scenario: 'POST failing validation (422)', options: post('f0=x'), page: 'form' },
    { scenario: 'POST passing validation (303)', options: post(validBody(20)), page: 'form' },
    ceilingOf('several', ', page of three forms'),
    { scenario: 'GET a page of three forms (10, 20, 50 fields)', options: { url: `${app}/several` }, page: 'several' },
    ...otherLocales.flatMap((l): Scenario[] => [
      ceilingOf(l, `, ${l} page`),
      { scenario: `GET 20-field form page, ${l}`, options: { url: `${app}/inline/20`, headers: { 'accept-language': l } }, page: l },
      { scenario: `POST failing validation (422), ${l}`, options: post('f0=x', l), page: l },
    ]),
  ];
  const figures: Array<ServerFigures & { page: string }> = [];
  for (const { scenario, options, page } of scenarios) {
    await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await autocannon({ ...options, connections: CONNECTIONS, duration: seconds }));
    const bad = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx - (options.method === 'POST' ? r.non2xx : 0), 0);
    if (bad) throw new Error(`${scenario}: ${bad} errors or unexpected statuses`);
    const f = { scenario, page, requestsPerSecond: round(median(results.map((r) => r.requests.average)), 0), p99Ms: median(results.map((r) => r.latency.p99)) };
    figures.push(f);
    log(`  ${scenario}: ${f.requestsPerSecond} req/s, p99 ${f.p99Ms} ms`);
  }
  // Each against the prebuilt string of its page (the first scenario of that page).
  return figures.map(({ page, ...f }) => ({ ...f, ratioToCeiling: ratio(f.requestsPerSecond, figures.find((c) => c.page === page)?.requestsPerSecond ?? 1) }));
}
