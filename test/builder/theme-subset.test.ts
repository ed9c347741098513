// The theme stylesheet cut to the layer's widgets: rules of a widget family with no module in the layer
// go, everything else stays as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import postcss from 'postcss';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepUsedRules, layerContents, subsetTheme } from '../../server/builder/theme-subset.js';

/** A layer of these modules, whose text mentions these class names too. */
const layerOf = (modules: string[], mentioned: string[] = []) => layerContents(modules.map((m) => `"${m}":function(){}`).join(',') + mentioned.join(' '));
const cut = (css: string, modules: string[], mentioned: string[] = []) => {
  const root = postcss.parse(css);
  keepUsedRules(root, layerOf(modules, mentioned));
  return root.toString();
};

describe('theme rules of the layer’s widgets', () => {
  it('drops the rules of a family the layer lacks and keeps the rest, whatever names no family', () => {
    const css = '.claro .dijitTreeNode { color: red; }\n.claro .dijitCalendar { color: blue; }\n.dijitReset { margin: 0; }\nbody { font: 1em serif; }';
    assert.equal(cut(css, ['dijit/CalendarLite']), '.claro .dijitCalendar { color: blue; }\n.dijitReset { margin: 0; }\nbody { font: 1em serif; }');
    assert.equal(cut(css, ['dijit/CalendarLite', 'dijit/Tree']), css, 'every rule of a layer with both stays');
  });

  it('keeps the selectors of a list that style something the layer has', () => {
    assert.equal(cut('.dijitTab, .dijitSpinner .dijitArrowButton { border: 0; }', ['dijit/form/_Spinner']), '.dijitSpinner .dijitArrowButton { border: 0; }');
  });

  it('a family is decided by its longest prefix: a tooltip dialog is not a tooltip, a menu bar not a menu', () => {
    const css = '.dijitTooltip { a: 1; }\n.dijitTooltipDialog { b: 2; }\n.dijitMenu { c: 3; }\n.dijitMenuBar { d: 4; }';
    assert.equal(cut(css, ['dijit/Tooltip', 'dijit/form/_ComboBoxMenu']), '.dijitTooltip { a: 1; }\n.dijitMenu { c: 3; }');
  });

  it('a class inside :not() styles nothing itself; an emptied @media goes, keyframes stay', () => {
    assert.equal(cut('.dijitButton:not(.dijitTab) { a: 1; }', []), '.dijitButton:not(.dijitTab) { a: 1; }');
    assert.equal(cut('@media print { .dijitTree { a: 1; } }\n@keyframes spin { from { a: 1; } to { a: 2; } }', []), '@keyframes spin { from { a: 1; } to { a: 2; } }');
  });

  it('keeps a rule for a class the layer mentions, of whatever family: Button\'s template hides its toggle icon', () => {
    const css = '.dijitToggleButtonIconChar { display: none; }\n.dijitToggleButtonChecked { a: 1; }';
    assert.equal(cut(css, ['dijit/form/Button'], ['<span class="dijitReset dijitToggleButtonIconChar">']), '.dijitToggleButtonIconChar { display: none; }');
  });

  it('reads the modules of a built layer from its module cache, minified or not', () => {
    const layer = 'require({cache:{"dijit/form/Button":function(){define([],function(){})},\n\'dojo/on\': function () {}}});';
    assert.deepEqual([...layerContents(layer).modules].sort(), ['dijit/form/Button', 'dojo/on']);
  });

  it('a stylesheet nested 5,000 deep (postcss cannot read it) is kept whole, never a crash of the build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-theme-'));
    const file = path.join(dir, 'deep.css');
    const css = `${'@media screen {'.repeat(5000)}.dijitTreeNode { color: red; }${'}'.repeat(5000)}`;
    fs.writeFileSync(file, css);
    try {
      assert.deepEqual(subsetTheme(file, layerOf(['dijit/form/Button'])), { before: css.length, after: css.length });
      assert.equal(fs.readFileSync(file, 'utf8'), css);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
