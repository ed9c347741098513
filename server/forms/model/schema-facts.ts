// What the schema says of each field, list of rows and section, as schema/introspect.ts reads it from zod.
/** What kind of value a field holds; decides the default widget, the markup and the coercion. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'isoDate' | 'time' | 'enum' | 'multiEnum' | 'textList';

/** The facts of one field read from its schema. Dates are ISO `yyyy-mm-dd` strings. */
export interface SchemaFacts {
  path: string;
  kind: FieldKind;
  /** False when the field is optional, nullable or has a default. */
  required: boolean;
  nullable: boolean;
  minLength?: number;
  maxLength?: number;
  /** Regular expressions the value must match (from `.regex()` and string formats), with their names. */
  patterns: Array<{ source: string; flags: string; from: string }>;
  format?: string;
  min?: number | string;
  max?: number | string;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  step?: number;
  /** How many choices an array field takes (`.min()`, `.max()`, `.length()` on the array). */
  minItems?: number;
  maxItems?: number;
  /** Allowed values of an enum, or of each element of an array of enums. */
  values?: string[];
  defaultValue?: unknown;
}

/** The placeholder of a row's index in the paths of a list's fields (`items.$row.qty`). */
export const ROW = '$row';

/** A list of rows (`z.array(z.object({...}))`): its count bounds, and each row's fields at `path.$row.name`. */
export interface ListFacts {
  path: string;
  minItems: number;
  maxItems?: number;
  rows: SchemaFacts[];
}

/**
 * Sections chosen by a discriminator (`z.discriminatedUnion('method', [...])`): the discriminator as an
 * enum field of the branch values, and each branch's own fields (`delivery.store`).
 */
export interface UnionFacts {
  path: string;
  discriminator: SchemaFacts;
  branches: Array<{ value: string; fields: SchemaFacts[] }>;
}

/** What an object's entry is: a field, a list of rows, or sections chosen by a discriminator. */
export type SchemaNode = SchemaFacts | ListFacts | UnionFacts;

export const isList = (node: SchemaNode): node is ListFacts => 'rows' in node;

export const isUnion = (node: SchemaNode): node is UnionFacts => 'branches' in node;
