// Small statistics for the benchmarks: medians of repeated runs, and ratios against a baseline.
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
export const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 100) / 100;
export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
