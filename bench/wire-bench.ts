// Bytes on the wire for the built demo's register page in Chromium (Chrome DevTools Protocol's
// encodedDataLength: what crossed the network, headers included, 0 for a cache hit): a first visit with
// the compressed release files, the same visit refusing compression (what was sent before the build
// wrote .br/.gz), and a repeat visit in the same browser (the release is cached as immutable).
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchBenchChromium } from './bench-chromium.js';
import { createApp } from '../demo/app.js';
import { demoBuildConfig } from '../demo/build-config.js';
import { build } from '../server/builder/build.js';
import { resolveBuildConfig } from '../server/builder/config.js';
import { memoryLogger } from '../test/builder/memory-logger.js';
import { root } from './bench-servers.js';
import { median, ratio, round, spread, type Spread } from './stats.js';

export interface WireFigures {
  visit: string;
  requests: number;
  fromNetwork: number;
  /** Median over the visits. */
  kilobytes: number;
  /** Over the visits (bytes hardly vary: the same files, compressed the same way). */
  kilobytesSpread: Spread;
  ratioToUncompressed?: number;
}

const UNCOMPRESSED = 'first visit, compression refused (baseline)';

/** Loads `url` in `context` and sums what crossed the network until it is idle. */
async function visit(context: BrowserContext, url: string): Promise<{ requests: number; fromNetwork: number; bytes: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let requests = 0;
  let fromNetwork = 0;
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', () => void requests++);
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    if (e.encodedDataLength > 0) fromNetwork++; // a cache hit moves no byte
  });
  await page.goto(url);
  await page.waitForSelector('.dijitTextBox');
  await page.waitForLoadState('networkidle');
  await page.close();
  return { requests, fromNetwork, bytes };
}

export async function wireBench(runs: number, log: (s: string) => void): Promise<WireFigures[]> {
  const releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-wire-'));
  await build(resolveBuildConfig({ ...demoBuildConfig, releaseDir }, root), memoryLogger());
  const server = createApp({ releaseDir }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/register`;
  const browser = await launchBenchChromium();
  const samples: Record<string, Array<{ requests: number; fromNetwork: number; bytes: number }>> = { [UNCOMPRESSED]: [], 'first visit': [], 'repeat visit': [] };
  try {
    for (let i = 0; i < runs; i++) {
      const plain = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'identity' } });
      samples[UNCOMPRESSED]?.push(await visit(plain, url));
      await plain.close();
      const context = await browser.newContext();
      samples['first visit']?.push(await visit(context, url));
      samples['repeat visit']?.push(await visit(context, url));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(releaseDir, { recursive: true, force: true });
  }
  const figures = Object.entries(samples).map(([name, loads]) => ({
    visit: name,
    requests: median(loads.map((l) => l.requests)),
    fromNetwork: median(loads.map((l) => l.fromNetwork)),
    kilobytes: round(median(loads.map((l) => l.bytes)) / 1024),
    kilobytesSpread: spread(loads.map((l) => l.bytes / 1024), 1),
  }));
  const base = figures.find((f) => f.visit === UNCOMPRESSED);
  for (const f of figures) {
    if (base) (f as WireFigures).ratioToUncompressed = ratio(f.kilobytes, base.kilobytes);
    log(`  ${f.visit}: ${f.kilobytes} KB on the wire, ${f.fromNetwork} of ${f.requests} requests over the network`);
  }
  return figures;
}
