// zod 4 -> what each field of a form is. The only file that reads zod internals, and it reads only the
// public definitions (`schema.def`, the checks in `def.checks`), never `_zod.bag`, which zod 4.6 empties.
import type * as z from 'zod';
import { toIsoDay } from '../../common/iso-day.js';
import { DefinitionProblem } from '../../common/errors.js';
import { type ListFacts, ROW, type SchemaFacts, type SchemaNode, type UnionFacts, type UploadFacts } from '../model/schema-facts.js';

type AnySchema = z.ZodType;
interface CheckDef {
  check: string;
  [key: string]: unknown;
}

const defOf = (schema: AnySchema) => schema.def as unknown as Record<string, unknown> & { type: string };
/** A schema's checks; formats such as z.email() or z.int() are checks themselves, so their own def counts. */
const checksOf = (schema: AnySchema): CheckDef[] => {
  const def = defOf(schema);
  const own = typeof def['check'] === 'string' ? [def as unknown as CheckDef] : [];
  return [...own, ...((def['checks'] as Array<{ _zod: { def: CheckDef } }> | undefined) ?? []).map((c) => c._zod.def)];
};

const isoDay = (value: unknown): string => (value instanceof Date ? toIsoDay(value) : String(value));

/** Formats whose own pattern is a good client-side check; `url` has none in zod, so it gets ours. */
const URL_PATTERN = String.raw`https?:\/\/[^\s\/$.?#][^\s]*`;

function readStringChecks(facts: SchemaFacts, schema: AnySchema): void {
  const apply = (check: CheckDef & { format?: string; pattern?: RegExp }) => {
    switch (check.check) {
      case 'min_length':
        facts.minLength = Math.max(facts.minLength ?? 0, check['minimum'] as number);
        break;
      case 'max_length':
        facts.maxLength = Math.min(facts.maxLength ?? Infinity, check['maximum'] as number);
        break;
      case 'length_equals':
        facts.minLength = facts.maxLength = check['length'] as number;
        break;
      case 'string_format': {
        const format = check.format ?? 'regex';
        if (format === 'date') facts.kind = 'isoDate';
        else if (format === 'time') facts.kind = 'time';
        else {
          if (format !== 'regex') facts.format = format;
          if (check.pattern) facts.patterns.push({ source: check.pattern.source, flags: check.pattern.flags, from: format });
          else if (format === 'url') facts.patterns.push({ source: URL_PATTERN, flags: '', from: format });
        }
        break;
      }
    }
  };
  for (const check of checksOf(schema)) apply(check as CheckDef & { format?: string; pattern?: RegExp });
}

function readBounds(facts: SchemaFacts, schema: AnySchema, asValue: (v: unknown) => number | string): void {
  for (const check of checksOf(schema)) {
    if (check.check === 'greater_than') {
      facts.min = asValue(check['value']);
      facts.minExclusive = !check['inclusive'];
    } else if (check.check === 'less_than') {
      facts.max = asValue(check['value']);
      facts.maxExclusive = !check['inclusive'];
    } else if (check.check === 'multiple_of') {
      facts.step = check['value'] as number;
    } else if (check.check === 'number_format') {
      const format = check['format'] as string;
      if (format === 'safeint' || format.startsWith('int') || format.startsWith('uint')) facts.integer = true;
    }
  }
}

function readArray(facts: SchemaFacts, schema: AnySchema): void {
  const element = introspectField(facts.path, defOf(schema)['element'] as AnySchema);
  if (element.kind === 'enum') {
    facts.kind = 'multiEnum';
    facts.values = element.values ?? [];
  } else if (element.kind === 'string') {
    facts.kind = 'textList'; // typed as one text, `a, b, c`; each element's own checks are the server's
  } else {
    throw new DefinitionProblem(facts.path, `an array field must hold an enum, strings or objects (z.array(z.enum([...])), z.array(z.string()), z.array(z.object({...}))), not ${element.kind}`);
  }
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') facts.minItems = check['minimum'] as number;
    else if (check.check === 'max_length') facts.maxItems = check['maximum'] as number;
    else if (check.check === 'length_equals') facts.minItems = facts.maxItems = check['length'] as number;
  }
  // An empty selection posts nothing (an empty text, no items) and means []: required only with .min(1) or more.
  facts.required = facts.required && (facts.minItems ?? 0) > 0;
}

