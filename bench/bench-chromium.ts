// The Chromium every browser benchmark runs: Debian's (CHROMIUM_PATH to name another), without the sandbox
// or the GPU this machine lacks, and without the background work (updates, sync, networking) that would
// take CPU from the page being measured.
import { chromium, type Browser } from '@playwright/test';

export const launchBenchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
