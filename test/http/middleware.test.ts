import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import { dojo, RequestDojo } from '../../server/index.js';
import { requestDojo } from '../new-request-dojo.js';
import { withServer } from '../serve.js';


describe('dojo() middleware', () => {
  it('refuses at start-up a formFunction module that is not in the package dojo() serves, naming the key; the old name of dijitize/forms works, with a warning', async () => {
    assert.throws(
      () => dojo({ formFunction: { module: 'dijitize/FormMaker', fn: 'build' } }),
      (err: Error) => err.name === 'SettingsError' && /formFunction\.module: "dijitize\/FormMaker" does not exist/.test(err.message) && /\{ module: "dijitize\/forms", fn: "build" \}/.test(err.message),
    );
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    assert.equal(dojo({ formFunction: { module: 'dijitize/FormBuilder', fn: 'build' } }).settings.formFunction?.module, 'dijitize/forms');
    const warning = await warned;
    assert.equal((warning as Error & { code?: string }).code, 'DIJITIZE_DEPRECATED');
    assert.match(warning.message, /"dijitize\/FormBuilder" is now "dijitize\/forms"/);
    assert.throws(() => dojo({ formFunction: { module: 'dijit/form/NoSuchThing', fn: 'build' } }), /formFunction\.module: "dijit\/form\/NoSuchThing" does not exist/);
    assert.doesNotThrow(() => dojo({ formFunction: { module: 'dijitize/forms', fn: 'build' } }));
    // The app's own package is loaded from URLs dojo() does not know: the app keeps it right.
    assert.doesNotThrow(() => dojo({ formFunction: { module: 'app/forms', fn: 'build' } }));
  });

  it('attaches a fresh req.dojo, mirrored on res.locals', async () => {
    const app = express();
    app.use(dojo({ theme: 'soria' }));
    app.get('/', (req, res) => {
      res.json({ same: req.dojo === res.locals.dojo, isRequestDojo: req.dojo instanceof RequestDojo, src: req.dojo.src, theme: req.dojo.theme });
    });
    await withServer(app, async (base) => {
      const body = await (await fetch(`${base}/`)).json();
      assert.deepEqual(body, { same: true, isRequestDojo: true, src: '/dojo/dojo/dojo.js', theme: 'soria' });
    });
  });

  it('keeps concurrent requests apart: config, theme, modules and ready callbacks never leak', async () => {
    const REQUESTS = 12;
    // Every request changes its req.dojo, then waits until all of them have: none reads its own before
    // all the others have written theirs.
    let arrived = 0;
    let allArrived: () => void = () => undefined;
    const everyoneIn = new Promise<void>((resolve) => (allArrived = resolve));
    const app = express();
    app.use(dojo({ dojoConfig: { packages: [{ name: 'app', location: '/app' }] } }));
    app.get('/:n', async (req, res) => {
      const n = Number(req.params['n']);
      req.dojo.config.isDebug = n % 2 === 0;
      req.dojo.config.packages.push({ name: `p${n}`, location: `/p${n}` });
      req.dojo.setPackage('app', `/app${n}`);
      req.dojo.theme = n % 2 ? 'tundra' : 'nihilo';
      req.dojo.require(`m/${n}`).addStylesheet(`/s${n}.css`).onReady(`function () { f${n}(); }`);
      if (++arrived === REQUESTS) allArrived();
      await everyoneIn;
      res.json({
        n,
        debug: req.dojo.config.isDebug,
        packages: req.dojo.config.packages.map((p) => `${p.name}=${p.location}`),
        theme: req.dojo.theme,
        modules: req.dojo.modules,
        stylesheets: req.dojo.stylesheets,
        ready: req.dojo.ready.length,
      });
    });
    await withServer(app, async (base) => {
      const all = await Promise.all(Array.from({ length: REQUESTS }, (_, n) => fetch(`${base}/${n}`).then((r) => r.json())));
      for (const [n, body] of all.entries()) {
        assert.deepEqual(body, {
          n,
          debug: n % 2 === 0,
          packages: [`app=/app${n}`, `p${n}=/p${n}`],
          theme: n % 2 ? 'tundra' : 'nihilo',
          modules: [`m/${n}`],
          stylesheets: [`/s${n}.css`],
          ready: 1,
        });
      }
    });
  });

  it('serves dojo.js, dijit, the flat theme and the dijitize client under the prefix', async () => {
    const app = express();
    app.use(dojo({ prefix: '/static/dojo' }));
    await withServer(app, async (base) => {
      for (const file of ['dojo/dojo.js', 'dijit/form/ValidationTextBox.js', 'dojo-themes/flat/flat.css', 'dijitize/boot.js']) {
        const res = await fetch(`${base}/static/dojo/${file}`);
        assert.equal(res.status, 200, file);
      }
      assert.equal((await fetch(`${base}/static/dojo/dojo/nope.js`)).status, 404);
    });
  });
});
