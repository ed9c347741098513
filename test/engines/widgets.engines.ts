// Every demo page in Firefox ESR and WebKitGTK builds the same widgets as in Chromium (ids and Dijit
// classes, compared with Chromium's in the same run), and an invalid form is held back with the focus on
// its first wrong field. Run by `npm run test:engines` (WebKitGTK under xvfb-run): a first step of the
// cross-engine suite (issue 40), not yet part of `npm test`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { createApp } from '../../demo/app.js';
import { withServer } from '../serve.js';
import { called, ENGINES, type EnginePage } from './engines.js';

/** The demo's pages with forms (the wizard's first step is where /claim leads). */
const PAGES = ['/register', '/register-csp', '/register-nonce', '/timecard', '/order', '/expense', '/claim'];

/** Waits for every form of the page to be ready, then lists its widgets as `id: class`, sorted. */
const WIDGETS_OF_PAGE = `function () {
  return new Promise(function (resolve, reject) {
    var deadline = Date.now() + 30000;
    function look() {
      var forms = Array.prototype.slice.call(document.querySelectorAll('form[id]'));
      if (forms.length && forms.every(function (f) { return f.hasAttribute('data-dijitize-ready'); })) {
        require(['dijit/registry'], function (registry) {
          resolve(registry.toArray().map(function (w) { return w.id + ': ' + w.declaredClass; }).sort());
        });
      } else if (Date.now() > deadline) reject(new Error('forms not ready: ' + location.pathname));
      else requestAnimationFrame(look);
    }
    look();
  });
}`;

/** Presses the register form's submit button; says where the page is and what has the focus after. */
const SUBMIT_EMPTY = `function () {
  return new Promise(function (resolve) {
    require(['dijit/registry'], function (registry) {
      registry.byId('register-submit').focusNode.click();
      setTimeout(function () { resolve(location.pathname + ' ' + (document.activeElement ? document.activeElement.id : '')); }, 0);
    });
  });
}`;

describe('every demo page in three engines', { timeout: 600_000 }, () => {
  let base = '';
  let stop = () => {};
  const inChromium = new Map<string, string[]>();
  before(async () => {
    await new Promise<void>((started) => {
      void withServer(createApp(), (url) => {
        base = url;
        started();
        return new Promise<void>((done) => (stop = done));
      });
    });
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    for (const path of PAGES) {
      await page.goto(base + path);
      inChromium.set(path, (await page.evaluate(called(WIDGETS_OF_PAGE, []))) as string[]);
    }
    await browser.close();
  });
  after(() => stop());

  for (const [name, open] of ENGINES) {
    describe(name, () => {
      let page: EnginePage;
      before(async () => (page = await open()));
      after(() => page.close());

      it('builds the widgets Chromium builds, on every page', async () => {
        for (const path of PAGES) {
          await page.goto(base + path);
          const widgets = await page.run<string[]>(WIDGETS_OF_PAGE);
          assert.ok(widgets.length > 2, `${page.engine} ${path}: ${widgets.join(', ')}`);
          assert.deepEqual(widgets, inChromium.get(path), `${page.engine} ${path}`);
        }
      });

      it('holds back an invalid form, the focus on its first wrong field', async () => {
        await page.goto(`${base}/register`);
        await page.run(WIDGETS_OF_PAGE);
        const focused = await page.run<string>(SUBMIT_EMPTY);
        assert.equal(focused, '/register register-username', page.engine);
      });
    });
  }
});
