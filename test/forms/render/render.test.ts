import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { FormDefinition } from '../../../server/forms/define.js';
import { defineForm } from '../../../server/index.js';
import { MAX_SUMMARY_LINKS } from '../../../server/forms/render/form-html.js';
import { requestDojo } from '../../new-request-dojo.js';
import { renderHead } from '../../../server/http/head-tag.js';

const HOSTILE = `</script><script>alert(1)</script><!--"'&\u2028`;
const form = new FormDefinition(
  'h',
  z.object({ name: z.string().max(40), color: z.enum(['red', 'x"y']), agree: z.boolean(), tags: z.array(z.enum(['a', 'b'])) }),
  {
    submitLabel: HOSTILE,
    fields: {
      name: { label: HOSTILE, help: HOSTILE, messages: { invalid: HOSTILE } },
      color: { choices: { red: HOSTILE } },
      tags: { widget: 'dijit/form/CheckBox' },
    },
  },
);
const page = requestDojo;

describe('rendering a form', () => {
  it('plain HTML: labels for ids, names, values kept, errors beside fields, all escaped', () => {
    const html = page().form(form, { values: { name: HOSTILE, color: 'x"y', agree: 'on', tags: ['b'] }, errors: { name: HOSTILE }, formErrors: [HOSTILE] }).html;
    assert.ok(!html.includes('<script'), html);
    assert.ok(!html.includes('<!--'));
    assert.ok(html.includes('<label for="h-name">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&quot;&#39;&amp;\u2028</label>'));
    assert.ok(html.includes('name="name" aria-describedby="h-name-help h-name-error" aria-invalid="true" value="&lt;/script&gt;'));
    assert.ok(html.includes('<span class="dijitize-error" id="h-name-error" role="alert">&lt;/script&gt;'));
    assert.ok(html.includes('<option value="x&quot;y" selected>x&quot;y</option>'));
    assert.ok(html.includes('<input type="checkbox" id="h-agree" name="agree" value="on" checked>'));
    assert.ok(html.includes('<input type="checkbox" id="h-tags-1" name="tags" value="b" checked>'));
    assert.ok(html.includes('<li>&lt;/script&gt;'));
    assert.ok(html.includes('<input type="text" id="h-name" name="name"'));
    assert.ok(html.includes('maxlength="40"'));
  });

  it('inline mode: the ready code calls forms.build with the very spec the form function gets, and cannot break out of its script', () => {
    const state = { values: { name: HOSTILE }, errors: { name: HOSTILE } };
    const d = page();
    d.form(form, state);
    const head = renderHead(d);
    const code = head.slice(head.lastIndexOf('<script>') + 8, head.lastIndexOf('</script>'));
    assert.ok(!code.includes('</script'), code);
    assert.ok(!code.includes('<!--'));
    assert.ok(!code.includes('\u2028'));
    // Run the page's require([...]) with a loader that records what dijitize/forms.build receives.
    const built: unknown[] = [];
    const loader = (mids: string[], ready: (...modules: unknown[]) => void) =>
      ready(...mids.map((mid) => (mid === 'dijitize/forms' ? { build: (spec: unknown) => built.push(spec) } : {})));
    new Function('require', code)(loader);
    const islandPage = page({ formFunction: { module: 'dijitize/forms', fn: 'build' } });
    const island = /<script type="application\/json" id="h-dijitize">(.*)<\/script>/s.exec(islandPage.form(form, state).html)?.[1] ?? '';
    assert.deepEqual(built, [JSON.parse(island)]);
    const spec = built[0] as { widgets: Array<{ module: string; props: Record<string, unknown>; error?: string; choices?: unknown }> };
    assert.deepEqual(spec.widgets[0], { module: 'dijitize/Form', node: 'h', props: { action: '', method: 'post' } });
    // A text box's value travels once, in its control; its widget reads it from there.
    assert.equal(spec.widgets[1]?.props['value'], undefined);
    assert.equal(spec.widgets[1]?.error, '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&quot;&#39;&amp;\u2028');
    // A select's choices come as a store: Dijit would otherwise read each <option>'s innerText (a forced layout).
    assert.deepEqual(spec.widgets[2]?.choices, [['red', HOSTILE], ['x"y', 'x"y']]);
  });

  it('form-function mode: the spec goes in a JSON island and the form function is a ready call', () => {
    const d = page({ formFunction: { module: 'dijitize/forms', fn: 'build' } });
    const html = d.form(form, { values: { name: HOSTILE } }).html;
    const island = /<script type="application\/json" id="h-dijitize">(.*)<\/script>/s.exec(html)?.[1] ?? '';
    assert.ok(!island.includes('<'));
    const spec = JSON.parse(island);
    assert.equal(spec.widgets[0].module, 'dijitize/Form');
    assert.equal(spec.widgets[1].props.value, undefined); // in the control only
    assert.ok(html.includes('value="&lt;/script&gt;'));
    assert.deepEqual(spec.widgets[2].choices, [['red', HOSTILE], ['x"y', 'x"y']]);
    assert.deepEqual(d.ready.at(-1), { kind: 'call', module: 'dijitize/forms', fn: 'build', args: ['h-dijitize'] });
    assert.ok(d.modules.includes('dijitize/forms'));
  });

  it('Dijit shows labels and messages as HTML: the button label and server errors are escaped for it', () => {
    const d = page({ formFunction: { module: 'dijitize/forms', fn: 'build' } });
    const html = d.form(form, { errors: { name: '<b>x</b>' } }).html;
    const spec = JSON.parse(/<script type="application\/json" id="h-dijitize">(.*)<\/script>/s.exec(html)?.[1] ?? '');
    assert.equal(spec.widgets.at(-1).props.label, '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&quot;&#39;&amp;\u2028');
    assert.equal(spec.widgets[1].error, '&lt;b&gt;x&lt;/b&gt;');
  });

  it('never sends a password back: not in the HTML, the inline code or the spec, not even from existing data', () => {
    const login = new FormDefinition('login', z.object({ user: z.string(), secret: z.string().min(8) }), { fields: { secret: { password: true } } });
    for (const settings of [{}, { formFunction: { module: 'dijitize/forms', fn: 'build' } }]) {
      for (const state of [{ values: { user: 'ada', secret: 'hunter2-typed' }, errors: { secret: 'too short' } }, login.initial({ user: 'ada', secret: 'hunter2-typed' })]) {
        const d = page(settings);
        const html = d.form(login, state).html + renderHead(d);
        assert.ok(html.includes('ada'), 'other values are kept');
        assert.ok(!html.includes('hunter2'), html);
      }
    }
  });

  it('shows the schema defaults when nothing was sent', () => {
    const defaults = new FormDefinition('d', z.object({
      name: z.string().default('Ada'),
      agree: z.boolean().default(true),
      day: z.date().default(new Date(Date.UTC(2026, 2, 14))),
      tags: z.array(z.enum(['a', 'b'])).default(['b']),
    }));
    const html = page({ csrf: false }).form(defaults).html;
    assert.ok(html.includes('name="name" value="Ada"'));
    assert.ok(html.includes('<input type="checkbox" id="d-agree" name="agree" value="on" checked>'));
    assert.ok(html.includes('name="day" value="2026-03-14"'));
    assert.ok(html.includes('<option value="b" selected>b</option>'));
  });

  it('renders without Dojo when disabled: plain HTML, nothing registered', () => {
    const d = page({ enabled: false });
    const html = d.form(form).html;
    assert.ok(html.startsWith('<form id="h"'));
    assert.deepEqual(d.ready, []);
  });
});

