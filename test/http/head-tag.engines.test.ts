// docs/forms.md's recipes for pages without Nunjucks: a template literal, EJS and Pug, each with renderHead() in
// the head and the form in the body. The form is made in the route handler, before the template renders
// the head; a head rendered first makes req.dojo.form() throw an error that says what to do.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { dojo, renderHead } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { openForm, tokenField } from '../form-session.js';
import { requestDojo } from '../new-request-dojo.js';
import { withServer } from '../serve.js';

const signup = new FormDefinition('signup', z.object({ name: z.string().min(2), hours: z.number().max(24) }));
const views = path.join(import.meta.dirname, '../fixtures/views');

function appWith(engine: 'literal' | 'ejs' | 'pug') {
  const app = express();
  app.set('views', views);
  app.use(dojo());
  app.get('/signup', (req, res) => {
    const form = req.dojo.form(signup); // first: registers the form's widgets on the page
    if (engine === 'literal') {
      return void res.send(`<!DOCTYPE html><html lang="${req.dojo.lang}" dir="${req.dojo.dir}"><head>${renderHead(req.dojo)}</head><body class="${req.dojo.bodyClass}">${form.html}</body></html>`);
    }
    res.render(`signup.${engine}`, { form, head: renderHead });
  });
  app.post('/signup', (req, res) => void res.status(signup.parse(req.body).ok ? 200 : 422).send('answered'));
  return app;
}

describe('template engines (docs/forms.md recipes)', () => {
  for (const engine of ['literal', 'ejs', 'pug'] as const) {
    it(`${engine}: the head loads dojo.js and starts the form's widgets; the form posts with its token`, async () => {
      await withServer(appWith(engine), async (base) => {
        const html = await (await fetch(`${base}/signup`)).text();
        const head = /<head>(.*)<\/head>/s.exec(html)?.[1] ?? '';
        assert.match(head, /<script src="\/dojo\/dojo\/dojo\.js"><\/script>/);
        assert.match(head, /require\(\["dijitize\/Form",.*"dijit\/form\/ValidationTextBox","dijit\/form\/NumberTextBox",/);
        assert.match(html, /<body class="claro"><form id="signup"/);
        const s = await openForm(base, '/signup');
        assert.equal((await s.post('/signup', `${tokenField(s)}name=ada&hours=8`)).status, 200);
      });
    });
  }

  it('a head rendered before the form: req.dojo.form() throws an error that says what to do, never drops the widgets', () => {
    const d = requestDojo();
    renderHead(d);
    assert.throws(() => d.form(signup), /req\.dojo\.form\(\) was called after the page's head was rendered .* Call req\.dojo\.form\(\), require\(\) and onReady\(\) first/);
    assert.throws(() => d.require('dijit/form/Button'), /req\.dojo\.require\(\) was called after/);
    assert.throws(() => d.onReady({ module: 'app/x', fn: 'go' }), /req\.dojo\.onReady\(\) was called after/);
  });
});
