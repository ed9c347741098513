// `dijitize init [dir]`: a working Express app with one form, its templates, the build config, a
// Playwright test and a README of two commands, copied from the package's `scaffold/` folder. It never
// writes into a folder that holds anything.
import fs from 'node:fs';
import path from 'node:path';
import { ownPath } from '../settings/package-folders.js';

const SCAFFOLD = ownPath('scaffold');
const PACKAGE_JSON = ownPath('package.json');

/** The app folder holds something already. */
export class InitError extends Error {}

/** What init made: the folder, its files, and where its package.json takes dijitize from. */
export interface InitResult {
  dir: string;
  files: string[];
  /** The dependency spec of dijitize: `^0.2.0` from the registry, `file:/...` from a tarball or a folder. */
  spec: string;
  /** Where that spec came from, for people. */
  from: string;
}

/**
 * The spec an app installs this very dijitize with: the tarball or folder it was installed from (npm's
 * hidden lockfile says), or the registry's version when it came from there. A checkout of the sources
 * (not inside node_modules) is its own folder.
 */
export function ownSpec(packageDir: string, version: string): { spec: string; from: string } {
  const real = fs.realpathSync(packageDir);
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = real.lastIndexOf(marker);
  if (at < 0) return { spec: `file:${real}`, from: `the folder ${real}` };
  const root = real.slice(0, at);
  const relative = real.slice(at + 1).split(path.sep).join('/');
  for (const lockfile of [path.join(root, 'node_modules', '.package-lock.json'), path.join(root, 'package-lock.json')]) {
    let resolved: unknown;
    try {
      const lock = JSON.parse(fs.readFileSync(lockfile, 'utf8')) as { packages?: Record<string, { resolved?: unknown }> };
      resolved = lock.packages?.[relative]?.resolved;
    } catch {
      continue;
    }
    if (typeof resolved !== 'string') continue;
    if (resolved.startsWith('file:')) {
      const target = path.resolve(root, resolved.slice('file:'.length));
      return { spec: `file:${target}`, from: target.endsWith('.tgz') ? `the tarball ${target}` : `the folder ${target}` };
    }
    break;
  }
  return { spec: `^${version}`, from: `the npm registry (version ${version})` };
}

/** An npm package name made from the folder's name: lower case, letters, digits, `-`, `.` and `_`. */
const packageName = (dir: string): string => path.basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'dijitize-app';

export function initApp(target: string): InitResult {
  const dir = path.resolve(target);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new InitError(`${dir} is not empty; give init a new folder (npx dijitize init my-app)`);
  }
  const version = (JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(SCAFFOLD, dir, { recursive: true });
  // npm leaves `.gitignore` out of a package: the scaffold keeps it without its dot.
  fs.renameSync(path.join(dir, 'gitignore'), path.join(dir, '.gitignore'));
  const name = packageName(dir);
  const own = ownSpec(path.dirname(PACKAGE_JSON), version);
  const readme = path.join(dir, 'README.md');
  fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('__NAME__', name));
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: {
      start: 'NODE_ENV=development node app.js',
      test: 'playwright test',
      build: 'dijitize build',
      'start:built': 'RELEASE_DIR=.dijitize node app.js',
    },
    dependencies: { dijitize: own.spec, express: '^5.1.0', nunjucks: '^3.2.4', zod: '^4.6.0' },
    devDependencies: { '@playwright/test': '1.65.1' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return { dir, files, ...own };
}
