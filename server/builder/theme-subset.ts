// A release's theme stylesheet cut to the widgets its layer holds. A Dijit theme styles every widget
// (tabs, trees, editors, dialogs, sliders...), and every page loads the whole file: claro is 138 KB, 14.7 KB
// with brotli. A rule goes when each of its selectors names a class of a widget family none of whose
// modules is in the layer, and which the layer's code and templates never mention (Button's template
// holds dijitToggleButtonIconChar, hidden by a rule of the toggle button's family); everything else stays,
// in order. The stylesheet is parsed with postcss.
import fs from 'node:fs';
import postcss, { type Root } from 'postcss';
import { log } from '../common/log.js';

/**
 * Class-name prefixes of Dijit's widget families, and the modules that draw them: a family's rules stay
 * when any of those modules is in the layer. The first prefix that matches a class decides, so longer
 * prefixes come first. Classes of no family (dijitReset, dijitButton, dijitTextBox...) always stay.
 */
export const WIDGET_FAMILIES: ReadonlyArray<readonly [prefix: string, modules: readonly string[]]> = [
  ['dijitTooltipDialog', ['dijit/TooltipDialog']],
  ['dijitTooltip', ['dijit/Tooltip']],
  ['dijitDialog', ['dijit/Dialog', 'dijit/TooltipDialog']],
  ['dijitTab', ['dijit/layout/TabController']],
  ['dijitStack', ['dijit/layout/StackContainer', 'dijit/layout/StackController']],
  ['dijitAccordion', ['dijit/layout/AccordionContainer']],
  ['dijitBorderContainer', ['dijit/layout/BorderContainer']],
  ['dijitSplitContainer', ['dijit/layout/SplitContainer']],
  ['dijitSplitter', ['dijit/layout/BorderContainer']],
  ['dijitGutter', ['dijit/layout/BorderContainer']],
  ['dijitContentPane', ['dijit/layout/ContentPane']],
  ['dijitTree', ['dijit/Tree']],
  ['dijitFolder', ['dijit/Tree']],
  ['dijitLeaf', ['dijit/Tree']],
  ['dijitExpando', ['dijit/Tree']],
  ['dijitToolbar', ['dijit/Toolbar']],
  ['dijitEditor', ['dijit/_editor/RichText']],
  ['dijitTitlePane', ['dijit/TitlePane']],
  ['dijitFieldset', ['dijit/Fieldset']],
  ['dijitProgressBar', ['dijit/ProgressBar']],
  ['dijitColorPalette', ['dijit/ColorPalette']],
  ['dijitPalette', ['dijit/_PaletteMixin']],
  ['dijitInlineEdit', ['dijit/InlineEditBox']],
  ['dijitSlider', ['dijit/form/HorizontalSlider', 'dijit/form/VerticalSlider']],
  ['dijitRule', ['dijit/form/HorizontalRule', 'dijit/form/VerticalRule', 'dijit/form/HorizontalRuleLabels', 'dijit/form/VerticalRuleLabels']],
  ['dijitMenuBar', ['dijit/MenuBar']],
  // A combo box's list of choices is drawn as a menu.
  ['dijitMenu', ['dijit/_MenuBase', 'dijit/form/_ComboBoxMenu']],
  ['dijitRadioMenuItem', ['dijit/RadioMenuItem']],
  ['dijitCheckedMenuItem', ['dijit/CheckedMenuItem']],
  ['dijitCalendar', ['dijit/CalendarLite']],
  ['dijitTimePicker', ['dijit/_TimePicker']],
  ['dijitSpinner', ['dijit/form/_Spinner']],
  ['dijitSelect', ['dijit/form/Select']],
  ['dijitComboButton', ['dijit/form/ComboButton']],
  ['dijitDropDownButton', ['dijit/form/DropDownButton']],
  ['dijitComboBox', ['dijit/form/ComboBoxMixin']],
  ['dijitToggleButton', ['dijit/form/ToggleButton']],
  ['dijitCheckBox', ['dijit/form/CheckBox']],
  ['dijitRadio', ['dijit/form/RadioButton']],
];

/** What a built layer holds, as the theme's cut needs it. */
export interface LayerContents {
  /** The modules of its module cache. */
  modules: ReadonlySet<string>;
  /** Whether its text (code and interned templates) mentions a class name. */
  mentions(className: string): boolean;
}

/** Reads a built layer: its modules are the keys of its module cache, `"dijit/form/Button":function(){`. */
export function layerContents(layerSource: string): LayerContents {
  const modules = new Set([...layerSource.matchAll(/["']([\w./-]+)["']\s*:\s*function\s*\(\)\s*\{/g)].map((m) => m[1] as string));
  const mentioned = new Map<string, boolean>();
  return {
    modules,
    mentions: (name) => {
      let found = mentioned.get(name);
      if (found === undefined) mentioned.set(name, (found = layerSource.includes(name)));
      return found;
    },
  };
}

/** Whether a selector styles only a widget the layer lacks (a class inside :not() styles nothing itself). */
function selectsMissingWidget(selector: string, layer: LayerContents): boolean {
  const classes = selector.replace(/:not\([^)]*\)/g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g);
  for (const [, name] of classes) {
    const family = WIDGET_FAMILIES.find(([prefix]) => (name as string).startsWith(prefix));
    if (family && !family[1].some((mid) => layer.modules.has(mid)) && !layer.mentions(name as string)) return true;
  }
  return false;
}

/** Removes the rules (and selectors of a list) that style only widgets the layer lacks, then emptied at-rules. */
export function keepUsedRules(root: Root, layer: LayerContents): void {
  root.walkRules((rule) => {
    // Keyframe steps (from, to, 50%) are not selectors of elements.
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as postcss.AtRule).name)) return;
    const kept = rule.selectors.filter((s) => !selectsMissingWidget(s, layer));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
}

/**
 * Rewrites a built theme stylesheet in place with only the rules its layer's widgets need.
 * @returns the file's size before and after, in bytes
 */
export function subsetTheme(file: string, layer: LayerContents): { before: number; after: number } {
  const css = fs.readFileSync(file, 'utf8');
  let out: string;
  try {
    const root = postcss.parse(css, { from: file });
    keepUsedRules(root, layer);
    out = root.toString();
  } catch (err) {
    // A stylesheet the cut cannot read (postcss's recursion on rules nested thousands deep) is kept whole:
    // a larger theme, never a failed build.
    log.build('theme %s kept whole: %s', file, err instanceof Error ? err.message : String(err));
    return { before: Buffer.byteLength(css), after: Buffer.byteLength(css) };
  }
  fs.writeFileSync(file, out);
  return { before: Buffer.byteLength(css), after: Buffer.byteLength(out) };
}
