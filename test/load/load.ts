// Bounded load test (npm run test:load): 100 connections for LOAD_SECONDS (default 30) against the demo
// on 127.0.0.1, GETs and valid POSTs of the register form, while 4 more connections send hostile requests.
// Passes when the valid stream has no errors and only 2xx/3xx answers, and the heap after a forced GC is
// within 10% of what it was before. Stops by itself.
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { openForm, tokenField } from '../form-session.js';

const seconds = Number(process.env['LOAD_SECONDS'] ?? 30);
const here = path.dirname(new URL(import.meta.url).pathname);
const server = fork(path.join(here, 'server.ts'), [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: 'inherit' });
const ask = <T>(message: string | null, key: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: Record<string, T>) => {
      if (key in m) {
        server.off('message', on);
        resolve(m[key] as T);
      }
    };
    server.on('message', on);
    if (message) server.send(message);
  });

const port = await ask<number>(null, 'port');
const base = `http://127.0.0.1:${port}`;
const session = await openForm(base, '/register');
const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie };
const valid = `${tokenField(session)}username=ada&email=ada%40example.org&password=correct+horse&confirm=correct+horse`;

const mainRequests: autocannon.Request[] = [
  { method: 'GET', path: '/register' },
  { method: 'POST', path: '/register', headers, body: valid },
  { method: 'GET', path: '/timecard' },
];
const hostileRequests: autocannon.Request[] = [
  { method: 'POST', path: '/register', headers, body: 'x'.repeat(150_000) },
  { method: 'POST', path: '/register', headers, body: `${tokenField(session)}${'a=1&'.repeat(1500)}` },
  { method: 'POST', path: '/register', headers, body: 'username=ada&_csrf=forged' },
  { method: 'POST', path: '/register', headers, body: `${tokenField(session)}username=%FF%FE&username=x&__proto__=1` },
  { method: 'POST', path: '/register', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded; charset=latin1' }, body: valid },
];

const run = (connections: number, duration: number, requests: autocannon.Request[]) =>
  autocannon({ url: base, connections, duration, requests, timeout: 10 });

// Warm-up with both streams, so templates, caches and the error paths are compiled before the heap is measured.
await Promise.all([run(20, 3, mainRequests), run(4, 3, hostileRequests)]);
const heapBefore = await ask<number>('heap', 'heap');
const [main, hostile] = await Promise.all([run(100, seconds, mainRequests), run(4, seconds, hostileRequests)]);
// Measured once the server has no connection left (it answers when the last socket closes).
const heapAfter = await ask<number>('heap', 'heap');
server.send('stop');

const codes = (r: autocannon.Result) => Object.keys((r as unknown as { statusCodeStats: Record<string, unknown> }).statusCodeStats ?? {});
const checks: Array<[string, boolean, string]> = [
  ['valid requests: no errors or timeouts', main.errors === 0 && main.timeouts === 0, `${main.errors} errors, ${main.timeouts} timeouts`],
  ['valid requests: only 2xx/3xx answers', codes(main).every((c) => /^[23]/.test(c)), `codes ${codes(main).join(', ')}`],
  ['hostile requests: only 4xx answers, never 5xx', codes(hostile).every((c) => /^4/.test(c)) && hostile.errors === 0, `codes ${codes(hostile).join(', ')}`],
  ['heap after a forced GC within 10% of before', heapAfter <= heapBefore * 1.1, `${(heapBefore / 1e6).toFixed(1)} MB -> ${(heapAfter / 1e6).toFixed(1)} MB`],
];
console.log(`load: ${main.requests.total} valid requests (${Math.round(main.requests.average)}/s, p99 ${main.latency.p99} ms), ${hostile.requests.total} hostile, ${seconds} s`);
for (const [name, ok, detail] of checks) console.log(`${ok ? 'ok' : 'FAILED'}: ${name} (${detail})`);
const failed = checks.filter((c) => !c[1]).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