/**
 * `z.literal(true)` is a box that must be ticked ("accept the terms", zod's idiom); literals of text are a
 * choice among them. Any other literal (false, numbers, null) has no field that could post it: refused.
 */
function readLiteral(facts: SchemaFacts, schema: AnySchema): void {
  const values = defOf(schema)['values'] as unknown[];
  if (values.length === 1 && values[0] === true) {
    facts.kind = 'boolean';
    facts.mustBeTicked = true;
    return;
  }
  if (values.every((v) => typeof v === 'string')) {
    Object.assign(facts, { kind: 'enum', values: values as string[] });
    return;
  }
  throw new DefinitionProblem(facts.path, `z.literal(${values.map((v) => JSON.stringify(v) ?? String(v)).join(', ')}) has no form field: use z.literal(true) for a box that must be ticked, z.boolean() for one that may be, text literals or z.enum([...]) for choices`);
}

/** How each zod type that can be a field is read: its kind, and the checks that matter for it. */
const READERS: Record<string, (facts: SchemaFacts, schema: AnySchema) => void> = {
  string: readStringChecks,
  number: (facts, schema) => readBounds(Object.assign(facts, { kind: 'number' }), schema, Number),
  boolean: (facts) => void (facts.kind = 'boolean'),
  date: (facts, schema) => readBounds(Object.assign(facts, { kind: 'date' }), schema, isoDay),
  enum: (facts, schema) => void Object.assign(facts, { kind: 'enum', values: Object.values(defOf(schema)['entries'] as Record<string, string | number>).map(String) }),
  literal: readLiteral,
  array: readArray,
};

/** Reads one field's schema, unwrapping optional, nullable, default and pipes (coerce, transform). */
export function introspectField(path: string, schema: AnySchema): SchemaFacts {
  const facts: SchemaFacts = { path, kind: 'string', required: true, nullable: false, patterns: [] };
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') facts.required = false;
    else if (def.type === 'nullable') {
      facts.required = false;
      facts.nullable = true;
    } else if (def.type === 'default' || def.type === 'prefault') {
      facts.required = false;
      facts.defaultValue = def['defaultValue'];
    } else if (def.type === 'pipe') {
      current = def['in'] as AnySchema;
      continue;
    } else break;
    current = def['innerType'] as AnySchema;
  }
  const type = defOf(current).type;
  const read = Object.hasOwn(READERS, type) ? READERS[type] : undefined;
  if (!read) throw new DefinitionProblem(path, `zod type "${type}" has no form field; use string, number, boolean, date, enum or an array of enum`);
  read(facts, current);
  return facts;
}

function readUnion(path: string, union: AnySchema, nested: boolean): UnionFacts {
  if (nested) throw new DefinitionProblem(path, 'sections chosen by a discriminator have no form field inside a list or another union yet', 'shapes');
  const key = defOf(union)['discriminator'] as string;
  const branches = (defOf(union)['options'] as AnySchema[]).map((option) => {
    if (defOf(option).type !== 'object') throw new DefinitionProblem(path, 'each branch of a discriminated union must be z.object(...)', 'shapes');
    const shape = defOf(option)['shape'] as Record<string, AnySchema>;
    const values = introspectField(`${path}.${key}`, shape[key] as AnySchema).values ?? [];
    if (values.length !== 1) throw new DefinitionProblem(`${path}.${key}`, 'each branch needs one literal value of the discriminator', 'shapes');
    const fields = introspectObject(option, path, true).filter((f) => f.path !== `${path}.${key}`) as SchemaFacts[];
    return { value: values[0] as string, fields };
  });
  const paths = branches.flatMap((b) => b.fields.map((f) => f.path));
  const shared = paths.find((p, i) => paths.indexOf(p) !== i);
  if (shared) throw new DefinitionProblem(shared, 'two branches of a discriminated union have this field: give each branch its own names', 'shapes');
  const discriminator: SchemaFacts = { path: `${path}.${key}`, kind: 'enum', required: true, nullable: false, patterns: [], values: branches.map((b) => b.value) };
  return { path, discriminator, branches };
}

