// The bench's judgement of its goals: a figure is a median with its spread over interleaved rounds, a goal
// is met only when the whole spread meets it, and two runs agree when each median lies in the other's spread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agree, inTurn, meetsAtLeast, meetsAtMost, shown, spread } from '../../bench/stats.js';
import { comparable, goals, goalSummary, met, type BenchResults } from '../../bench/goal-summary.js';

test('a spread is the median and the lowest and highest round', () => {
  assert.deepEqual(spread([0.3, 0.1, 0.2, 0.5, 0.4]), { median: 0.3, min: 0.1, max: 0.5 });
  assert.equal(shown(spread([1, 2, 3])), '2 (1–3)');
});

test('each round takes its contenders one place further on, every one once', () => {
  assert.deepEqual([0, 1, 2, 3].map((r) => inTurn(['a', 'b', 'c'], r).join('')), ['abc', 'bca', 'cab', 'abc']);
});

test('a goal is met only when every round meets it, not the median alone', () => {
  assert.equal(meetsAtMost(spread([0.2, 0.21, 0.24]), 0.25), true);
  assert.equal(meetsAtMost(spread([0.2, 0.21, 0.26]), 0.25), false, 'one round above the bound');
  assert.equal(meetsAtLeast(spread([1.1, 1.2, 0.99]), 1), false);
  assert.equal(meetsAtLeast(undefined, 1), false, 'a figure not measured meets nothing');
});

test('two runs agree when each median lies within the other run\'s spread', () => {
  assert.equal(agree(spread([0.2, 0.22, 0.25]), spread([0.21, 0.23, 0.24])), true);
  assert.equal(agree(spread([0.6, 0.63, 0.7]), spread([1.1, 1.14, 1.2])), false, 'the week-apart figures of issue 42');
});

const round = (median: number, min = median, max = median) => ({ median, min, max });
const results = (ratio: number, spreadOfIt = 0.02): BenchResults => ({
  date: '2026-12-07',
  machine: 'test',
  rounds: 5,
  minutes: 15,
  pages: ['10 fields', '1000 fields', '200-row list'].flatMap((page) =>
    (['dijitize inline, built', 'dijitize form function, built'] as const).map((mode) => ({ mode, page, fields: 10, readyMs: round(100), allMs: round(100), requests: 5, kilobytes: 100, ratioToBaseline: round(ratio, Math.round((ratio - spreadOfIt) * 100) / 100, Math.round((ratio + spreadOfIt) * 100) / 100), everyWidgetRatio: round(0.5) })),
  ),
  peers: [],
  servers: [],
  builds: [],
  wire: [],
});

test('README\'s table says met or missed by the spread, and compares with the run before', () => {
  const page = (r: BenchResults) => goals(r).find((g) => g.measure.startsWith('Page ready, built, inline')) ?? assert.fail();
  assert.equal(met(page(results(0.2))), true);
  assert.equal(met(page(results(0.24, 0.02))), false, 'median 0.24 but a round at 0.26');
  assert.deepEqual(page(results(0.2)).figures.map((f) => f.label), ['10 fields', '1000 fields', '200-row list']);
  const table = goalSummary(results(0.2), results(0.21));
  assert.match(table, /\| Page ready, built, inline \(of the Dojango way\) \| 10 fields: 0\.2 \(0\.18–0\.22\)<br>.* \| <= 0\.25 \| met \| agrees \|/);
  assert.match(goalSummary(results(0.2), results(0.5)), /\| met \| 0 of 3 agree \|/);
  assert.match(table, /\| Server CPU per request, hand-written Express over dijitize.* \| >= 1 \| missed \|/, 'a goal without figures is missed, not met');
});

test('results from before the interleaved rounds are not compared', () => {
  assert.equal(comparable({ pages: [{ readyMs: 12 }], servers: [] }), false);
  assert.equal(comparable(results(0.2)), true);
  assert.equal(comparable(null), false);
});
