// Property test of escaping: 10,000 generated strings per context, rich in the characters that break out
// of each (`</script>`, `<!--`, quotes, backslashes, U+2028/U+2029), parsed back by a real HTML parser
// (parse5, the WHATWG algorithm) and, for scripts, run or JSON-parsed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { escapeHtml, scriptJson } from '../../server/common/escape.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = ['</script>', '</SCRIPT >', '<script>', '<!--', '-->', '<!-- <script>', '"', "'", '`', '\\', '\\u2028', '\u2028', '\u2029', '<', '>', '&', '&amp;', '&#x3c;', ']]>', '${', '</p>', '/*', '*/', '//', '\n'];
// HTML's input stream turns CR into LF and NUL into U+FFFD before any escaping can matter: leave them out.
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 3 })), maxLength: 30 }).filter((s) => !/[\r\0]/.test(s));
const RUNS = { numRuns: 10_000 };

function elements(node: Node, name: string, out: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === name) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, name, out);
  if ('content' in node && node.content) elements(node.content as Node, name, out);
  return out;
}
const textOf = (el: Element) => el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');

describe('escaping, property-based (10,000 strings per context)', () => {
  it('HTML text: the parsed text is the original string, and no element appears', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = parse(`<!DOCTYPE html><body><p>${escapeHtml(s)}</p></body>`);
        const [p] = elements(doc, 'p');
        assert.ok(p);
        assert.equal(textOf(p), s);
        assert.equal(p.childNodes.length <= 1, true);
        assert.equal(elements(doc, 'script').length, 0);
      }),
      RUNS,
    );
  });

  it('HTML attributes: the parsed value is the original string', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = parse(`<!DOCTYPE html><body><p title="${escapeHtml(s)}" id="x"></p></body>`);
        const [p] = elements(doc, 'p');
        assert.deepEqual(p?.attrs, [{ name: 'title', value: s }, { name: 'id', value: 'x' }]);
      }),
      RUNS,
    );
  });

  it('inline JavaScript: one script element, and running it yields the original string', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = parse(`<!DOCTYPE html><head><script>out.v = ${scriptJson({ v: s, list: [s] })};</script></head>`);
        const scripts = elements(doc, 'script');
        assert.equal(scripts.length, 1);
        const out: { v?: { v: string; list: string[] } } = {};
        new Function('out', textOf(scripts[0] as Element))(out);
        assert.deepEqual(out.v, { v: s, list: [s] });
      }),
      RUNS,
    );
  });

  it('JSON islands: one script element whose text JSON-parses to the original', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = parse(`<!DOCTYPE html><body><script type="application/json" id="i">${scriptJson({ [s]: s })}</script><p>after</p></body>`);
        const scripts = elements(doc, 'script');
        assert.equal(scripts.length, 1);
        assert.deepEqual(JSON.parse(textOf(scripts[0] as Element)), { [s]: s });
        assert.equal(elements(doc, 'p').length, 1);
      }),
      RUNS,
    );
  });
});