/** The object schema of an array of objects (optional or not), else null. */
function rowSchema(schema: AnySchema): { array: AnySchema; row: AnySchema } | null {
  let array = schema;
  while (['optional', 'default', 'prefault'].includes(defOf(array).type)) array = defOf(array)['innerType'] as AnySchema;
  if (defOf(array).type !== 'array') return null;
  const row = defOf(array)['element'] as AnySchema;
  return defOf(row).type === 'object' ? { array, row } : null;
}

function readList(path: string, array: AnySchema, row: AnySchema, inList: boolean): ListFacts {
  if (inList) throw new DefinitionProblem(path, 'a list of rows has no form field inside a list or a union yet (a list inside a list)', 'shapes');
  const list: ListFacts = { path, minItems: 0, rows: [] };
  for (const check of checksOf(array)) {
    if (check.check === 'min_length') list.minItems = check['minimum'] as number;
    else if (check.check === 'max_length') list.maxItems = check['maximum'] as number;
    else if (check.check === 'length_equals') list.minItems = list.maxItems = check['length'] as number;
  }
  list.rows = introspectObject(row, `${path}.${ROW}`, true) as SchemaFacts[];
  return list;
}

/** The schema inside optional, nullable and default wrappers, and whether one made it optional. */
function unwrapped(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (['optional', 'nullable', 'default', 'prefault'].includes(defOf(inner).type)) {
    optional = true;
    inner = defOf(inner)['innerType'] as AnySchema;
  }
  return { inner, optional };
}

/** A file field: `z.file()` or `z.array(z.file())` (optional or not), else null. */
function readUpload(path: string, schema: AnySchema, nested: boolean): UploadFacts | null {
  const { inner, optional } = unwrapped(schema);
  const multiple = defOf(inner).type === 'array';
  const file = multiple ? unwrapped(defOf(inner)['element'] as AnySchema).inner : inner;
  if (defOf(file).type !== 'file') return null;
  if (nested) throw new DefinitionProblem(path, 'a file field has no form field inside a list of rows or a union yet', 'uploads');
  const facts: UploadFacts = { path, upload: true, required: !optional, multiple, types: [], minFiles: multiple ? 0 : optional ? 0 : 1, file };
  for (const check of checksOf(file)) {
    if (check.check === 'max_size') facts.maxSize = check['maximum'] as number;
    else if (check.check === 'min_size') facts.minSize = check['minimum'] as number;
    else if (check.check === 'size_equals') facts.minSize = facts.maxSize = check['size'] as number;
    else if (check.check === 'mime_type') facts.types = [...(check['mime'] as string[])];
  }
  if (multiple) {
    for (const check of checksOf(inner)) {
      if (check.check === 'min_length') facts.minFiles = check['minimum'] as number;
      else if (check.check === 'max_length') facts.maxFiles = check['maximum'] as number;
      else if (check.check === 'length_equals') facts.minFiles = facts.maxFiles = check['length'] as number;
    }
    facts.required = !optional && facts.minFiles > 0;
  } else facts.maxFiles = 1;
  return facts;
}

/**
 * Lists the entries of an object schema by dotted path, descending into nested objects
 * (`address.street`); an array of objects is a list of rows.
 */
export function introspectObject(schema: AnySchema, prefix = '', inList = false): SchemaNode[] {
  const def = defOf(schema);
  if (def.type !== 'object') throw new DefinitionProblem(prefix || '(form)', `a form schema must be z.object(...), not ${def.type}`);
  const out: SchemaNode[] = [];
  for (const [key, child] of Object.entries(def['shape'] as Record<string, AnySchema>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new DefinitionProblem(path, 'field names must be identifiers (letters, digits, underscore)');
    const upload = readUpload(path, child, inList);
    const rows = upload ? null : rowSchema(child);
    if (upload) out.push(upload);
    else if (rows) out.push(readList(path, rows.array, rows.row, inList));
    else if (defOf(child).type === 'union' && defOf(child)['discriminator'] !== undefined) out.push(readUnion(path, child, inList));
    else if (defOf(child).type === 'object') out.push(...introspectObject(child, path, inList));
    else out.push(introspectField(path, child));
  }
  return out;
}
