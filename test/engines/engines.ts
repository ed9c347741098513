// Test helper: the two engines besides Chromium, driven over the W3C protocols from Debian's own binaries
// (nothing is downloaded): Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK (the
// engine of Safari and Epiphany) through its WebKitWebDriver with selenium-webdriver. WebKitGTK has no
// headless mode: `npm run test:engines` runs under `xvfb-run -a`. Each page is driven through one small
// interface of what a user does (click, type, press a key, pick a file), so a test reads the same in both.
//
// JavaScript off: Firefox with its `javascript.enabled` preference false; WebKitGTK with MiniBrowser's
// `--enable-javascript=false` (WebKitSettings' enable-javascript). In both the page's own scripts never
// run, while the driver's scripts still read the page.
//
// Playwright's own BiDi channel (`moz-firefox`) was tried first: Playwright 1.65 sends
// emulation.setMediaFeaturesOverride, which Firefox ESR 153 does not know, so no context opens.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import puppeteer, { type KeyInput } from 'puppeteer-core';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';

// selenium's `remote` is a CommonJS folder module (remote/index.js), which only require() resolves.
const remote = createRequire(import.meta.url)('selenium-webdriver/remote') as typeof import('selenium-webdriver/remote.js');

/** The keys a test presses, by their names in the W3C key tables. */
export type KeyName = 'Tab' | 'Enter' | 'Space' | 'Escape' | 'ArrowDown' | 'ArrowUp' | 'Backspace' | 'Control+A';

/** A page of one engine, driven as a user drives it (page-actions.ts builds the tests' words on it). */
export interface EngineDriver {
  /** The engine and its version, for messages. */
  readonly engine: string;
  /** Whether the page's own scripts run. */
  readonly javaScript: boolean;
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page and gives its value as JSON (a promise is awaited). */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the middle of the element `css` names, scrolled into view. */
  click(css: string): Promise<void>;
  /** Clicks it twice in quick succession, as a double click. */
  doubleClick(css: string): Promise<void>;
  /** Types `text` key by key into whatever has the focus. */
  type(text: string): Promise<void>;
  press(key: KeyName): Promise<void>;
  /** Picks files for the file input `css` names, as the file chooser does. */
  pickFiles(css: string, paths: string[]): Promise<void>;
  /**
   * How many times the browser asked before a page was left (the `beforeunload` question), each answered
   * "Leave" as a user who means to go. Absent where the driver never sees the question: WebKitGTK in
   * automation mode leaves without asking.
   */
  leaveQuestions?(): number;
  close(): Promise<void>;
}

/**
 * Scrolls the element `css` names into view and gives its middle, in the viewport's pixels (an expression),
 * once its box has stayed where it is for three frames: a page still making its widgets moves what is
 * below them (a row grows by a few pixels when its inputs become widgets), and a click aimed before the
 * move lands on something else. A page without scripts moves nothing (and has no frames to wait for).
 */
const middleOf = (css: string, javaScript: boolean): string =>
  `(function (e) {
    if (!e) return null;
    e.scrollIntoView({ block: 'center', inline: 'center' });
    if (!${javaScript}) { var b = e.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }
    return new Promise(function (resolve) {
      var last = '', same = 0, frames = 0;
      (function look() {
        var b = e.getBoundingClientRect(), at = { x: b.left + b.width / 2, y: b.top + b.height / 2 }, key = at.x + ',' + at.y;
        same = key === last ? same + 1 : 0;
        last = key;
        if (same >= 3 || ++frames > 600) return resolve(at);
        requestAnimationFrame(look);
      })();
    });
  })(document.querySelector(${JSON.stringify(css)}))`;

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

const PUPPETEER_KEYS: Record<Exclude<KeyName, 'Control+A'>, KeyInput> = { Tab: 'Tab', Enter: 'Enter', Space: ' ', Escape: 'Escape', ArrowDown: 'ArrowDown', ArrowUp: 'ArrowUp', Backspace: 'Backspace' };

