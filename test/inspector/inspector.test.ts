// The inspector over real HTTP: the forms listed, one explained (widget and why, each property and its
// constraint, the access matrix, fallen-back texts, modules), a preview's POST parsed as the app would
// and logged with the password redacted, every text escaped, and the refusal in production.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { Acl } from '../../server/access/index.js';
import { defineForm, dojo, SettingsError } from '../../server/index.js';
import { inspector } from '../../server/inspector/index.js';
import { openForm, tokenField } from '../form-session.js';
import { explainForm } from '../../server/inspector/explain-form.js';
import { withServer } from '../serve.js';

const acl = new Acl().role('clerk').role('boss', ['clerk']).allow('clerk', 'pay', 'see').allow('boss', 'pay', 'change');

const signup = defineForm(
  'inspected-signup',
  z.object({
    name: z.string().min(2).max(20),
    password: z.string().min(8),
    hours: z.number().min(0).max(24).multipleOf(0.5),
  }),
  {
    fields: {
      name: { label: { 'en-us': 'Name <b>', de: 'Name auf Deutsch' }, help: 'Two letters "at least"' },
      password: { password: true, label: { 'en-us': 'Password' } },
      hours: { label: { 'en-us': 'Hours', de: 'Stunden' } },
    },
  },
);

const pay = defineForm('inspected-pay', z.object({ rate: z.number().min(1), note: z.string().optional() }), {
  access: { acl, see: { resource: 'pay', privilege: 'see' }, change: { resource: 'pay', privilege: 'change' } },
  fields: { note: { access: { see: { resource: 'pay', privilege: 'change' } } } },
});

const claim = defineForm('inspected-claim', z.object({ amount: z.number(), hours: z.number().optional() }), {
  fields: { amount: { warn: (n) => (Number(n) > 100 ? 'More than 100?' : null) } },
});

function app() {
  const a = express();
  a.use(dojo({ locales: ['en-us', 'de'] }));
  a.use('/_dijitize', inspector());
  return a;
}

const text = async (res: Response) => ({ status: res.status, body: await res.text() });

