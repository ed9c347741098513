import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import * as z from 'zod';
import { defineForm, renderHead, useDijitize } from '../../server/index.js';
import { requestDojo } from '../new-request-dojo.js';


/** Positions of each needle in the haystack, asserting all are present. */
function positions(html: string, needles: string[]): number[] {
  return needles.map((n) => {
    const at = html.indexOf(n);
    assert.ok(at >= 0, `missing ${n} in\n${html}`);
    return at;
  });
}

describe('{% dojo %} head tag', () => {
  it('emits theme CSS, extra stylesheets, dojoConfig, dojo.js, then one require with the callbacks, in that order', () => {
    const d = requestDojo();
    d.addStylesheet('/app.css').require('app/main').onReady('function () { two(); }').prependReady({ module: 'app/main', fn: 'start', args: [1] });
    const html = renderHead(d);
    const at = positions(html, [
      '<link rel="stylesheet" href="/dojo/dijit/themes/claro/claro.css">',
      '<link rel="stylesheet" href="/app.css">',
      '<script>var dojoConfig = {"async":true,"parseOnLoad":false,"isDebug":false,"locale":"en-us","packages":[{"name":"dijitize","location":"/dojo/dijitize"}]};</script>',
      '<script src="/dojo/dojo/dojo.js"></script>',
      '<script>require(["app/main","dojo/domReady!"], function (m0) {\nm0["start"].apply(m0, [1]);\n(function () { two(); })();\n});</script>',
    ]);
    assert.deepEqual([...at].sort((a, b) => a - b), at);
    assert.equal(html.match(/require\(/g)?.length, 1);
  });

  it('emits nothing when disabled, and the body class is empty', () => {
    const d = requestDojo({ enabled: false });
    d.onReady('function () {}');
    assert.equal(renderHead(d), '');
    assert.equal(d.bodyClass, '');
  });

  it('escapes every value for its context', () => {
    const d = requestDojo();
    d.addStylesheet('/x.css?a=1&b="><script>alert(1)</script>');
    d.config.packages.push({ name: 'evil', location: '</script><script>alert(1)</script>\u2028' });
    d.onReady({ module: 'app/main', fn: 'start', args: ['</script><!--', "'\"\\"] });
    const html = renderHead(d);
    assert.ok(html.includes('href="/x.css?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.ok(html.includes('"location":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028"'));
    assert.ok(html.includes('["\\u003c/script\\u003e\\u003c!--","\'\\"\\\\"]'));
    // Only our own four tags open or close a script.
    assert.equal(html.match(/<script/g)?.length, 3);
    assert.equal(html.match(/<\/script>/g)?.length, 3);
  });

  it('puts a per-request CSP nonce on every script', () => {
    const d = requestDojo();
    d.nonce = 'r4nd"om';
    const html = renderHead(d);
    assert.equal(html.match(/<script/g)?.length, 3);
    assert.equal(html.match(/<script[^>]* nonce="r4nd&quot;om"/g)?.length, 3);
  });

  it('says everything as data when a form function is set: no inline script at all', () => {
    const d = requestDojo({ formFunction: { module: 'dijitize/forms', fn: 'build' } });
    d.onReady({ module: 'app/main', fn: 'start', args: ['</script>'] });
    const html = renderHead(d);
    positions(html, [
      '<script type="application/json" id="dijitize-boot">{"dojoConfig":',
      '"ready":[{"module":"app/main","fn":"start","args":["\\u003c/script\\u003e"]}]}</script>',
      '<script src="/dojo/dijitize/boot.js" data-island="dijitize-boot"></script>',
      '<script src="/dojo/dojo/dojo.js"></script>',
    ]);
    const inline = (html.match(/<script[^>]*>/g) ?? []).filter((tag) => !/ src=| type="application\/json"/.test(tag));
    assert.deepEqual(inline, []);
  });

  it('uses a CDN dojo.js and its theme, but serves flat and the client locally', () => {
    const d = requestDojo({ src: 'https://cdn.example.org/dojo/1.17.3/dojo/dojo.js' });
    assert.ok(renderHead(d).includes('href="https://cdn.example.org/dojo/1.17.3/dijit/themes/claro/claro.css"'));
    assert.ok(renderHead(d).includes('<script src="https://cdn.example.org/dojo/1.17.3/dojo/dojo.js">'));
    d.theme = 'flat';
    assert.ok(renderHead(d).includes('href="/dojo/dojo-themes/flat/flat.css"'));
  });

  it('works as {% dojo %} and {% dojo request.dojo %} in Nunjucks', () => {
    const env = useDijitize(new nunjucks.Environment(null, { autoescape: true }));
    const d = requestDojo();
    const plain = env.renderString('<head>{% dojo %}</head>', { dojo: d });
    const named = env.renderString('<head>{% dojo request.dojo %}</head>', { request: { dojo: d } });
    assert.equal(plain, `<head>${renderHead(d)}</head>`);
    assert.equal(named, plain);
    assert.throws(() => env.renderString('{% dojo %}', {}), /found no req.dojo/);
  });

  it("a blank form's spec goes into every page's head as the same JSON, made once, not per page", () => {
    const form = defineForm('head-once', z.object({ a: z.string(), b: z.number() }));
    const head = () => {
      const d = requestDojo({ csrf: false });
      d.form(form);
      return renderHead(d);
    };
    const first = head();
    const stringify = JSON.stringify;
    let specs = 0;
    JSON.stringify = ((value: unknown, ...rest: []) => {
      const json = stringify(value, ...rest);
      if (json?.includes('"widgets":')) specs++;
      return json;
    }) as typeof JSON.stringify;
    try {
      assert.equal(head(), first);
    } finally {
      JSON.stringify = stringify;
    }
    assert.equal(specs, 0);
  });
});
