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

/** What init made: the folder, and its files. */
export interface InitResult {
  dir: string;
  files: string[];
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
  const readme = path.join(dir, 'README.md');
  fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('__NAME__', name));
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: {
      start: 'node app.js',
      test: 'playwright test',
      build: 'dijitize build',
      'start:built': 'RELEASE_DIR=.dijitize node app.js',
    },
    dependencies: { dijitize: `^${version}`, express: '^5.1.0', nunjucks: '^3.2.4', zod: '^4.6.0' },
    devDependencies: { '@playwright/test': '1.65.1' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return { dir, files };
}
