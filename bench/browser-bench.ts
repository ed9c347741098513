// Page readiness in Chromium: time from navigation until the form can be used (it has started; see
// static/observe.js), and until every widget exists, with request count and bytes, for each mode and form size. Fresh browser context per load;
// the median of RUNS loads is reported, with ratios against the Dojango way (parser, unbuilt).
import { chromium, type Browser } from '@playwright/test';
import { median, ratio, round } from './stats.js';

export const MODES = {
  'parser, unbuilt (baseline)': { server: 'source', path: 'parser' },
  'parser, built': { server: 'built', path: 'parser' },
  'dijitize inline, unbuilt': { server: 'source', path: 'inline' },
  'dijitize inline, built': { server: 'built', path: 'inline' },
  'dijitize form function, built': { server: 'built', path: 'form-function' },
} as const;
export type Mode = keyof typeof MODES;
export const BASELINE: Mode = 'parser, unbuilt (baseline)';

/** Every widget of `page` made, against the baseline's page ready at its size (the goal's measure at 200 fields). */
export const everyWidgetRatio = (pages: readonly PageFigures[], page: PageFigures): number | undefined => {
  const base = pages.find((b) => b.fields === page.fields && b.mode === BASELINE);
  return base ? ratio(page.allMs, base.readyMs) : undefined;
};

export interface PageFigures {
  mode: Mode;
  fields: number;
  readyMs: number;
  /** Until every widget exists (a large dijitize form makes its off-screen ones after it is ready). */
  allMs: number;
  requests: number;
  kilobytes: number;
  ratioToBaseline?: number;
}

async function loadOnce(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    requests++;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(url);
  type Probe = { __benchReady?: number; __benchAll?: number };
  await page.waitForFunction(() => (window as unknown as Probe).__benchAll, null, { timeout: 60_000, polling: 50 });
  const { readyMs, allMs } = await page.evaluate(() => ({ readyMs: (window as unknown as Probe).__benchReady ?? 0, allMs: (window as unknown as Probe).__benchAll ?? 0 }));
  // For the request and byte counts: the page is measured already. Chromium here sometimes never reports
  // the network idle (seen at 200 and 500 fields, once a run); the counts are then those seen in 30 s.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  return { readyMs, allMs, requests, bytes };
}

export async function browserBench(ports: { source: number; built: number }, sizes: readonly number[], runs: number, log: (s: string) => void): Promise<PageFigures[]> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const figures: PageFigures[] = [];
  try {
    for (const fields of sizes) {
      for (const [mode, where] of Object.entries(MODES) as Array<[Mode, (typeof MODES)[Mode]]>) {
        const url = `http://127.0.0.1:${ports[where.server]}/${where.path}/${fields}`;
        await loadOnce(browser, url); // warm the server and the OS caches; not counted
        const loads = [];
        for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, url));
        const f: PageFigures = {
          mode,
          fields,
          readyMs: round(median(loads.map((l) => l.readyMs))),
          allMs: round(median(loads.map((l) => l.allMs))),
          requests: median(loads.map((l) => l.requests)),
          kilobytes: round(median(loads.map((l) => l.bytes)) / 1024),
        };
        figures.push(f);
        log(`  ${fields} fields, ${mode}: ${f.readyMs} ms (all widgets ${f.allMs} ms), ${f.requests} requests, ${f.kilobytes} KB`);
      }
      const base = figures.find((f) => f.fields === fields && f.mode === BASELINE);
      for (const f of figures) if (f.fields === fields && base) f.ratioToBaseline = ratio(f.readyMs, base.readyMs);
    }
  } finally {
    await browser.close();
  }
  return figures;
}
