// Linear time, measured against itself: the same work at n and at 8n, in the same process, as a ratio.
// No test states a duration in milliseconds (a slow or busy machine would fail it); a ratio holds on any
// machine. Linear code grows about 8x (less when a fixed cost dominates the small run), quadratic code
// about 64x, and a backtracking pattern far more, so the bound of 20 tells them apart with room for noise.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A collection before each sample, so that one sample does not pay for the garbage of the one before
// (a larger input leaves more of it, which made linear work look ~2x superlinear).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The growth a test accepts for 8x the input. */
export const LINEAR_BOUND = 20;
/** How many times larger the large input is than the small one. */
export const FACTOR = 8;
const RUNS = 7;
/** A sample's length (ms) that the batch of small runs aims at: a ratio's denominator, never a bound. */
const SAMPLE = 20;

/**
 * The fastest sample: a busy machine (another process on the core, a collection) only ever adds time to a
 * sample, so the fastest is the one it disturbed least. A median of five still took one busy stretch for
 * 40x growth of a parse that costs microseconds.
 */
const fastest = (values: number[]): number => Math.min(...values);

/**
 * How much longer `run(FACTOR)` takes than `run(1)`: the fastest of a few samples each, small and large
 * interleaved so that a passing load on the machine touches both. `run(scale)` does the work for `scale`
 * times the input.
 */
export async function growth(run: (scale: number) => unknown): Promise<number> {
  const timed = async (scale: number, times: number): Promise<number> => {
    collectGarbage();
    const started = performance.now();
    for (let i = 0; i < times; i++) await run(scale);
    return (performance.now() - started) / times;
  };
  // Warm up (compiled code and caches, for both sizes), and find how many small runs make a sample long
  // enough for the clock and the collector's pauses not to decide it.
  await timed(FACTOR, 1);
  const batch = Math.min(1000, Math.max(1, Math.ceil(SAMPLE / Math.max(await timed(1, 3), 0.001))));
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    small.push(await timed(1, batch));
    large.push(await timed(FACTOR, Math.max(1, Math.round(batch / FACTOR))));
  }
  return fastest(large) / fastest(small);
}

/** How many times the growth is measured at the most: the first below the bound passes. */
const ATTEMPTS = 3;

/**
 * Asserts that `run` grows near-linearly with its input (see `growth`), naming `what` if not. A busy
 * machine only ever inflates a ratio (one of its samples was slowed more than the other), never shrinks
 * it below the code's own growth: so a measurement below the bound is proof, and one above it is measured
 * again, up to ATTEMPTS times. Quadratic code is above the bound every time (~64x).
 */
export async function assertLinear(what: string, run: (scale: number) => unknown): Promise<void> {
  const ratios: number[] = [];
  while (ratios.length < ATTEMPTS) {
    const ratio = await growth(run);
    if (ratio < LINEAR_BOUND) return;
    ratios.push(ratio);
  }
  assert.fail(`${what}: ${FACTOR}x the input took ${ratios.map((r) => `${r.toFixed(1)}x`).join(', ')} the time in ${ATTEMPTS} measurements (linear: about ${FACTOR}x; bound ${LINEAR_BOUND}x)`);
}
