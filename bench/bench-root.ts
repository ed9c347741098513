// The repository's folder, from bench/ run by tsx and from dist/bench/ compiled alike.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchHere = path.dirname(fileURLToPath(import.meta.url));
export const root = benchHere.includes(`${path.sep}dist${path.sep}`) ? path.resolve(benchHere, '../..') : path.resolve(benchHere, '..');