describe('the error summary', () => {
  const contact = defineForm('summary-contact', z.object({ order: z.string().regex(/^ORD-\d{6}$/), email: z.email() }), {
    fields: { order: { label: 'Order number' }, email: { label: 'Email' } },
  });

  it('names the field in each link, and says a pattern\'s failure in words (never the pattern)', () => {
    const result = contact.parse({ order: 'ORD-12', email: 'x' });
    assert.equal(result.ok, false);
    assert.equal(result.state.errors['order'], 'The value entered is not valid.');
    const html = requestDojo({ csrf: false }).form(contact, result.state).html;
    assert.match(html, /<a href="#summary-contact-order">Order number: The value entered is not valid\.<\/a>/);
    assert.match(html, /<a href="#summary-contact-email">Email: [^<]+<\/a>/);
    assert.doesNotMatch(html, /must match|Invalid string/);
  });

  it('links at most MAX_SUMMARY_LINKS fields and counts the rest (a flood of errors is not a flood of page)', () => {
    const many = defineForm('summary-many', z.object(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`q${i}`, z.string().min(1)]))));
    const result = many.parse({});
    assert.equal(Object.keys(result.state.errors).length, 30);
    const html = requestDojo({ csrf: false }).form(many, result.state).html;
    const summary = html.slice(html.indexOf('dijitize-error-summary'), html.indexOf('</ul>'));
    assert.equal((summary.match(/<li><a /g) ?? []).length, MAX_SUMMARY_LINKS);
    assert.match(summary, new RegExp(`<li>And ${30 - MAX_SUMMARY_LINKS} more, shown at their fields\\.</li>`));
  });

  it('says a pattern\'s failure in the request\'s locale (Dijit\'s own text)', () => {
    const result = contact.parse({ order: 'x', email: 'a@b.de' }, { locale: 'de' });
    assert.equal(result.ok, false);
    assert.doesNotMatch(result.state.errors['order'] ?? '', /pattern|Invalid/);
  });
});
