// A process and its descendants, read from /proc: what the build's peak memory and Django's CPU time are
// summed over (gunicorn's master and its worker processes; the build's node and its Java optimizer).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** `pid` and every process below it, alive at the time of reading. */
export function processTree(pid: number): number[] {
  const found = [pid];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) found.push(...processTree(Number(child)));
    }
  } catch {
    // the process ended between two reads
  }
  return found;
}

/** Resident memory of the tree, in KB. */
export const treeRssKB = (pid: number): number =>
  processTree(pid).reduce((kb, p) => {
    try {
      return kb + Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return kb;
    }
  }, 0);

let ticksPerSecond: number | undefined;

/** CPU time (user + system) of the tree so far, in microseconds; /proc counts it in clock ticks. */
export function treeCpuMicros(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const ticks = processTree(pid).reduce((sum, p) => {
    try {
      // Fields 14 and 15 (utime, stime) after the command, which is in parentheses and may hold spaces.
      const fields = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return sum + Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
  return (ticks / ticksPerSecond) * 1e6;
}
