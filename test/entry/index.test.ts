// server/index.ts, the public entry (`dijitize`): every name it exports is documented where it is declared
// and tagged @public, and every value (not a type) has an @example a user can copy.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const server = path.resolve(import.meta.dirname, '../../server');
const entry = fs.readFileSync(path.join(server, 'index.ts'), 'utf8');
const EXPORTS = /^export (type )?\{([^}]*)\} from '([^']+)';/gm;

/** Each name the entry exports: where it is declared, and whether it is a type. */
const exported = [...entry.matchAll(EXPORTS)].flatMap(([, allTypes, names = '', from = '']) =>
  names
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => ({ name: item.replace(/^type /, ''), type: Boolean(allTypes) || item.startsWith('type '), file: path.join(server, from.replace(/\.js$/, '.ts')) })),
);

/** The JSDoc right before a declaration of `name`, or ''. */
function docOf(file: string, name: string): string {
  const source = fs.readFileSync(file, 'utf8');
  const declaration = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)?\\s*export (?:declare )?(?:abstract )?(?:async )?(?:interface|type|const|function|class) ${name}\\b`);
  return declaration.exec(source)?.[1] ?? '';
}

describe('the public entry', () => {
  it('exports names, each documented and tagged @public where it is declared', () => {
    assert.ok(exported.length > 40, `${exported.length} names`);
    const untagged = exported.filter(({ file, name }) => !docOf(file, name).includes('@public')).map((e) => e.name);
    assert.deepEqual(untagged, []);
  });
  it('gives every value an @example', () => {
    const without = exported.filter((e) => !e.type && !docOf(e.file, e.name).includes('@example')).map((e) => e.name);
    assert.deepEqual(without, []);
  });
});
