// `npm run bench:summary`: README's goals table again from bench/results.json (the last `npm run bench`),
// for when README changed around it.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './bench-root.js';
import { goalSummary, writeBetweenMarkers, type BenchResults } from './goal-summary.js';

const results = JSON.parse(fs.readFileSync(path.join(root, 'bench/results.json'), 'utf8')) as BenchResults;
writeBetweenMarkers(root, 'README.md', 'bench-goals', goalSummary(results), console.log);