/** Firefox ESR, headless, over WebDriver BiDi. */
export async function firefoxDriver(javaScript = true): Promise<EngineDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // A command the page never answers fails in a minute, not puppeteer's default three.
    protocolTimeout: 60_000,
    extraPrefsFirefox: javaScript ? {} : { 'javascript.enabled': false },
  });
  const page = await browser.newPage();
  // Leaving a page whose form holds changes asks first: the tests go where they mean to go, as a user does.
  let questions = 0;
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') return;
    questions++;
    void dialog.accept();
  });
  return {
    engine: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    leaveQuestions: () => questions,
    javaScript,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (expression) => page.evaluate(expression) as never,
    // By the mouse at the element's middle: puppeteer's own click waits for the page's scripts, which
    // never run with JavaScript off.
    click: async (css) => {
      const at = (await page.evaluate(middleOf(css, javaScript))) as { x: number; y: number } | null;
      if (!at) throw new Error(`no ${css} to click`);
      await page.mouse.click(at.x, at.y);
    },
    doubleClick: async (css) => {
      const at = (await page.evaluate(middleOf(css, javaScript))) as { x: number; y: number } | null;
      if (!at) throw new Error(`no ${css} to click`);
      await page.mouse.click(at.x, at.y, { count: 2 });
    },
    type: (text) => page.keyboard.type(text),
    press: async (key) => {
      if (key !== 'Control+A') return page.keyboard.press(PUPPETEER_KEYS[key]);
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
    },
    pickFiles: async (css, paths) => {
      const input = await page.$(css);
      if (!input) throw new Error(`no ${css} to pick files for`);
      await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    close: () => browser.close(),
  };
}

const WEBDRIVER_KEYS: Record<Exclude<KeyName, 'Control+A'>, string> = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Escape: Key.ESCAPE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Backspace: Key.BACK_SPACE };

/** WebKitGTK's MiniBrowser in automation mode, through WebKitWebDriver on the loopback address. */
export async function webkitDriver(javaScript = true): Promise<EngineDriver> {
  const service = new remote.DriverService.Builder(WEBKIT_DRIVER).setLoopback(true).addArguments('--host=127.0.0.1').build();
  const url = await service.start();
  let driver: WebDriver;
  try {
    const args = ['--automation', ...(javaScript ? [] : ['--enable-javascript=false'])];
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args } })
      .build();
  } catch (err) {
    await service.kill();
    throw err;
  }
  const version = String((await driver.getCapabilities()).get('browserVersion') ?? '');
  // The expression's value travels back as JSON: WebDriver's async script, awaited in the page.
  const evaluate = (expression: string) =>
    driver
      .executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve(${expression}).then(done, (e) => done({ __error: String(e) }));`)
      .then((value) => {
        const failed = value as { __error?: string } | null;
        if (failed && typeof failed === 'object' && failed.__error) throw new Error(failed.__error);
        return value as never;
      });
  return {
    engine: `WebKitGTK ${version}`,
    javaScript,
    goto: (to) => driver.get(to),
    evaluate,
    click: async (css) => {
      const at = await evaluate(middleOf(css, javaScript));
      if (!at) throw new Error(`no ${css} to click`);
      await driver.findElement(By.css(css)).click();
    },
    doubleClick: async (css) => {
      await evaluate(middleOf(css, javaScript));
      await driver.actions().doubleClick(driver.findElement(By.css(css))).perform();
    },
    type: (text) => driver.actions().sendKeys(text).perform(),
    press: (key) =>
      key === 'Control+A' ? driver.actions().keyDown(Key.CONTROL).sendKeys('a').keyUp(Key.CONTROL).perform() : driver.actions().sendKeys(WEBDRIVER_KEYS[key]).perform(),
    pickFiles: (css, paths) => driver.findElement(By.css(css)).sendKeys(paths.join('\n')),
    close: async () => {
      await driver.quit();
      await service.kill();
    },
  };
}

/** Debian's Chromium through Playwright: the reference the other engines' widgets are compared with. */
export async function chromiumDriver(): Promise<EngineDriver> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  return {
    engine: `Chromium ${browser.version()}`,
    javaScript: true,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (expression) => page.evaluate(expression) as never,
    click: (css) => page.click(css),
    doubleClick: (css) => page.dblclick(css),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    pickFiles: (css, paths) => page.setInputFiles(css, paths),
    close: () => browser.close(),
  };
}

/** The engines the cross-engine suite runs in, by name. */
export const ENGINES = { firefox: firefoxDriver, webkit: webkitDriver } as const;
export type EngineName = keyof typeof ENGINES;
