// Where the Dojo packages and the dijitize client package sit on disk: served by the middleware in source
// mode, and fed to the Dojo build.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Theme } from './themes.js';

const requireFromHere = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Peer packages an app installs only when it uses them, with how to install each. */
const OPTIONAL_PACKAGES: Record<string, string> = {
  dojox: 'npm install dojox@1.17.3',
  'dojo-themes': 'npm install dojo-themes@1.14.1, with the "overrides" docs/install.md shows',
};

/** Folder of an installed npm package (the folder of its package.json), or null when it is not installed. */
export function installedPackageFolder(name: string): string | null {
  try {
    return path.dirname(requireFromHere.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** Folder of an installed npm package; an optional one that is missing is an error that says how to add it. */
export function packageFolder(name: string): string {
  const folder = installedPackageFolder(name);
  if (folder) return folder;
  const install = OPTIONAL_PACKAGES[name];
  throw new Error(`the ${name} package is not installed${install ? `; the app uses it, so add it: ${install}` : ''}`);
}

/**
 * A file or folder of the dijitize package itself (`client/dijitize`, `scaffold`, `package.json`), found
 * from sources (tsx: server/settings/) and from `dist/` (dist/server/settings/) alike.
 */
export function ownPath(relative: string): string {
  const fromSources = path.resolve(here, '../..', relative);
  const fromDist = path.resolve(here, '../../..', relative);
  return fs.existsSync(fromSources) || !fs.existsSync(fromDist) ? fromSources : fromDist;
}

/** The dijitize client AMD package: `client/dijitize`. */
export const CLIENT_FOLDER: string = ownPath('client/dijitize');

/** A theme's stylesheet, relative to the served (or built) packages. */
export function themePath(theme: Theme): string {
  return theme === 'flat' ? 'dojo-themes/flat/flat.css' : `dijit/themes/${theme}/${theme}.css`;
}

/** The folders served under the prefix, by URL segment (`/dojo/dijit/...` is the dijit package); the
 * optional packages only when installed. */
export function servedFolders(): Record<string, string> {
  const folders: Record<string, string> = { dojo: packageFolder('dojo'), dijit: packageFolder('dijit') };
  for (const name of Object.keys(OPTIONAL_PACKAGES)) {
    const folder = installedPackageFolder(name);
    if (folder) folders[name] = folder;
  }
  return { ...folders, dijitize: CLIENT_FOLDER, [TUS_PACKAGE]: tusFolder() };
}

/** The AMD package of tus-js-client, which resumable uploads load: its UMD build, `tus/tus`. */
export const TUS_PACKAGE = 'tus';

/** The files served of a package of which pages load only some (by URL segment): tus-js-client's UMD build. */
export const SERVED_ONLY: Readonly<Record<string, readonly string[]>> = { [TUS_PACKAGE]: ['tus.js'] };

/** The folder of tus-js-client's browser builds (a UMD module that defines itself anonymously to AMD). */
export const tusFolder = (): string => path.join(packageFolder('tus-js-client'), 'dist');
