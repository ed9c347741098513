// How the server's cost grows with the form: CPU time per GET and per failing POST of the bench app's
// forms of 10 to 500 fields (cpu-per-request.ts), and the page's size. Medians of `runs` runs.
import autocannon from 'autocannon';
import { openForm } from '../test/form-session.js';
import { SIZES } from './bench-app.js';
import { formPost } from './server-bench.js';
import { round } from './stats.js';
import { cpuPerRequest } from './cpu-per-request.js';

export interface GrowthFigures {
  fields: number;
  /** Microseconds of server CPU per GET of the form's page. */
  getMicros: number;
  /** Microseconds of server CPU per POST refused by validation (422, the page shown again with errors). */
  failingPostMicros: number;
  /** Bytes of the page's HTML as the app sends it (uncompressed). */
  pageBytes: number;
}

export async function growthBench(port: number, cpuMicros: () => Promise<number>, runs: number, log: (s: string) => void): Promise<GrowthFigures[]> {
  const app = `http://127.0.0.1:${port}`;
  const perRequest = (options: autocannon.Options) => cpuPerRequest(options, { cpuMicros, runs, seconds: 2, connections: 20 });
  const figures: GrowthFigures[] = [];
  for (const fields of SIZES) {
    const session = await openForm(app, `/inline/${fields}`);
    const pageBytes = Buffer.byteLength(await (await fetch(`${app}/inline/${fields}`)).text());
    const getMicros = await perRequest({ url: `${app}/inline/${fields}` });
    const failingPostMicros = await perRequest(formPost(app, session, 'f0=x', {}, fields));
    figures.push({ fields, getMicros, failingPostMicros, pageBytes });
    log(`  ${fields} fields: GET ${getMicros} us, failing POST ${failingPostMicros} us of CPU; page ${round(pageBytes / 1024)} KB`);
  }
  return figures;
}
