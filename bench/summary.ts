// `npm run bench:summary`: README's goals table again from bench/results.json (the last `npm run bench`),
// for when README changed around it.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './bench-root.js';
import { comparable, goalSummary, writeBetweenMarkers } from './goal-summary.js';

const read = (file: string): unknown => (fs.existsSync(path.join(root, file)) ? JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) : null);
const results = read('bench/results.json');
const previous = read('bench/results-previous.json');
if (!comparable(results)) throw new Error('bench/results.json is from before the interleaved rounds: run npm run bench');
writeBetweenMarkers(root, 'README.md', 'bench-goals', goalSummary(results, comparable(previous) ? previous : null), console.log);
