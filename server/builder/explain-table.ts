// `dijitize explain` as text: the inspector's explanation of a form (inspector/explain-form.ts) as terminal
// tables, coloured on a terminal and plain when piped.
import { styleText } from 'node:util';
import Table from 'cli-table3';
import type { FormExplanation } from '../inspector/index.js';

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The tables of one form; `colour` for a terminal. */
export function explainTable(x: FormExplanation, colour: boolean): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(format, text) : text);
  const style = { head: colour ? ['cyan'] : [], border: colour ? ['grey'] : [] };
  const fields = new Table({ head: ['Field', 'Schema', 'Widget (why)', 'Dijit property = value ← from'], style, wordWrap: true, colWidths: [22, 26, 34, 52] });
  for (const f of x.fields) {
    fields.push([
      `${f.path}${f.within === 'form' ? '' : `\n(${f.within})`}`,
      [f.kind, ...f.facts].join('\n'),
      `${f.widget.replace('dijit/form/', '')}${f.module === f.widget ? '' : `\nas ${f.module}`}\n(${f.why})`,
      [...f.props.map((p) => `${p.name} = ${shown(p.value)} ← ${p.from}`), ...f.asks].join('\n') || '-',
    ]);
  }
  const lines = [paint('bold', `Form "${x.name}"`) + ` ${x.method.toUpperCase()} ${x.action || '(the page itself)'}${x.serverChecks ? ', with server checks (parseAsync)' : ''}`, fields.toString()];
  for (const u of x.uploads) lines.push(`file ${u.path}: ${u.facts.join(', ')}`);
  if (x.access) {
    const paths = x.fields.filter((f) => f.within === 'form').map((f) => f.path);
    const access = new Table({ head: ['Role', ...paths], style });
    for (const role of x.access.roles) access.push([role, ...paths.map((p) => x.access?.matrix[role]?.[p] ?? 'hidden')]);
    lines.push(paint('bold', 'Access'), access.toString());
  }
  for (const l of x.locales.slice(1)) {
    if (l.fallbacks.length) lines.push(paint('yellow', `${l.locale}: shown in ${x.locales[0]?.locale}: ${l.fallbacks.join(', ')}`));
  }
  lines.push(`${paint('bold', 'Modules')}: ${x.modules.join(', ')}`);
  if (x.draft) lines.push(`Draft: ${x.draft}`);
  return `${lines.join('\n')}\n`;
}
