// `npm run bench:trace [fields]`: where a built page's time goes. Loads the bench form of `fields` fields
// (default 200) from an unminified build, in dijitize's inline mode and as parser markup, under a Chromium
// trace, and prints medians of: ready time, script time, style and layout time, the number of layouts,
// and the functions that forced a synchronous layout. Found that Dijit's select widgets forced one layout
// each by reading <option> innerText (see docs/bench.md).
import { launchBenchChromium } from './bench-chromium.js';
import { startBenchServers } from './bench-servers.js';
import { median, round } from './stats.js';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { beginData?: { stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }> } };
}

const fields = Number(process.argv[2] ?? 200);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];

const servers = await startBenchServers({ minify: false });
const browser = await launchBenchChromium();
try {
  for (const mode of ['inline', 'parser']) {
    const url = `http://127.0.0.1:${servers.ports.built}/${mode}/${fields}`;
    const runs: Array<Record<string, number>> = [];
    const forcers = new Map<string, number>();
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { polling: 50 });
      const ready = await page.evaluate(() => (window as unknown as { __benchReady: number }).__benchReady);
      const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      await context.close();
      if (i === 0) continue; // the first load warms the server and the OS caches
      const total = (...names: string[]) => events.filter((e) => e.ph === 'X' && names.includes(e.name)).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
      const layouts = events.filter((e) => e.ph === 'X' && e.name === 'Layout');
      for (const e of layouts) {
        const top = e.args?.beginData?.stackTrace?.[0];
        if (!top?.url.startsWith('http://127.0.0.1')) continue; // the page's own scripts, not the browser's
        const where = `${top.functionName || '(anonymous)'} (${top.url.split('/').slice(-2).join('/')}:${top.lineNumber})`;
        forcers.set(where, (forcers.get(where) ?? 0) + 1);
      }
      runs.push({ ready, script: total('FunctionCall', 'EvaluateScript'), style: total('UpdateLayoutTree'), layout: total('Layout'), layouts: layouts.length });
    }
    const m = (key: string) => round(median(runs.map((r) => r[key] ?? 0)));
    console.log(`${mode}, ${fields} fields (median of ${RUNS}): ready ${m('ready')} ms; script ${m('script')} ms; style ${m('style')} ms; layout ${m('layout')} ms in ${m('layouts')} layouts`);
    const top = [...forcers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [where, count] of top) console.log(`  forced layout from ${where}: ${round(count / RUNS)} per load`);
  }
} finally {
  await browser.close();
  servers.stop();
}