describe('inspector', () => {
  let env: string | undefined;
  before(() => {
    env = process.env['NODE_ENV'];
    assert.ok(signup && pay && claim);
  });
  after(() => {
    if (env === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = env;
  });

  it('lists every defined form, linked, with the settings of dojo()', async () => {
    await withServer(app(), async (base) => {
      const { status, body } = await text(await fetch(`${base}/_dijitize`));
      assert.equal(status, 200);
      assert.match(body, /<a href="\/_dijitize\/forms\/inspected-signup">inspected-signup<\/a>/);
      assert.match(body, /<a href="\/_dijitize\/forms\/inspected-pay">/);
      assert.match(body, /<th scope="row">locales<\/th><td><code>en-us, de<\/code>/);
    });
  });

  it('explains a field: its facts, the widget and why, each property and the constraint it came from', async () => {
    await withServer(app(), async (base) => {
      const { status, body } = await text(await fetch(`${base}/_dijitize/forms/inspected-signup`));
      assert.equal(status, 200);
      assert.match(body, /<li>min length 2<\/li><li>max length 20<\/li>/);
      assert.match(body, /<code>dijit\/form\/NumberSpinner<\/code><br><small>a number with a step \(0.5\)<\/small>/);
      assert.match(body, /<li>maxLength = 20 ← maxLength<\/li>/);
      assert.match(body, /<li>constraints.max = 24 ← max<\/li>/);
      assert.match(body, /<li>smallDelta = 0.5 ← step<\/li>/);
      assert.match(body, /<li>type = password ← the password option<\/li>/);
      assert.match(body, /<li>maxlength=&quot;20&quot;<\/li>/, 'the native attribute of the same constraint');
      assert.match(body, /<li>dijit\/form\/ValidationTextBox<\/li>/, 'the modules the build bundles');
    });
  });

  it("names the props option for what it replaced, a nested property's parts too", () => {
    const tuned = defineForm('inspected-tuned', z.object({ n: z.number().min(1).max(9) }), { fields: { n: { props: { constraints: { min: 2, max: 8 } } } } });
    const props = explainForm(tuned).fields[0]?.props ?? [];
    assert.deepEqual(props.find((p) => p.name === 'constraints.min'), { name: 'constraints.min', value: 2, from: 'the props option' });
    assert.deepEqual(props.find((p) => p.name === 'required'), { name: 'required', value: true, from: 'required' });
  });

  it('escapes every text it shows: a label with markup is text', async () => {
    await withServer(app(), async (base) => {
      const { body } = await text(await fetch(`${base}/_dijitize/forms/inspected-signup`));
      assert.ok(!body.includes('Name <b>'));
      assert.match(body, /Name &lt;b&gt;/);
      assert.match(body, /promptMessage = Two letters &amp;quot;at least&amp;quot; ← help/, "Dijit's HTML message, escaped again for the page");
    });
  });

  it('names the texts of a locale that fall back to the default', async () => {
    await withServer(app(), async (base) => {
      const { body } = await text(await fetch(`${base}/_dijitize/forms/inspected-signup`));
      const de = /<th scope="row">de<\/th><td>(.*?)<\/td>/.exec(body)?.[1] ?? '';
      assert.match(de, /password: label/);
      assert.ok(!de.includes('hours: label'), 'a translated text is not listed');
    });
  });

  it('shows who may see and change each field, per role', async () => {
    await withServer(app(), async (base) => {
      const { body } = await text(await fetch(`${base}/_dijitize/forms/inspected-pay`));
      assert.match(body, /<th scope="row">clerk<\/th><td>read-only<\/td><td>hidden<\/td>/);
      assert.match(body, /<th scope="row">boss<\/th><td>changeable<\/td><td>changeable<\/td>/);
      const asBoss = await text(await fetch(`${base}/_dijitize/forms/inspected-pay?role=boss`));
      assert.match(asBoss.body, /name="note"/, "the preview as boss shows boss's fields");
      const asClerk = await text(await fetch(`${base}/_dijitize/forms/inspected-pay?role=clerk`));
      assert.ok(!asClerk.body.includes('name="note"'));
      const unknown = await text(await fetch(`${base}/_dijitize/forms/inspected-pay/preview?role=%3Cb%3E`));
      assert.equal(unknown.status, 400);
      assert.match(unknown.body, /role must be one of the form&#39;s access list: clerk, boss\./);
    });
  });

  it("parses a preview's POST as the app would, and logs it with the password redacted", async () => {
    await withServer(app(), async (base) => {
      const preview = '/_dijitize/forms/inspected-signup/preview?js=off';
      const session = await openForm(base, preview);
      const refused = await session.post(preview, `${tokenField(session)}_form=&name=x&password=hunter2secret&hours=30`);
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Error: Preview of inspected-signup/);
      const { body } = await text(await fetch(`${base}/_dijitize/forms/inspected-signup`));
      const log = body.slice(body.indexOf('<h2>Recent parses</h2>'));
      assert.match(log, /refused/);
      assert.match(log, /name: /);
      assert.match(log, /&quot;name&quot;: &quot;x&quot;/);
      assert.ok(!log.includes('hunter2secret'), 'the password is never kept');
      assert.match(log, /&quot;password&quot;: &quot;\(sensitive: not kept\)&quot;/);
    });
  });

  it('explains a field\'s warning, and logs a parse\'s warnings asked and confirmed, and an edit\'s changes', async () => {
    await withServer(app(), async (base) => {
      const page = '/_dijitize/forms/inspected-claim';
      assert.match((await text(await fetch(`${base}${page}`))).body, /a warning \(warn\): asked while typing and at submit/);
      const session = await openForm(base, `${page}/preview?js=off`);
      const asked = await session.post(`${page}/preview?js=off`, `${tokenField(session)}_form=&amount=500`);
      assert.equal(asked.status, 200);
      const token = /name="_warned" value="([^"]+)"/.exec(await asked.text())?.[1] ?? '';
      assert.equal((await session.post(`${page}/preview?js=off`, `${tokenField(session)}_form=&amount=500&_warned=${token}`)).status, 200);
      // An edit parsed by the app with what the record was: its changes are logged too.
      await claim.parseAsync({ amount: '50', hours: '8' }, { changesFrom: claim.initial({ amount: 50, hours: 7 }) });
      const { body } = await text(await fetch(`${base}${page}`));
      const log = body.slice(body.indexOf('<h2>Recent parses</h2>'));
      assert.match(log, /asked about warnings/);
      assert.match(log, /warning amount: More than 100\?/);
      assert.match(log, /confirmed amount: More than 100\?/);
      assert.match(log, /changed hours: 7 → 8/);
    });
  });

  it('answers a form it does not know with a 404 that names it, escaped', async () => {
    await withServer(app(), async (base) => {
      const { status, body } = await text(await fetch(`${base}/_dijitize/forms/%3Cscript%3E`));
      assert.equal(status, 404);
      assert.match(body, /No form named &quot;&lt;script&gt;&quot;/);
    });
  });

  it('answers only loopback clients: a forwarded visitor is refused (403) unless allow names them', async () => {
    const behindProxy = (allow?: string[]) => {
      const a = express();
      a.set('trust proxy', 'loopback'); // a proxy on this machine: req.ip is the visitor's
      a.use(dojo());
      a.use('/_dijitize', inspector(allow ? { allow } : {}));
      return a;
    };
    const visitor = { 'x-forwarded-for': '203.0.113.9' };
    await withServer(behindProxy(), async (base) => {
      const { status, body } = await text(await fetch(`${base}/_dijitize`, { headers: visitor }));
      assert.equal(status, 403);
      assert.match(body, /answers only this machine/);
      assert.equal((await fetch(`${base}/_dijitize`)).status, 200, 'this machine itself');
    });
    await withServer(behindProxy(['203.0.113.9']), async (base) => {
      assert.equal((await fetch(`${base}/_dijitize`, { headers: visitor })).status, 200);
    });
    // No trust proxy: a forwarded request comes from the proxy's loopback address, and is still not ours.
    await withServer(app(), async (base) => {
      assert.equal((await fetch(`${base}/_dijitize`, { headers: visitor })).status, 403);
    });
  });

  it('is refused at start-up when NODE_ENV is production, unless asked for there', () => {
    process.env['NODE_ENV'] = 'production';
    assert.throws(() => inspector(), (err: Error) => err instanceof SettingsError && /NODE_ENV is "production"/.test(err.message) && /production: true/.test(err.message));
    assert.doesNotThrow(() => inspector({ production: true }));
    delete process.env['NODE_ENV'];
  });
});
