// Test helper: the two engines besides Chromium, driven over the W3C protocols from Debian's own binaries
// (nothing is downloaded): Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK (the
// engine of Safari and Epiphany) through its WebKitWebDriver with selenium-webdriver. WebKitGTK has no
// headless mode: `npm run test:engines` runs under `xvfb-run -a`. Each page is driven through one small
// interface, so a test reads the same in both engines.
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { createRequire } from 'node:module';

// selenium's `remote` is a CommonJS folder module (remote/index.js), which only require() resolves.
const remote = createRequire(import.meta.url)('selenium-webdriver/remote') as typeof import('selenium-webdriver/remote.js');

/**
 * A page of one engine: go somewhere, run a script there. A script is the source of a plain JavaScript
 * function (tsx would add its own helpers to a TypeScript function's source, which the page lacks).
 */
export interface EnginePage {
  readonly engine: string;
  goto(url: string): Promise<void>;
  /** Runs the function `source` in the page with `args`, and gives its result (a promise is awaited). */
  run<T>(source: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** A page script as one expression: the function applied to its arguments (JSON). */
export const called = (source: string, args: unknown[]) => `(${source}).apply(null, ${JSON.stringify(args)})`;

const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';

/** The MiniBrowser that Debian's libwebkit2gtk-4.1-0 ships (its path depends on the architecture). */
function miniBrowser(): string {
  if (process.env['WEBKIT_BROWSER_PATH']) return process.env['WEBKIT_BROWSER_PATH'];
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('/MiniBrowser'));
  if (!found) throw new Error('MiniBrowser not found in libwebkit2gtk-4.1-0: run scripts/ensure-engines.sh');
  return found;
}

/** Firefox ESR, headless, over WebDriver BiDi. */
export async function firefoxPage(): Promise<EnginePage> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  const page = await browser.newPage();
  return {
    engine: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    goto: async (url) => void (await page.goto(url)),
    run: (source, ...args) => page.evaluate(called(source, args)) as never,
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser in automation mode, through WebKitWebDriver on the loopback address. */
export async function webkitPage(): Promise<EnginePage> {
  const service = new remote.DriverService.Builder(WEBKIT_DRIVER).setLoopback(true).addArguments('--host=127.0.0.1').build();
  const url = await service.start();
  let driver: WebDriver;
  try {
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } })
      .build();
  } catch (err) {
    await service.kill();
    throw err;
  }
  const version = String((await driver.getCapabilities()).get('browserVersion') ?? '');
  return {
    engine: `WebKitGTK ${version}`,
    goto: (to) => driver.get(to),
    // The function travels as source, its result back as JSON: WebDriver's async script, awaited in the page.
    run: (source, ...args) =>
      driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve(${called(source, args)}).then(done, (e) => done({ __error: String(e) }));`).then((value) => {
        const failed = value as { __error?: string } | null;
        if (failed && typeof failed === 'object' && failed.__error) throw new Error(failed.__error);
        return value as never;
      }),
    close: async () => {
      await driver.quit();
      await service.kill();
    },
  };
}

export const ENGINES: Array<[string, () => Promise<EnginePage>]> = [
  ['firefox', firefoxPage],
  ['webkit', webkitPage],
];
