// Where the Dojo packages and the dijitize client package sit on disk: served by the middleware in source
// mode, and fed to the Dojo build.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Theme } from './settings.js';

const requireFromHere = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Folder of an installed npm package (the folder of its package.json). */
export function packageFolder(name: string): string {
  return path.dirname(requireFromHere.resolve(`${name}/package.json`));
}

/** The dijitize client AMD package: `client/dijitize`, found from sources (tsx) and from `dist/`. */
export const CLIENT_FOLDER: string =
  [path.resolve(here, '../client/dijitize'), path.resolve(here, '../../client/dijitize')].find((p) => fs.existsSync(p)) ??
  path.resolve(here, '../client/dijitize');

/** A theme's stylesheet, relative to the served (or built) packages. */
export function themePath(theme: Theme): string {
  return theme === 'flat' ? 'dojo-themes/flat/flat.css' : `dijit/themes/${theme}/${theme}.css`;
}

/** The folders served under the prefix, by URL segment: `/dojo/dijit/...` is the dijit package. */
export function servedFolders(): Record<string, string> {
  return {
    dojo: packageFolder('dojo'),
    dijit: packageFolder('dijit'),
    dojox: packageFolder('dojox'),
    'dojo-themes': packageFolder('dojo-themes'),
    dijitize: CLIENT_FOLDER,
  };
}
