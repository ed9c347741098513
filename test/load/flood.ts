// Bounded flood test (part of npm run test:load): one client sends worst-case POSTs (a list flooded with
// rows, 100 KB to be escaped and echoed) on 4 connections for FLOOD_SECONDS (default 10), while a second
// client GETs the form page one request at a time. Passes when every GET is answered (200), and the GETs'
// median time during the flood is within FLOODED_BOUND times their median when idle, in the same run (a
// ratio, not a duration). A GET waits behind the POSTs already queued: 4 of them at ~10x an ordinary
// refused POST make ~50x here; before lists were bounded, ~150x each made ~1000x (0.5 to 1.6 s). The
// server runs in its own process. Stops by itself.
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { openForm, tokenField } from '../form-session.js';
import { WORST_BODIES } from '../bounds/worst-case-app.js';

const seconds = Number(process.env['FLOOD_SECONDS'] ?? 10);
/** How much slower a GET may be answered during the flood than when idle. */
const FLOODED_BOUND = 130; // here: 60-80x now, 209x on the code before lists were bounded
const here = path.dirname(new URL(import.meta.url).pathname);
const server = fork(path.join(here, '../bounds/worst-case-server.ts'), [], { execArgv: ['--import', 'tsx', '--no-warnings'], stdio: 'inherit' });
const port = await new Promise<number>((resolve) => server.once('message', (m: { port: number }) => resolve(m.port)));
const base = `http://127.0.0.1:${port}`;
const session = await openForm(base, '/');
const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie };
const flood: autocannon.Request[] = ['900 rows in a list with no .max()', '100 KB of < in an unbounded text', '100 KB of unencoded " in an unbounded text (6 bytes out each)'].map((name) => ({
  method: 'POST',
  path: '/',
  headers,
  body: tokenField(session) + (WORST_BODIES[name] as string),
}));

/** GETs one at a time until `until` says stop (at least `least` of them): their times and statuses. */
async function plainGets(least: number, until: () => boolean): Promise<{ times: number[]; statuses: number[] }> {
  const times: number[] = [];
  const statuses: number[] = [];
  while (times.length < least || !until()) {
    const started = performance.now();
    const res = await fetch(`${base}/`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    statuses.push(res.status);
  }
  return { times, statuses };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Infinity;

await plainGets(20, () => true); // warm up
const idle = await plainGets(40, () => true);
let flooding = true;
const floodRun = autocannon({ url: base, connections: 4, duration: seconds, requests: flood, timeout: 10 });
const during = plainGets(20, () => !flooding);
const result = await floodRun;
flooding = false;
const flooded = await during;
server.send('stop');

const ratio = median(flooded.times) / median(idle.times);
const codes = Object.keys((result as unknown as { statusCodeStats: Record<string, unknown> }).statusCodeStats ?? {});
const checks: Array<[string, boolean, string]> = [
  ['every plain GET during the flood answered 200', flooded.statuses.every((s) => s === 200), `${flooded.statuses.length} GETs`],
  [`a GET during the flood within ${FLOODED_BOUND}x its idle time (medians)`, ratio <= FLOODED_BOUND, `${ratio.toFixed(1)}x`],
  ['the flood got only refusals (422), never a 5xx', codes.every((c) => c === '422') && result.errors === 0, `codes ${codes.join(', ')}, ${result.errors} errors`],
];
console.log(`flood: ${result.requests.total} worst-case POSTs in ${seconds} s (${Math.round(result.requests.average)}/s), ${flooded.times.length} GETs meanwhile`);
for (const [name, ok, detail] of checks) console.log(`${ok ? 'ok' : 'FAILED'}: ${name} (${detail})`);
const failed = checks.filter((c) => !c[1]).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
