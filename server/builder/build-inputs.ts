// What a release is made from, as one hash: the modules, locales, themes and minifier, and each package's
// files (an npm package by its version, the app's own packages and dijitize's client by their content).
// A build whose inputs hash the same as the current release's makes no new release (docs/build-and-deploy.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { installedPackageFolder } from '../settings/package-folders.js';
import type { BuildConfig } from './config.js';
import type { BuildPackage } from './profile.js';

/** Packages that come from npm: their version says what their files are. */
/** Packages that come from npm, by AMD package name: their version says what they hold. */
const NPM_PACKAGES: Readonly<Record<string, string>> = { dojo: 'dojo', dijit: 'dijit', dojox: 'dojox', 'dojo-themes': 'dojo-themes', tus: 'tus-js-client' };

/** Every file under a folder, by relative path, in a stable order. */
function filesOf(folder: string, base = folder): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const full = path.join(folder, e.name);
      return e.isDirectory() ? filesOf(full, base) : e.isFile() ? [path.relative(base, full)] : [];
    });
}

/** A package's fingerprint: `name@version` from npm, else the hash of its files' names and contents. */
function packageFingerprint(pkg: BuildPackage): string {
  const npmName = NPM_PACKAGES[pkg.name];
  if (npmName) {
    const folder = installedPackageFolder(npmName) ?? pkg.location;
    const { version } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string };
    return `${pkg.name}@${version}`;
  }
  const hash = crypto.createHash('sha256');
  for (const file of filesOf(pkg.location)) hash.update(file).update('\0').update(fs.readFileSync(path.join(pkg.location, file))).update('\0');
  return `${pkg.name}#${hash.digest('hex')}`;
}

/** The hash of everything a build of these modules and packages reads. */
export function buildInputs(config: BuildConfig, modules: readonly string[], packages: readonly BuildPackage[]): string {
  const inputs = {
    modules,
    packages: packages.map(packageFingerprint),
    locales: config.settings.locales,
    themes: config.themes,
    minify: config.minify,
    themeRules: config.themeRules,
  };
  return crypto.createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}
