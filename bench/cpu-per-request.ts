// The server's CPU time per request: the CPU time of the server's process (all its threads; for Django,
// gunicorn's whole process tree) over an autocannon run, so the figure does not depend on how much of the
// machine the client takes.
import autocannon from 'autocannon';
import { median, round } from './stats.js';

export interface CpuRuns {
  /** The server's CPU time so far, in microseconds. */
  cpuMicros: () => Promise<number>;
  runs: number;
  seconds: number;
  connections: number;
}

/** One run: the server's microseconds of CPU per request, the requests per second, and autocannon's result. */
export async function cpuSample(options: autocannon.Options, { cpuMicros, seconds, connections }: Omit<CpuRuns, 'runs'>): Promise<{ micros: number; perSecond: number; result: autocannon.Result }> {
  const before = await cpuMicros();
  const result = await autocannon({ ...options, connections, duration: seconds });
  const micros = ((await cpuMicros()) - before) / result.requests.total;
  return { micros, perSecond: result.requests.total / seconds, result };
}

/** The median over `runs` runs of the server's microseconds of CPU per request, after a warm-up run. */
export async function cpuPerRequest(options: autocannon.Options, { runs, ...run }: CpuRuns): Promise<number> {
  await autocannon({ ...options, connections: run.connections, duration: 1 }); // warm-up
  const costs = [];
  for (let i = 0; i < runs; i++) costs.push((await cpuSample(options, run)).micros);
  return round(median(costs), 0);
}
