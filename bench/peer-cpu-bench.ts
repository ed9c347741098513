// dijitize against its peers as server CPU per request: the bench's 20-field form (GET, a POST refused by
// validation, a POST that passes) in dijitize, written by hand in Express (hand-written-app.ts), and as a
// Django form under gunicorn (django/benchsite.py), and the GET against the limit row (a prebuilt string
// with the same token work). Interleaved rounds: each round measures every server once per request kind,
// in an order that turns each round, so the machine's drift moves them together; each ratio is taken
// within its round and reported as the median with its spread. Requests per second are a second figure.
import autocannon from 'autocannon';
import { openForm } from '../test/form-session.js';
import { validBody } from './bench-forms.js';
import { formPost, sessionPost } from './server-bench.js';
import { djangoValidBody, openDjangoForm, type DjangoPeer } from './django-server.js';
import { cpuSample } from './cpu-per-request.js';
import { inTurn, spread, type Spread } from './stats.js';
import { treeCpuMicros } from './process-tree.js';

export const REQUESTS = { get: 'GET 20-field form page', refused: 'POST refused by validation (422)', passing: 'POST passing validation (303)' } as const;
export type RequestKind = keyof typeof REQUESTS;
export const DIJITIZE = 'dijitize';
export const HAND = 'hand-written Express';
export const DJANGO = 'Django + gunicorn';
export const LIMIT = 'limit: prebuilt string + dojo() + CSRF token';

/** A peer's (or the limit's) CPU per request over dijitize's in the same round: >= goal is met. */
export interface PeerComparison {
  to: string;
  goal: number;
  ratio: Spread;
}

export interface PeerCpuFigures {
  request: RequestKind;
  server: string;
  /** Microseconds of the server's CPU per request. */
  micros: Spread;
  requestsPerSecond: Spread;
  /** On dijitize's rows: each other server's cost over dijitize's, round by round. */
  comparisons?: PeerComparison[];
}

interface Contender {
  server: string;
  options: autocannon.Options;
  cpuMicros: () => Promise<number>;
  /** Against dijitize: the ratio aimed at. */
  goal?: number;
}

const CONNECTIONS = 20;
const EXPECTED: Record<RequestKind, '2xx' | '4xx' | '3xx'> = { get: '2xx', refused: '4xx', passing: '3xx' };

/** Every answer of the run had the kind's status class (gunicorn's closed connections are not answers). */
function checkStatuses(result: autocannon.Result, kind: RequestKind, server: string): void {
  const classes = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
  const wrong = classes.filter((c) => c !== EXPECTED[kind]).reduce((n, c) => n + result[c], 0);
  if (wrong || !result[EXPECTED[kind]]) throw new Error(`${server}, ${REQUESTS[kind]}: ${wrong} answers not ${EXPECTED[kind]}, ${result[EXPECTED[kind]]} that were`);
}

export async function peerCpuBench(
  ports: { source: number; pieces: number; hand: number },
  benchCpuMicros: () => Promise<number>,
  django: DjangoPeer | null,
  options: { rounds: number; seconds: number },
  log: (s: string) => void,
): Promise<PeerCpuFigures[]> {
  const app = `http://127.0.0.1:${ports.source}`;
  const hand = `http://127.0.0.1:${ports.hand}`;
  const s = await openForm(app, '/inline/20');
  const handSession = await openForm(hand, '/form');
  const handPost = (body: string) => sessionPost(`${hand}/form`, handSession, body);
  const djangoSession = django ? await openDjangoForm(django.base) : null;
  const djangoPost = (body: string): autocannon.Options => ({ url: `${django?.base}/form`, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: djangoSession?.cookie ?? '' }, body: `csrfmiddlewaretoken=${encodeURIComponent(djangoSession?.token ?? '')}&${body}` });
  const djangoCpu = async () => (django ? treeCpuMicros(django.pid) : 0);
  const contenders: Record<RequestKind, Contender[]> = {
    get: [
      { server: DIJITIZE, options: { url: `${app}/inline/20` }, cpuMicros: benchCpuMicros },
      { server: HAND, options: { url: `${hand}/form` }, cpuMicros: benchCpuMicros, goal: 1 },
      ...(django ? [{ server: DJANGO, options: { url: `${django.base}/form` }, cpuMicros: djangoCpu, goal: 2 }] : []),
      { server: LIMIT, options: { url: `http://127.0.0.1:${ports.pieces}/token` }, cpuMicros: benchCpuMicros, goal: 0.75 },
    ],
    refused: [
      { server: DIJITIZE, options: formPost(app, s, 'f0=x'), cpuMicros: benchCpuMicros },
      { server: HAND, options: handPost('f0=x'), cpuMicros: benchCpuMicros, goal: 1 },
      ...(django ? [{ server: DJANGO, options: djangoPost('f0=x'), cpuMicros: djangoCpu, goal: 2 }] : []),
    ],
    passing: [
      { server: DIJITIZE, options: formPost(app, s, validBody(20)), cpuMicros: benchCpuMicros },
      { server: HAND, options: handPost(validBody(20)), cpuMicros: benchCpuMicros, goal: 1 },
      ...(django ? [{ server: DJANGO, options: djangoPost(djangoValidBody(20)), cpuMicros: djangoCpu, goal: 2 }] : []),
    ],
  };
  const figures: PeerCpuFigures[] = [];
  for (const kind of Object.keys(REQUESTS) as RequestKind[]) {
    const these = contenders[kind];
    for (const c of these) await autocannon({ ...c.options, connections: CONNECTIONS, duration: 1 }); // warm-up
    const samples = new Map<string, Array<{ micros: number; perSecond: number }>>(these.map((c) => [c.server, []]));
    for (let r = 0; r < options.rounds; r++) {
      for (const c of inTurn(these, r)) {
        const sample = await cpuSample(c.options, { cpuMicros: c.cpuMicros, seconds: options.seconds, connections: CONNECTIONS });
        checkStatuses(sample.result, kind, c.server);
        samples.get(c.server)?.push(sample);
      }
    }
    const ours = samples.get(DIJITIZE) ?? [];
    for (const c of these) {
      const mine = samples.get(c.server) ?? [];
      figures.push({ request: kind, server: c.server, micros: spread(mine.map((m) => m.micros), 0), requestsPerSecond: spread(mine.map((m) => m.perSecond), 0) });
    }
    const row = figures.find((f) => f.request === kind && f.server === DIJITIZE) as PeerCpuFigures;
    row.comparisons = these
      .filter((c) => c.goal !== undefined)
      .map((c) => ({ to: c.server, goal: c.goal as number, ratio: spread((samples.get(c.server) ?? []).map((m, r) => m.micros / (ours[r]?.micros ?? NaN))) }));
    for (const f of figures.filter((g) => g.request === kind)) log(`  ${REQUESTS[kind]}, ${f.server}: ${f.micros.median} us of CPU (${f.micros.min}–${f.micros.max}), ${f.requestsPerSecond.median} req/s`);
    for (const cmp of row.comparisons) log(`    ${cmp.to} / dijitize: ${cmp.ratio.median} (${cmp.ratio.min}–${cmp.ratio.max}), goal >= ${cmp.goal}`);
  }
  return figures;
}
