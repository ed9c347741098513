// docs/api/, the reference of every name the package's entries export, is made by TypeDoc from the
// declarations' comments (typedoc.json; `npm run docs:api` writes it). It is current: made again here, it
// comes out the same, file for file, and each entry's every exported name has a page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const repo = path.resolve(import.meta.dirname, '../..');
const committed = path.join(repo, 'docs/api');

/** Every file under `dir`, by its path inside it, with its text. */
function filesUnder(dir: string): Map<string, string> {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(dir, name)).isFile());
  return new Map(names.sort().map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

describe('docs/api', () => {
  it('is what TypeDoc makes of the sources now (run npm run docs:api after changing a public comment)', () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-api-'));
    try {
      const run = spawnSync(process.execPath, [path.join(repo, 'node_modules/typedoc/bin/typedoc'), '--out', fresh], { cwd: repo, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const made = filesUnder(fresh);
      const kept = filesUnder(committed);
      assert.deepEqual([...kept.keys()], [...made.keys()], 'the same pages');
      assert.deepEqual([...kept].filter(([name, text]) => made.get(name) !== text).map(([name]) => name), [], 'the same text');
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('has a page for every name each entry exports', () => {
    const pages = [...filesUnder(committed).keys()];
    const entries: Array<[string, string]> = [
      ['server/index.ts', 'dijitize'],
      ...['uploads', 'wizards', 'access', 'stores', 'inspector'].map((feature): [string, string] => [`server/${feature}/index.ts`, `dijitize/${feature}`]),
      ['server/builder/index.ts', 'dijitize/build'],
    ];
    const missing = entries.flatMap(([file, module]) =>
      [...fs.readFileSync(path.join(repo, file), 'utf8').matchAll(/^export (?:type )?\{([^}]*)\}/gm)]
        .flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim().replace(/^type /, '')).filter(Boolean))
        .filter((name) => !pages.some((page) => page.startsWith(`${module}/`) && path.basename(page) === `${name}.md` && page.split('/').length === module.split('/').length + 2))
        .map((name) => `${module} ${name}`),
    );
    assert.deepEqual(missing, []);
  });
});
