// How the server's cost grows with the form: CPU time per GET and per failing POST of the bench app's
// forms of 10 to 500 fields (process.cpuUsage of the bench servers' process over autocannon runs, so the
// figure does not depend on how much of the machine the client takes). Medians of `runs` runs.
import autocannon from 'autocannon';
import { openForm } from '../test/form-session.js';
import { SIZES } from './bench-app.js';
import { formPost } from './server-bench.js';
import { median, round } from './stats.js';

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
  const perRequest = async (options: autocannon.Options) => {
    await autocannon({ ...options, connections: 20, duration: 1 }); // warm-up
    const costs = [];
    for (let i = 0; i < runs; i++) {
      const before = await cpuMicros();
      const result = await autocannon({ ...options, connections: 20, duration: 2 });
      costs.push(((await cpuMicros()) - before) / result.requests.total);
    }
    return round(median(costs), 0);
  };
  const figures: GrowthFigures[] = [];
  for (const fields of SIZES) {
    const session = await openForm(app, `/inline/${fields}`);
    const pageBytes = Buffer.byteLength(await (await fetch(`${app}/inline/${fields}`)).text());
    const getMicros = await perRequest({ url: `${app}/inline/${fields}` });
    const failingPostMicros = await perRequest({ ...formPost(app, session, 'f0=x'), url: `${app}/inline/${fields}` });
    figures.push({ fields, getMicros, failingPostMicros, pageBytes });
    log(`  ${fields} fields: GET ${getMicros} us, failing POST ${failingPostMicros} us of CPU; page ${round(pageBytes / 1024)} KB`);
  }
  return figures;
}
