// Inline mode: a form's widget instances -> the JavaScript that creates them inside a require([...]),
// through formSupport.create(Widget, {...}, node), as the form function does. Every value is a JSON
// literal made safe for an inline script.
import { scriptJson } from '../escape.js';
import type { FormSpec } from './widget-spec.js';

export const SUPPORT_MODULE = 'dijitize/formSupport';

/** A readable, unique variable name for each module (`dijit/form/DateTextBox` -> `DateTextBox`). */
function variableNames(modules: string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const mid of modules) {
    const base = (mid.split('/').pop() ?? 'm').replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(\d)/, '_$1');
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    taken.add(name);
    names.set(mid, name);
  }
  return names;
}

/** A function expression (a ready callback) that creates the form's widgets. */
export function inlineFormCode(spec: FormSpec): string {
  const names = variableNames(spec.modules);
  const name = (mid: string) => names.get(mid) as string;
  const support = name(SUPPORT_MODULE);
  const lines: string[] = [];
  spec.widgets.forEach((w, i) => {
    const props = w.choices ? `${support}.withChoices(${scriptJson(w.props)}, ${scriptJson(w.choices)})` : scriptJson(w.props);
    const args = [name(w.module), props, scriptJson(w.node), ...(w.extras ? [scriptJson(w.extras)] : [])];
    const create = `${support}.create(${args.join(', ')})`;
    if (i === 0) lines.push(`var form = ${create};`);
    else if (w.error) lines.push(`${support}.showServerError(${create}, ${scriptJson(w.error)});`);
    else lines.push(`${create};`);
  });
  lines.push(`${support}.guardSubmit(form${spec.counts.length ? `, ${scriptJson(spec.counts)}` : ''});`, 'form.startup();');
  const params = spec.modules.map(name).join(', ');
  return `function () {\n  require(${scriptJson(spec.modules)}, function (${params}) {\n    ${lines.join('\n    ')}\n  });\n}`;
}
