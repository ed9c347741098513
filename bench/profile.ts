// `npm run bench:profile [get|post-fail|post-pass] [fields]`: runs the bench server under `node --cpu-prof`
// while autocannon loads one scenario for 5 s on the bench form of that many fields (20 unless given), then
// prints the functions with the most self time, and dijitize's functions with the most total time (themselves and what they call). The .cpuprofile is kept in
// bench/profiles/ (open it in Chrome DevTools for the whole picture).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openForm } from '../test/form-session.js';
import { formPost } from './server-bench.js';
import { validBody } from './bench-forms.js';
import { forkServeBench } from './bench-servers.js';
import { SIZES } from './bench-app.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scenario = process.argv[2] ?? 'get';
const fields = Number(process.argv[3] ?? 20);
if (!SIZES.includes(fields as (typeof SIZES)[number])) throw new Error(`fields must be one of the bench's sizes: ${SIZES.join(', ')}`);
const dir = path.join(root, 'bench/profiles');
fs.mkdirSync(dir, { recursive: true });
const before = new Set(fs.readdirSync(dir));

const server = forkServeBench({ execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
const ports = await new Promise<{ source: number }>((resolve) => server.once('message', (m) => resolve(m as { source: number })));
const base = `http://127.0.0.1:${ports.source}`;
const session = await openForm(base, `/inline/${fields}`);
const options: autocannon.Options =
  scenario === 'post-fail' ? formPost(base, session, 'f0=x', {}, fields)
    : scenario === 'post-pass' ? formPost(base, session, validBody(fields), {}, fields)
    : { url: `${base}/inline/${fields}` };
const result = await autocannon({ ...options, connections: 50, duration: 5 });
server.send('stop');
await new Promise((resolve) => server.once('exit', resolve));

const file = fs.readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile was written');
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const keyOf = (frame: ProfileNode['callFrame']) => `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|server|bench)\//, '$1/')}:${frame.lineNumber + 1}`;
const self = new Map<string, number>();
/** Time in each of dijitize's functions and what they call, each counted once per sample. */
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  if (!frame) return;
  const delta = profile.timeDeltas[i] ?? 0;
  self.set(keyOf(frame), (self.get(keyOf(frame)) ?? 0) + delta);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const f = byId.get(at)?.callFrame;
    if (!f || !/\/server\//.test(f.url) || /node_modules/.test(f.url)) continue;
    const key = keyOf(f);
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    seen.add(key);
  }
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${scenario} (${fields} fields): ${Math.round(result.requests.average)} req/s; profile bench/profiles/${file}; top self time:`);
for (const [key, time] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
console.log("dijitize's functions, total time (with what they call):");
for (const [key, time] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
