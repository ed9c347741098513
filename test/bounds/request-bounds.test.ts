// The bound of one request's work (SECURITY.md): whatever a POST holds, the page it gets back is at most
// an ordinary refused page plus 6 bytes per byte sent (`"` is escaped as `&quot;`), and the server spends
// on it no more time per byte than on an ordinary refused POST, and at most 20 times its time in all
// (a flood of rows was 150 times, 100 KB echoed 27 times). Ratios in one run, medians; no durations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';
import { WORST_BODIES, worstCaseApp } from './worst-case-app.js';

const RUNS = 5;
/** Bytes out per byte in that escaping can make at the most. */
const OUT_PER_IN = 6;
/** The most time a worst-case POST takes, as a multiple of an ordinary refused one's. */
const TIMES_ORDINARY = 20;

describe('the work of one request is bounded by what it sends', () => {
  it('bytes out and time per byte in, for each worst-case POST against an ordinary refused one', async () => {
    await withServer(worstCaseApp(), async (base) => {
      const session = await openForm(base, '/');
      const measure = async (body: string) => {
        const sent = tokenField(session) + body;
        const times: number[] = [];
        let out = 0;
        for (let i = 0; i < RUNS + 1; i++) {
          const started = performance.now();
          const res = await session.post('/', sent);
          out = (await res.arrayBuffer()).byteLength;
          assert.equal(res.status, 422);
          if (i > 0) times.push(performance.now() - started); // the first warms up
        }
        const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
        return { in: Buffer.byteLength(sent), out, time: median, perByte: median / Buffer.byteLength(sent) };
      };
      const { 'an ordinary refused POST': ordinaryBody, ...worstBodies } = WORST_BODIES;
      for (const [name, body] of Object.entries(worstBodies)) {
        // Load on the machine only ever inflates a time ratio: one over its bound is measured again (up to
        // three times, against a fresh measure of the ordinary POST), and one within it is proof.
        const times: string[] = [];
        for (let attempt = 0; attempt < 3; attempt++) {
          const ordinary = await measure(ordinaryBody as string);
          const worst = await measure(body);
          assert.ok(worst.out <= ordinary.out + OUT_PER_IN * worst.in, `${name}: ${worst.out} bytes out for ${worst.in} in`);
          if (worst.perByte <= ordinary.perByte && worst.time <= TIMES_ORDINARY * ordinary.time) break;
          times.push(`${(worst.time / ordinary.time).toFixed(1)}x (${(worst.perByte / ordinary.perByte).toFixed(2)}x per byte)`);
        }
        assert.ok(times.length < 3, `${name}: ${times.join(', ')} the time of an ordinary refused POST (bounds: ${TIMES_ORDINARY}x, 1x per byte)`);
      }
    });
  });
});
