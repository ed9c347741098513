// One field per row of the mapping table (and the choice counts), with values the server accepts and
// refuses: the parity spec checks that the browser, with and without JavaScript, says the same.
import type { Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { mountForm } from '../demo/mount-form.js';

export const parity = defineForm(
  'parity',
  z.object({
    required: z.string(),
    maxLength: z.string().max(5).optional(),
    pattern: z.string().regex(/^[a-z]+$/).optional(),
    min: z.number().min(1).optional(),
    max: z.number().max(10).optional(),
    exclusive: z.number().gt(0).lt(100).optional(),
    places: z.int().optional(),
    step: z.number().multipleOf(0.25).optional(),
    day: z.date().min(new Date('2020-01-01')).max(new Date('2030-12-31')).optional(),
    choices: z.array(z.enum(['a', 'b', 'c'])).min(1).max(2),
  }),
  { submitLabel: 'Check' },
);

/** The values every case starts from: all accepted. */
export const VALID: Record<string, string | string[]> = { required: 'x', choices: ['a'] };

/** [field, raw value, whether the server refuses it]. */
export const CASES: Array<[string, string | string[], boolean]> = [
  ['required', '', true],
  ['required', 'x', false],
  ['maxLength', 'abcdef', true],
  ['maxLength', 'abcde', false],
  ['pattern', 'ABC', true],
  ['pattern', 'abc', false],
  ['min', '0', true],
  ['min', '1', false],
  ['max', '11', true],
  ['max', '10', false],
  ['exclusive', '0', true],
  ['exclusive', '100', true],
  ['exclusive', '0.5', false],
  ['exclusive', '99.5', false],
  ['places', '1.5', true],
  ['places', '2', false],
  ['step', '0.1', true],
  ['step', '0.75', false],
  ['day', '2019-12-31', true],
  ['day', '2031-01-01', true],
  ['day', '2020-01-01', false],
  ['choices', [], true],
  ['choices', ['a', 'b', 'c'], true],
  ['choices', ['a', 'b'], false],
];

/** What plain HTML cannot say: a native <select multiple> checks "at least one", never "at most n". */
export const NATIVE_GAPS = new Set(['choices=a,b,c']);

export const mountParity = (app: Express) => mountForm(app, { path: '/parity', form: parity, title: 'Parity', intro: 'What the server refuses, the browser refuses.' });
