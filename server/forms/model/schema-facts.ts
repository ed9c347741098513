// What the schema says of each field, list of rows and section, as schema/introspect.ts reads it from zod.
import type * as z from 'zod';

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
  /** A box that must be ticked (`z.literal(true)`, "accept the terms"): unticked is "required". */
  mustBeTicked?: boolean;
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

/**
 * A file field (`z.file()`, or `z.array(z.file())` for several): what each file may be, and how many.
 * `file` is the schema of one file, which a posted file is checked with before it is kept.
 */
export interface UploadFacts {
  path: string;
  upload: true;
  required: boolean;
  multiple: boolean;
  minSize?: number;
  maxSize?: number;
  /** The types a file may be (`.mime([...])`); none: any. */
  types: string[];
  minFiles: number;
  maxFiles?: number;
  file: z.ZodType;
}

/** What an object's entry is: a field, a file field, a list of rows, or sections chosen by a discriminator. */
export type SchemaNode = SchemaFacts | UploadFacts | ListFacts | UnionFacts;

export const isUpload = (node: SchemaNode): node is UploadFacts => 'upload' in node;

export const isList = (node: SchemaNode): node is ListFacts => 'rows' in node;

export const isUnion = (node: SchemaNode): node is UnionFacts => 'branches' in node;
