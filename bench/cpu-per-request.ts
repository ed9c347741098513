// The server's CPU time per request: process.cpuUsage of the bench servers' process (all its threads)
// over autocannon runs, so the figure does not depend on how much of the machine the client takes.
import autocannon from 'autocannon';
import { median, round } from './stats.js';

export interface CpuRuns {
  /** The bench servers' process's CPU time so far, in microseconds. */
  cpuMicros: () => Promise<number>;
  runs: number;
  seconds: number;
  connections: number;
}

/** The median over `runs` runs of the server's microseconds of CPU per request, after a warm-up run. */
export async function cpuPerRequest(options: autocannon.Options, { cpuMicros, runs, seconds, connections }: CpuRuns): Promise<number> {
  await autocannon({ ...options, connections, duration: 1 }); // warm-up
  const costs = [];
  for (let i = 0; i < runs; i++) {
    const before = await cpuMicros();
    const result = await autocannon({ ...options, connections, duration: seconds });
    costs.push(((await cpuMicros()) - before) / result.requests.total);
  }
  return round(median(costs), 0);
}
