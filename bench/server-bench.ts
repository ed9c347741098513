// Server throughput with autocannon on 127.0.0.1: a 20-field form page (GET), POSTs that fail and pass
// validation, the same page without the compile cache, a page of several forms, and pages in each locale,
// each against ceilings that serve the same HTML (a prebuilt string, and a plain Nunjucks render), and the
// same three requests of the peers: the form written by hand in Express (hand-written-app.ts), and as a
// Django form under gunicorn (django/benchsite.py). Median of `runs` runs each; each ratio is against the
// prebuilt string of the same page, and the GET and POSTs against the peers' and the limit row's.
import autocannon from 'autocannon';
import { openForm, tokenField, type FormSession } from '../test/form-session.js';
import { validBody } from './bench-forms.js';
import { LOCALES } from './bench-app.js';
import { median, ratio, round } from './stats.js';
import { djangoValidBody, openDjangoForm } from './django-server.js';

/** A row measured against another row of the same run, and the ratio the product aims at there. */
export interface Comparison {
  to: string;
  ratio: number;
  goal: number;
}

export interface ServerFigures {
  scenario: string;
  requestsPerSecond: number;
  p99Ms: number;
  ratioToCeiling?: number;
  /** The ratio the product aims at, where it has one. */
  goal?: number;
  comparisons?: Comparison[];
}

/** The peers' servers: the hand-written Express app, and Django (null when it could not start). */
export interface Peers {
  hand: string;
  django: string | null;
}

const CONNECTIONS = 50;

/** A POST of the bench's form of `fields` fields as its page's session sends it (cookie and token), for autocannon. */
export const formPost = (app: string, session: FormSession, body: string, headers: Record<string, string> = {}, fields = 20): autocannon.Options => ({
  url: `${app}/inline/${fields}`,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie, ...headers },
  body: `${tokenField(session)}${body}`,
});

interface Scenario {
  scenario: string;
  options: autocannon.Options;
  /** The ceiling page this is measured against. */
  page: string;
  goal?: number;
  /** Other rows this one is compared with, and the ratio aimed at against each. */
  against?: Array<{ to: string; goal: number }>;
  /**
   * The server closes every connection (gunicorn's sync workers answer "Connection: close"): autocannon
   * counts each reconnect as an error, so only the statuses say whether requests failed.
   */
  closes?: true;
}

/** The rows of the peers, and of the limit: what a page with the same protection costs at best. */
const HAND = { get: 'hand-written Express: GET', fail: 'hand-written Express: POST failing (422)', pass: 'hand-written Express: POST passing (303)' };
const DJANGO = { get: 'Django + gunicorn: GET', fail: 'Django + gunicorn: POST failing (422)', pass: 'Django + gunicorn: POST passing (303)' };
const LIMIT = 'limit: prebuilt string + dojo() + CSRF token';

export async function serverBench(
  ports: { source: number; ceiling: number; pieces: number },
  peers: Peers,
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
  const hand = await openForm(peers.hand, '/form');
  const handPost = (body: string): autocannon.Options => ({ url: `${peers.hand}/form`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: hand.cookie }, body: `${tokenField(hand)}${body}` });
  const django = peers.django ? await openDjangoForm(peers.django) : null;
  const djangoPost = (body: string): autocannon.Options => ({ url: `${peers.django}/form`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: django?.cookie ?? '' }, body: `csrfmiddlewaretoken=${encodeURIComponent(django?.token ?? '')}&${body}` });
  const peerGoals = (kind: keyof typeof HAND) => [{ to: HAND[kind], goal: 1 }, ...(django ? [{ to: DJANGO[kind], goal: 2 }] : [])];
  const scenarios: Scenario[] = [
    ceilingOf('form', ''),
    { scenario: 'ceiling: plain Nunjucks render', options: { url: `${ceiling}/nunjucks/form` }, page: 'form' },
    { scenario: LIMIT, options: { url: `http://127.0.0.1:${ports.pieces}/token` }, page: 'form' },
    { scenario: HAND.get, options: { url: `${peers.hand}/form` }, page: 'form' },
    { scenario: HAND.fail, options: handPost('f0=x'), page: 'form' },
    { scenario: HAND.pass, options: handPost(validBody(20)), page: 'form' },
    ...(django
      ? [
          { scenario: DJANGO.get, options: { url: `${peers.django}/form` }, page: 'form', closes: true as const },
          { scenario: DJANGO.fail, options: djangoPost('f0=x'), page: 'form', closes: true as const },
          { scenario: DJANGO.pass, options: djangoPost(djangoValidBody(20)), page: 'form', closes: true as const },
        ]
      : []),
    { scenario: 'GET 20-field form page', options: { url: `${app}/inline/20` }, page: 'form', against: [...peerGoals('get'), { to: LIMIT, goal: 0.75 }] },
    { scenario: 'GET, no compile cache', options: { url: `${app}/uncached/20` }, page: 'form' },
    { scenario: 'POST failing validation (422)', options: post('f0=x'), page: 'form', against: peerGoals('fail') },
    { scenario: 'POST passing validation (303)', options: post(validBody(20)), page: 'form', against: peerGoals('pass') },
    ceilingOf('several', ', page of three forms'),
    { scenario: 'GET a page of three forms (10, 20, 50 fields)', options: { url: `${app}/several` }, page: 'several' },
    ...otherLocales.flatMap((l): Scenario[] => [
      ceilingOf(l, `, ${l} page`),
      { scenario: `GET 20-field form page, ${l}`, options: { url: `${app}/inline/20`, headers: { 'accept-language': l } }, page: l },
      { scenario: `POST failing validation (422), ${l}`, options: post('f0=x', l), page: l },
    ]),
  ];
  const figures: Array<ServerFigures & { page: string; against?: Scenario['against'] }> = [];
  for (const { scenario, options, page, goal, against, closes } of scenarios) {
    await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await autocannon({ ...options, connections: CONNECTIONS, duration: seconds }));
    const bad = results.reduce((n, r) => n + (closes ? 0 : r.errors) + r.timeouts + r.non2xx - (options.method === 'POST' ? r.non2xx : 0), 0);
    if (bad) throw new Error(`${scenario}: ${bad} errors or unexpected statuses`);
    const f = { scenario, page, requestsPerSecond: round(median(results.map((r) => r.requests.average)), 0), p99Ms: median(results.map((r) => r.latency.p99)), ...(goal ? { goal } : {}), ...(against ? { against } : {}) };
    figures.push(f);
    log(`  ${scenario}: ${f.requestsPerSecond} req/s, p99 ${f.p99Ms} ms`);
  }
  // Each against the prebuilt string of its page (the first scenario of that page), and the rows it names.
  const rateOf = (name: string) => figures.find((c) => c.scenario === name)?.requestsPerSecond ?? 1;
  return figures.map(({ page, against, ...f }) => ({
    ...f,
    ratioToCeiling: ratio(f.requestsPerSecond, figures.find((c) => c.page === page)?.requestsPerSecond ?? 1),
    ...(against ? { comparisons: against.map(({ to, goal }) => ({ to, goal, ratio: ratio(f.requestsPerSecond, rateOf(to)) })) } : {}),
  }));
}
