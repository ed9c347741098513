// Every `ts` code block of README.md, SECURITY.md and docs/ type-checks against the package's public API
// (`dijitize` and `dijitize/build` resolve to server/ here), so an example a newcomer copies compiles.
// A block is its own module. Names an example uses without making them come from a prelude, only when
// the block does not make them itself: the package's exports, the usual `app`/`req`/`res`, the app's
// database (`db`), and what an `<!-- prelude: ... -->` comment just above the block declares (a form an
// earlier block of the page defined), which a reader does not see.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const pages = ['README.md', 'SECURITY.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** What a block may use without defining: each name, and its declaration. */
const PRELUDE: Array<[string, string]> = [
  ['express', "import express from 'express';"],
  ['z', "import * as z from 'zod';"],
  ['app', "declare const app: import('express').Express;"],
  ['req', "declare const req: import('express').Request;"],
  ['res', "declare const res: import('express').Response;"],
  // The app's own database, as examples reach it.
  // A stand-in: any table, any method, any answer.
  ['db', 'declare const db: Record<string, Record<string, (...args: unknown[]) => Promise<any>>>;'],
];

/** The package's entries as a user imports them, and the file behind each. */
const ENTRIES: Array<[string, string]> = [
  ['server/index.ts', 'dijitize'],
  ...['uploads', 'wizards', 'access', 'stores', 'inspector'].map((feature): [string, string] => [`server/${feature}/index.ts`, `dijitize/${feature}`]),
  ['server/builder/index.ts', 'dijitize/build'],
];

/** Every name the entries export, values and types, with the import that brings it (the core's old names are not offered). */
const EXPORTS: Array<[string, string]> = ENTRIES.flatMap(([file, specifier]) =>
  [...fs.readFileSync(path.join(root, file as string), 'utf8').matchAll(/export (type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[2] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n): [string, string] => {
        const name = n.replace(/^type /, '').split(/\s+as\s+/).pop() ?? '';
        return [name, `import { ${m[1] || n.startsWith('type ') ? 'type ' : ''}${name} } from '${specifier}';`];
      }),
  ),
);

interface Block {
  page: string;
  line: number;
  code: string;
  /** What the page's `<!-- prelude: ... -->` just above it declares. */
  prelude: string;
}

function blocksOf(page: string): Block[] {
  const lines = fs.readFileSync(path.join(root, page), 'utf8').split('\n');
  const blocks: Block[] = [];
  let open: Block | null = null;
  let prelude = '';
  lines.forEach((text, i) => {
    if (open) {
      if (text.startsWith('```')) {
        blocks.push(open);
        open = null;
      } else open.code += `${text}\n`;
    } else if (text.trim() === '```ts') {
      open = { page, line: i + 2, code: '', prelude };
      prelude = '';
    } else if (text.startsWith('<!-- prelude:')) prelude = text.slice('<!-- prelude:'.length, text.lastIndexOf('-->')).trim();
  });
  return blocks;
}

/** Whether the block makes `name` itself (a declaration or an import of it). */
const makes = (code: string, name: string): boolean =>
  new RegExp(`\\b(const|let|var|function|class|interface|type)\\s+${name}\\b|import[^;]*\\b${name}\\b[^;]*from`).test(code);

describe('code blocks of the docs', () => {
  it('every ts block type-checks against the public API', () => {
    const blocks = pages.flatMap(blocksOf);
    assert.ok(blocks.length >= 20, `found ${blocks.length} ts blocks`);
    const dir = path.join(root, '.doc-blocks');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    const files = blocks.map((block, i) => {
      const known = [...PRELUDE, ...EXPORTS].filter(([name]) => !makes(block.code + block.prelude, name) && new RegExp(`\\b${name}\\b`).test(block.code + block.prelude));
      // A name only the hidden prelude uses is a type there: imported as one.
      const imports = known.map(([name, decl]) => (new RegExp(`\\b${name}\\b`).test(block.code) ? decl : decl.replace(`{ ${name} }`, `{ type ${name} }`)));
      const prelude = [...new Set(imports), block.prelude];
      const file = `block-${i}.ts`;
      // The prelude takes one line, so a block's line N is the file's line N + 1.
      fs.writeFileSync(path.join(dir, file), `${prelude.join(' ')} export {};\n${block.code}`);
      return { file, block };
    });
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../tsconfig.json',
        compilerOptions: { noEmit: true, rootDir: '..', noUncheckedIndexedAccess: false, allowImportingTsExtensions: true, paths: Object.fromEntries(ENTRIES.map(([file, specifier]) => [specifier, [`../${file}`]])) },
        include: ['*.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', timeout: 300_000 });
    // Each error said where the reader sees it: the page and its line.
    const errors = tsc.stdout
      .split('\n')
      .filter((l) => l.startsWith('.doc-blocks/') || l.startsWith('block-'))
      .map((l) => {
        const [, file, line, rest] = /(block-\d+\.ts)\((\d+),\d+\): (.*)/.exec(l) ?? [];
        const found = files.find((f) => f.file === file);
        return found ? `${found.block.page}:${found.block.line + Number(line) - 2}: ${rest}` : l;
      });
    assert.deepEqual(errors, [], tsc.stdout.slice(0, 4000));
    assert.equal(tsc.status, 0, tsc.stdout.slice(0, 4000));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
