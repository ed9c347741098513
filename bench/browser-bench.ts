// Page readiness in Chromium: time from navigation until the form can be used (it has started; see
// static/observe.js), and until every widget exists, with request count and bytes, for each mode and page.
// Interleaved rounds: each round loads every mode of a page once (in an order that turns each round), so a
// machine whose speed drifts moves the baseline and the mode together; each ratio is taken within its round,
// and reported as the median with its spread (min-max) over rounds. Fresh browser context per load.
// The limit row is the same dijitize page with JavaScript off: the browser's own parse and layout of our
// HTML, which no script can beat; page ready minus it is the part that is ours.
import type { Browser } from '@playwright/test';
import { launchBenchChromium } from './bench-chromium.js';
import { inTurn, round, spread, type Spread } from './stats.js';

export const MODES = {
  'parser, unbuilt (baseline)': { server: 'source', path: 'parser' },
  'parser, built': { server: 'built', path: 'parser' },
  'dijitize inline, unbuilt': { server: 'source', path: 'inline' },
  'dijitize inline, built': { server: 'built', path: 'inline' },
  'dijitize form function, built': { server: 'built', path: 'form-function' },
  'limit: the inline page, JavaScript off': { server: 'built', path: 'inline' },
} as const;
export type Mode = keyof typeof MODES;
export const BASELINE: Mode = 'parser, unbuilt (baseline)';
export const JS_OFF: Mode = 'limit: the inline page, JavaScript off';
/** The modes whose goals the tables judge. */
export const JUDGED: readonly Mode[] = ['dijitize inline, built', 'dijitize form function, built'];

/** A page of the bench app: its path segment (`200`, `list200`), what the tables call it, its widget count for the plots. */
export interface BenchPage {
  path: string;
  label: string;
  /** Fields the page shows (a list: its rows times its row fields); the plots' x axis, for pages of plain fields. */
  fields: number;
  /** A list page is left out of the plots by form size. */
  list?: true;
}

export interface PageFigures {
  mode: Mode;
  page: string;
  fields: number;
  /** Navigation until the form can be used (JavaScript off: until the page is loaded and laid out). */
  readyMs: Spread;
  /** Until every widget exists (a large dijitize form makes its off-screen ones after it is ready). */
  allMs: Spread;
  requests: number;
  kilobytes: number;
  /** Page ready against the baseline's in the same round. */
  ratioToBaseline?: Spread;
  /** Every widget made against the baseline's page ready in the same round. */
  everyWidgetRatio?: Spread;
  /** Page ready minus the JavaScript-off page in the same round: the part that is ours. */
  oursMs?: Spread;
}

interface Load {
  readyMs: number;
  allMs: number;
  requests: number;
  bytes: number;
}

/** A page's loads in one mode: the warm-up's counts (a fresh context sends the same), and the timed rounds. */
interface ModeLoads {
  counts: Load;
  rounds: Load[];
}

/** One load in a fresh context; `counted`: also waits for the network to be idle, for the request and byte counts. */
async function loadOnce(browser: Browser, url: string, scripts: boolean, counted = false): Promise<Load> {
  const context = await browser.newContext({ javaScriptEnabled: scripts });
  const page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    requests++;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  let readyMs: number;
  let allMs: number;
  if (scripts) {
    await page.goto(url);
    type Probe = { __benchReady?: number; __benchAll?: number };
    await page.waitForFunction(() => (window as unknown as Probe).__benchAll, null, { timeout: 60_000, polling: 50 });
    ({ readyMs, allMs } = await page.evaluate(() => ({ readyMs: (window as unknown as Probe).__benchReady ?? 0, allMs: (window as unknown as Probe).__benchAll ?? 0 })));
  } else {
    // No script of the page runs: the page is done when its HTML is parsed and its styles are in (the load
    // event), the point from which a page with scripts starts its own work.
    await page.goto(url, { waitUntil: 'load' });
    readyMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    allMs = readyMs;
  }
  // For the request and byte counts: the page is measured already. Chromium here sometimes never reports
  // the network idle (seen at 200 and 500 fields, once a run); the counts are then those seen in 30 s.
  if (counted) await page.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  return { readyMs, allMs, requests, bytes };
}

/**
 * Loads of every mode of `page`: one warm-up load each (it warms the server and the OS caches, and gives the
 * request and byte counts, untimed), then `rounds` interleaved rounds.
 */
async function pageRounds(browser: Browser, ports: { source: number; built: number }, page: BenchPage, rounds: number): Promise<Map<Mode, ModeLoads>> {
  const modes = Object.keys(MODES) as Mode[];
  const url = (mode: Mode) => `http://127.0.0.1:${ports[MODES[mode].server]}/${MODES[mode].path}/${page.path}`;
  const loads = new Map<Mode, ModeLoads>();
  for (const mode of modes) loads.set(mode, { counts: await loadOnce(browser, url(mode), mode !== JS_OFF, true), rounds: [] });
  for (let r = 0; r < rounds; r++) {
    for (const mode of inTurn(modes, r)) loads.get(mode)?.rounds.push(await loadOnce(browser, url(mode), mode !== JS_OFF));
  }
  return loads;
}

export async function browserBench(ports: { source: number; built: number }, pages: readonly BenchPage[], rounds: number, log: (s: string) => void): Promise<PageFigures[]> {
  const browser = await launchBenchChromium();
  const figures: PageFigures[] = [];
  try {
    for (const page of pages) {
      const loads = await pageRounds(browser, ports, page, rounds);
      const base = loads.get(BASELINE)?.rounds ?? [];
      const jsOff = loads.get(JS_OFF)?.rounds ?? [];
      for (const [mode, { counts, rounds: mine }] of loads) {
        const byRound = <T>(f: (l: Load, r: number) => T) => mine.map(f);
        const f: PageFigures = {
          mode,
          page: page.label,
          fields: page.fields,
          readyMs: spread(byRound((l) => l.readyMs), 1),
          allMs: spread(byRound((l) => l.allMs), 1),
          requests: counts.requests,
          kilobytes: round(counts.bytes / 1024),
          ratioToBaseline: spread(byRound((l, r) => l.readyMs / (base[r]?.readyMs ?? NaN))),
          ...(mode !== JS_OFF && mode !== BASELINE ? { everyWidgetRatio: spread(byRound((l, r) => l.allMs / (base[r]?.readyMs ?? NaN))) } : {}),
          ...(mode.startsWith('dijitize') ? { oursMs: spread(byRound((l, r) => l.readyMs - (jsOff[r]?.readyMs ?? NaN)), 1) } : {}),
        };
        figures.push(f);
        log(`  ${page.label}, ${mode}: ready ${f.readyMs.median} ms (${f.readyMs.min}–${f.readyMs.max}), ratio ${f.ratioToBaseline?.median} (${f.ratioToBaseline?.min}–${f.ratioToBaseline?.max}), every widget ${f.allMs.median} ms, ${f.requests} requests, ${f.kilobytes} KB`);
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
