// Forms of N fields for the benchmarks, cycling through the field types of the demo, and the same
// fields as `data-dojo-type` markup for the parser baseline (the Dojango way).
import * as z from 'zod';
import { escapeHtml } from '../server/common/escape.js';
import { type FieldOptions, type FormDefinition as Form } from '../server/index.js';
import { FormDefinition } from '../server/forms/define.js';
import { ROW } from '../server/forms/model/schema-facts.js';

const CHOICES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] as const;

/** The schema and options of field i (8 kinds in turn). */
function field(i: number): { schema: z.ZodType; options: FieldOptions } {
  switch (i % 8) {
    case 0:
      return { schema: z.string().min(2).max(16).regex(/^\w+$/), options: { label: `Name ${i}`, messages: { invalid: 'Letters, digits, underscore' } } };
    case 1:
      return { schema: z.number().min(0).max(1000), options: { label: `Amount ${i}` } };
    case 2:
      return { schema: z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')), options: { label: `Day ${i}` } };
    case 3:
      return { schema: z.enum(CHOICES), options: { label: `Choice ${i}` } };
    case 4:
      return { schema: z.boolean(), options: { label: `Flag ${i}` } };
    case 5:
      return { schema: z.iso.time(), options: { label: `Time ${i}` } };
    case 6:
      return { schema: z.number().min(0).max(24).multipleOf(0.25), options: { label: `Hours ${i}` } };
    default:
      return { schema: z.string().max(1000).optional(), options: { label: `Notes ${i}` } };
  }
}

export function schemaAndOptions(n: number) {
  const shape: Record<string, z.ZodType> = {};
  const fields: Record<string, FieldOptions> = {};
  for (let i = 0; i < n; i++) {
    const f = field(i);
    shape[`f${i}`] = f.schema;
    fields[`f${i}`] = f.options;
  }
  return { schema: z.object(shape), options: { submitLabel: 'Save', fields } };
}

/** A compiled form of n fields, named `bench<n>`. */
export function benchForm(n: number): Form {
  const { schema, options } = schemaAndOptions(n);
  return new FormDefinition(`bench${n}`, schema, options as never);
}

/** Rows of the bench's list page: a list of this many rows of three fields, shown filled (an edit page). */
export const LIST_ROWS = 200;

/** A form of one list of rows (product, quantity, note), named `benchlist`. */
export function benchList(): Form {
  const row = z.object({ product: z.enum(CHOICES), quantity: z.int().min(1).max(99), note: z.string().max(100).optional() });
  return new FormDefinition('benchlist', z.object({ items: z.array(row).min(1).max(LIST_ROWS) }), {
    submitLabel: 'Save',
    fields: { items: { label: 'Lines', itemLabel: 'Line' }, 'items.product': { label: 'Product' }, 'items.quantity': { label: 'Quantity' }, 'items.note': { label: 'Note' } },
  } as never);
}

/** The list's record: `rows` rows, as an edit page shows them. */
export const listRecord = (rows: number) => ({ items: Array.from({ length: rows }, (_, i) => ({ product: CHOICES[i % CHOICES.length] as (typeof CHOICES)[number], quantity: (i % 99) + 1, note: `line ${i}` })) });

/** The list's record as posted names and values (`items.3.quantity`: '4'), for the parser page. */
export const listValues = (rows: number): Record<string, string> =>
  Object.fromEntries(listRecord(rows).items.flatMap((item, i) => Object.entries(item).map(([name, v]) => [`items.${i}.${name}`, String(v)])));

/** A valid POST body for the form (urlencoded). */
export function validBody(n: number): string {
  const values = [(i: number) => `name_${i}`, () => '12.5', () => '2026-03-14', () => 'beta', () => 'on', () => 'T09:30:00', () => '7.75', () => 'free text'];
  return Array.from({ length: n }, (_, i) => `f${i}=${encodeURIComponent(values[i % 8]?.(i) ?? '')}`).join('&');
}

/**
 * The same fields as declarative markup for dojo/parser: what the Dojango approach renders. A list's row
 * fields are written once per row (`rows` of them), as a Django formset writes its forms, with `values`
 * by posted name (an edit page's values).
 */
export function parserMarkup(form: Form, rows = 0, values: Record<string, string> = {}): string {
  const c = form.compiled;
  const props = (p: Record<string, unknown>) => escapeHtml(JSON.stringify(p).slice(1, -1));
  const fields = c.fields.flatMap((f) => (f.path.includes(ROW) ? Array.from({ length: rows }, (_, i) => ({ ...f, id: f.id.replace(ROW, String(i)), path: f.path.replace(ROW, String(i)) })) : [f]));
  const markup = fields.map((f) => {
    const type = escapeHtml(f.module);
    const label = `<label for="${f.id}">${escapeHtml(f.label)}</label>`;
    const attrs = `id="${f.id}" name="${escapeHtml(f.path)}" data-dojo-type="${type}" data-dojo-props="${props(f.props)}"`;
    const value = values[f.path] ?? '';
    switch (f.markup) {
      case 'select':
        return `<div>${label}<select ${attrs}>${f.choices.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('')}</select></div>`;
      case 'textarea':
        return `<div>${label}<textarea ${attrs}>${escapeHtml(value)}</textarea></div>`;
      case 'checkbox':
        return `<div><input type="checkbox" ${attrs}> ${label}</div>`;
      default:
        return `<div>${label}<input type="text" ${attrs} value="${escapeHtml(value)}"></div>`;
    }
  });
  return `<form id="${c.id}" data-dojo-type="dijit/form/Form" method="post">\n${markup.join('\n')}\n<button type="submit" id="${c.id}-submit" data-dojo-type="dijit/form/Button">Save</button>\n</form>`;
}
