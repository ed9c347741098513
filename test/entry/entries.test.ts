// The package's entries: `dijitize` (the core) and one subpath per feature (package.json "exports"). Every
// name an entry exports is documented where it is declared and tagged @public, every value (not a type)
// has an @example a user can copy, the core offers at most 20 values, and the names 0.1.0 exported from
// the core that moved to a subpath still work, each with a warning naming the import to write instead.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repo = path.resolve(import.meta.dirname, '../..');
const server = path.join(repo, 'server');
const EXPORTS = /^export (type )?\{([^}]*)\} from '([^']+)';/gm;

/** Each subpath of package.json's "exports" and the TypeScript file behind it. */
const exportsField = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { exports: Record<string, { default?: string } | string> }).exports;
const entries = Object.entries(exportsField)
  .filter((pair): pair is [string, { default: string }] => typeof pair[1] === 'object' && Boolean(pair[1].default))
  .map(([subpath, target]) => ({ subpath, file: path.join(repo, target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')) }));

/** Each name an entry file exports by name: where it is declared, and whether it is a type. */
function exportedBy(entryFile: string) {
  const source = fs.readFileSync(entryFile, 'utf8');
  return [...source.matchAll(EXPORTS)].flatMap(([, allTypes, names = '', from = '']) =>
    names
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => ({ name: item.replace(/^type /, ''), type: Boolean(allTypes) || item.startsWith('type '), file: path.resolve(path.dirname(entryFile), from.replace(/\.js$/, '.ts')) })),
  );
}

/** The JSDoc right before a declaration of `name`, or ''. */
function docOf(file: string, name: string): string {
  const source = fs.readFileSync(file, 'utf8');
  const declaration = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)?\\s*export (?:declare )?(?:abstract )?(?:async )?(?:interface|type|const|function|class) ${name}\\b`);
  return declaration.exec(source)?.[1] ?? '';
}

const MOVED = path.join(server, 'moved-in-0.2.ts');

describe('the entries', () => {
  it('are the core and one subpath per feature, each the index.ts of its folder', () => {
    assert.deepEqual(
      entries.map((e) => `${e.subpath} ${path.relative(repo, e.file)}`),
      ['. server/index.ts', './uploads server/uploads/index.ts', './wizards server/wizards/index.ts', './access server/access/index.ts', './stores server/stores/index.ts', './inspector server/inspector/index.ts', './build server/builder/index.ts', './s3 server/s3/index.ts'],
    );
  });

  for (const { subpath, file } of entries) {
    it(`${subpath}: every name is documented and tagged @public where it is declared, every value has an @example`, () => {
      const names = exportedBy(file);
      assert.ok(names.length > 0);
      assert.deepEqual(names.filter((e) => !docOf(e.file, e.name).includes('@public')).map((e) => e.name), []);
      assert.deepEqual(names.filter((e) => !e.type && !docOf(e.file, e.name).includes('@example')).map((e) => e.name), []);
    });
  }

  it('the core offers at most 20 values, besides the names kept for 0.1.0 apps', async () => {
    const core = Object.keys(await import('../../server/index.js'));
    const kept = new Set(Object.keys(await import('../../server/moved-in-0.2.js')));
    const offered = core.filter((name) => !kept.has(name));
    assert.ok(offered.length <= 20, `${offered.length}: ${offered.join(', ')}`);
    assert.ok(offered.includes('defineForm') && offered.includes('dojo'));
  });

  it('each name kept for 0.1.0 apps is marked @deprecated with the import to write', () => {
    const source = fs.readFileSync(MOVED, 'utf8');
    const declared = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1] ?? '');
    assert.ok(declared.length >= 12);
    assert.deepEqual(declared.filter((name) => !/@deprecated\b/.test(docOf(MOVED, name))), []);
  });

  it('each name kept for 0.1.0 apps is listed under Deprecated in CHANGELOG.md, for the version in package.json', () => {
    const changelog = fs.readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    const release = changelog.split(/^## /m).find((section) => section.startsWith(`[${version}]`)) ?? '';
    const deprecated = release.split(/^### /m).find((part) => part.startsWith('Deprecated')) ?? '';
    const kept = [...fs.readFileSync(MOVED, 'utf8').matchAll(/^export (?:const|type) (\w+)/gm)].map((m) => m[1] ?? '');
    assert.deepEqual(kept.filter((name) => !deprecated.includes(`\`${name}\``)), []);
  });
});

describe('a name 0.1.0 exported from the core', () => {
  it('works as the new one, and says once, as a DeprecationWarning, which import to write', async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => void warnings.push(w);
    process.on('warning', listen);
    try {
      const old = await import('../../server/index.js');
      const access = await import('../../server/access/index.js');
      const wizards = await import('../../server/wizards/index.js');
      const acl = new old.Acl().role('clerk').role('boss', ['clerk']);
      assert.ok(acl instanceof access.Acl && new access.Acl() instanceof old.Acl);
      assert.throws(() => new old.Acl().role('a', ['nobody']), access.AccessError);
      assert.throws(() => old.defineWizard('empty', []), wizards.WizardDefinitionError);
      assert.throws(() => old.defineWizard('empty', []), old.WizardDefinitionError);
      assert.equal(old.SERVER_TIMEOUTS.headersTimeout > 0, true);
      // Warnings are emitted on the next tick.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const said = warnings.map((w) => `${w.name} ${(w as Error & { code?: string }).code} ${w.message}`);
      assert.deepEqual(said, [
        "DeprecationWarning DIJITIZE_DEPRECATED import { Acl } from 'dijitize' is now import { Acl } from 'dijitize/access': the old name works until dijitize 0.3 (CHANGELOG.md)",
        "DeprecationWarning DIJITIZE_DEPRECATED import { defineWizard } from 'dijitize' is now import { defineWizard } from 'dijitize/wizards': the old name works until dijitize 0.3 (CHANGELOG.md)",
        "DeprecationWarning DIJITIZE_DEPRECATED import { SERVER_TIMEOUTS } from 'dijitize' is now serverOptions(), which gives these timeouts: the old name works until dijitize 0.3 (CHANGELOG.md)",
      ]);
    } finally {
      process.off('warning', listen);
    }
  });
});
