// `npm run bench:cost`: the server's CPU time per request (process.cpuUsage of the server process over an
// autocannon run, all its threads) for the ceiling, for the GET of the 20-field page taken apart piece by
// piece (pieces-app.ts), and for the bench's GET and POSTs. Unlike requests/s, it does not depend on how
// much of the 2 cores the client takes. Medians of RUNS runs.
import autocannon from 'autocannon';
import { openForm } from '../test/form-session.js';
import { validBody } from './bench-forms.js';
import { forkServeBench } from './bench-servers.js';
import { formPost } from './server-bench.js';
import { cpuPerRequest } from './cpu-per-request.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const server = forkServeBench();
const next = () => new Promise<unknown>((resolve) => server.once('message', resolve));
const ports = (await next()) as { source: number; ceiling: number; pieces: number };
const app = `http://127.0.0.1:${ports.source}`;
server.send({ ceilingPages: { form: await (await fetch(`${app}/inline/20`)).text() } });
await next();
const cpuMicros = async () => {
  server.send('cpu');
  return (await next()) as number;
};
const s = await openForm(app, '/inline/20');
const post = (body: string) => formPost(app, s, body);
const pieces = `http://127.0.0.1:${ports.pieces}`;
const scenarios: Array<[string, autocannon.Options]> = [
  ['ceiling: prebuilt string', { url: `http://127.0.0.1:${ports.ceiling}/string/form` }],
  ['+ dojo() middleware', { url: `${pieces}/middleware` }],
  ['+ CSRF token', { url: `${pieces}/token` }],
  ['+ the form (blank, made once)', { url: `${pieces}/form` }],
  ['+ head tag and page template', { url: `${pieces}/page` }],
  ['GET 20-field form page (bench)', { url: `${app}/inline/20` }],
  ['POST passing validation (303)', post(validBody(20))],
  ['POST failing validation (422)', post('f0=x')],
];
console.log(`CPU per request, median of ${RUNS} runs of 3 s (50 connections):`);
for (const [name, options] of scenarios) {
  const cost = await cpuPerRequest(options, { cpuMicros, runs: RUNS, seconds: 3, connections: 50 });
  console.log(`  ${name.padEnd(34)} ${cost} us`);
}
server.send('stop');
