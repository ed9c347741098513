// Small statistics for the benchmarks: medians of repeated runs, ratios against a baseline, and the spread
// (min-max) of a figure over interleaved rounds.
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
export const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 100) / 100;
export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * `items` in round `round`'s order: each round starts one place further on, so that none is always measured
 * first (after a pause) or right after the same other.
 */
export const inTurn = <T>(items: readonly T[], round: number): T[] => items.map((_, i) => items[(i + round) % items.length] as T);

/** A figure over rounds: its median and the lowest and highest round. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The median and min-max of `values`, rounded to `digits`. */
export const spread = (values: number[], digits = 2): Spread => ({ median: round(median(values), digits), min: round(Math.min(...values), digits), max: round(Math.max(...values), digits) });

/** "0.21 (0.19-0.23)": a median with its spread, as the tables print it. */
export const shown = (s: Spread | undefined): string => (s ? `${s.median} (${s.min}–${s.max})` : '–');

/** A goal is met only when the whole spread meets it: every round, not the median alone. */
export const meetsAtMost = (s: Spread | undefined, bound: number): boolean => s !== undefined && s.max <= bound;
export const meetsAtLeast = (s: Spread | undefined, bound: number): boolean => s !== undefined && s.min >= bound;

/** Two runs agree on a figure when each one's median lies within the other's spread. */
export const agree = (a: Spread, b: Spread): boolean => a.median >= b.min && a.median <= b.max && b.median >= a.min && b.median <= a.max;
