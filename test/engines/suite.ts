// The cross-engine suite, as one engine runs it: every demo page's widgets compared with Chromium's (from
// the source modules and from a real build) and checked by axe, then each feature's main flow with
// JavaScript on and off. Each engine's file (firefox.engines.ts, webkit.engines.ts) runs it; the files run
// side by side. What fails in one engine is a defect of the product, fixed in the product: no test here
// is skipped for an engine.
import { after, before, describe, it } from 'node:test';
import { startDemoServers, type DemoServers } from './demo-servers.js';
import { EnginePage } from './engine-page.js';
import { chromiumDriver, ENGINES, type EngineName } from './engines.js';
import { uploadKeptAcrossRefusal } from './flows/expense.js';
import { largeListSentAsShown, rowsUnionAndOneOrder } from './flows/order.js';
import { axeOnEveryPage, DEMO_PAGES, sameWidgetsAsChromium, widgetsOfPages } from './flows/pages.js';
import { fileKeptAcrossRefusal, germanServerWords, orderRowsUnionAndDoubleClick, registerRefusedThenSaved } from './flows/plain.js';
import { arabicRightToLeft, draftOfChangedForm, draftRestored, invalidHeldBack, liveCheckSaid } from './flows/register.js';
import { editConflictShown, germanTyped, keyboardAlone, refusedThenSaved } from './flows/timecard.js';
import { wizardWithBack } from './flows/wizard.js';
import { warningConfirmedAsTyped, warningConfirmedAtSubmit } from './flows/warnings.js';
import { leavingAsksOnlyWhenChanged } from './flows/leave-guard.js';

/** Which demo the feature flows run against in this engine: the pages are compared in both. */
export type FlowsFrom = 'source' | 'built';

export function crossEngineSuite(name: EngineName, flowsFrom: FlowsFrom): void {
  describe(`${name}: the demo's pages and features`, { timeout: 900_000 }, () => {
    let servers: DemoServers;
    const reference = new Map<string, Map<string, string[]>>();
    let page: EnginePage; // scripts on
    let plain: EnginePage; // scripts off
    before(async () => {
      servers = await startDemoServers();
      const chromium = new EnginePage(await chromiumDriver(), servers.source);
      try {
        for (const from of ['source', 'built'] as const) {
          chromium.base = servers[from];
          reference.set(from, await widgetsOfPages(chromium, DEMO_PAGES));
        }
      } finally {
        await chromium.close();
      }
      const withScripts = await ENGINES[name](true);
      page = new EnginePage(withScripts, servers[flowsFrom]);
      plain = new EnginePage(await ENGINES[name](false), servers[flowsFrom], withScripts);
    });
    after(async () => {
      await page?.close();
      await plain?.close();
      await servers?.stop();
    });

    describe('JavaScript on', () => {
      for (const from of ['source', 'built'] as const) {
        it(`every page makes the widgets Chromium makes, from the ${from}`, async () => {
          page.base = servers[from];
          await sameWidgetsAsChromium(page, reference.get(from) ?? new Map());
          page.base = servers[flowsFrom];
        });
      }
      it('axe finds nothing on any page', () => axeOnEveryPage(page));
      it('an invalid value is held back, the focus on it', () => invalidHeldBack(page));
      it('a live check says a taken name in its widget', () => liveCheckSaid(page));
      it('a draft is restored, without the password', () => draftRestored(page));
      it('a draft of an earlier definition of the form says so, and is sent as a page of it', () => draftOfChangedForm(page));
      it('Arabic is right to left', () => arabicRightToLeft(page));
      it('a remote choice is picked; a refused POST has the server\'s errors in the widgets', () => refusedThenSaved(page));
      it('German dates and numbers typed into the widgets arrive right', () => germanTyped(page));
      it('an edit conflict is shown, and the other side\'s change merged', () => editConflictShown(page));
      it('the keyboard alone fills and sends the time card', () => keyboardAlone(page));
      it('rows added and removed, a union switched, a double click places one order', () => rowsUnionAndOneOrder(page));
      it('a large list\'s rows removed, moved and added while its widgets are made, sent as shown', () => largeListSentAsShown(page));
      it('an upload with its progress is kept across a refused claim', () => uploadKeptAcrossRefusal(page));
      it('a wizard walked with Back, to one result', () => wizardWithBack(page));
      it('a warning shows as the user leaves the field; confirmed there, the card is saved', () => warningConfirmedAsTyped(page));
      it('leaving asks only when the form changed since it was made or restored', () => leavingAsksOnlyWhenChanged(page));
    });

    describe('JavaScript off', () => {
      it('axe finds nothing on any page', () => axeOnEveryPage(plain));
      it('native constraints; a refused POST keeps the values and says why', () => registerRefusedThenSaved(plain));
      it('rows and a union through the server\'s buttons; a double click places one order', () => orderRowsUnionAndDoubleClick(plain));
      it('a file is kept across a refused claim', () => fileKeptAcrossRefusal(plain));
      it('the server answers in German', () => germanServerWords(plain));
      it('a wizard walked with Back, to one result', () => wizardWithBack(plain));
      it('a warning comes back with its box; confirmed, the card is saved', () => warningConfirmedAtSubmit(plain));
    });
  });
}
