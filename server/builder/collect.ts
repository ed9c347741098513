// What the build must bundle: every module the registered forms use (each one traced back to the form
// and field that needs it), the client modules, and the app's own; and the packages they live in.
import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_MODULES, CLIENT_PACKAGE, moduleFile } from '../settings/amd-ids.js';
import { packageFolder, CLIENT_FOLDER, TUS_PACKAGE } from '../settings/package-folders.js';
import type { FormDefinition } from '../forms/define.js';
import type { ResolvedSettings } from '../settings/settings.js';
import type { Theme } from '../settings/themes.js';
import type { BuildPackage } from './profile.js';
import { seeDocs } from '../common/errors.js';

/** A module and who needs it, for error messages. */
export interface NeededModule {
  mid: string;
  neededBy: string;
}

/** Modules every release carries: the head tag's domReady, and dijitize's client modules. */
const ALWAYS_BUNDLED = ['dojo/domReady', ...Object.values(CLIENT_MODULES)];

/** A module the build cannot find; names what needs it. */
export class MissingModuleError extends Error {
  constructor(message: string) {
    super(`${message}${seeDocs('build-and-deploy')}`);
  }
}

export function neededModules(forms: Iterable<FormDefinition>, settings: ResolvedSettings, extra: string[]): NeededModule[] {
  const out: NeededModule[] = [];
  const add = (mid: string, neededBy: string) => {
    if (!out.some((m) => m.mid === mid)) out.push({ mid, neededBy });
  };
  for (const mid of ALWAYS_BUNDLED) add(mid, 'dijitize');
  if (settings.formFunction) add(settings.formFunction.module, 'the formFunction setting');
  for (const form of forms) {
    const { compiled } = form;
    for (const mid of compiled.modules) {
      const field = compiled.fields.find((f) => f.module === mid);
      add(mid, field ? `form "${compiled.name}", field "${field.path}"` : `form "${compiled.name}"`);
    }
  }
  for (const mid of extra) add(mid, 'the build config (modules)');
  return out;
}

/**
 * The packages to build: dojo, dijit and dijitize always; dojox and dojo-themes only when used.
 * `flatThemeDir` is where the flat theme is staged (see flat-theme-package.ts).
 */
export function buildPackages(modules: NeededModule[], themes: Theme[], appPackages: Record<string, string>, flatThemeDir: string, tusDir: string): BuildPackage[] {
  const packages: BuildPackage[] = [
    { name: 'dojo', location: packageFolder('dojo') },
    { name: 'dijit', location: packageFolder('dijit') },
    { name: CLIENT_PACKAGE, location: CLIENT_FOLDER },
  ];
  if (modules.some((m) => m.mid.startsWith('dojox/'))) packages.push({ name: 'dojox', location: packageFolder('dojox') });
  if (modules.some((m) => m.mid.startsWith(`${TUS_PACKAGE}/`))) packages.push({ name: TUS_PACKAGE, location: tusDir });
  if (themes.includes('flat')) packages.push({ name: 'dojo-themes', location: flatThemeDir });
  for (const [name, location] of Object.entries(appPackages)) packages.push({ name, location: path.resolve(location) });
  return packages;
}

/** Checks that every module is a file of a known package, before the long build starts. */
export function assertModulesExist(modules: NeededModule[], packages: BuildPackage[]): void {
  for (const { mid, neededBy } of modules) {
    const name = mid.split('/')[0];
    const pkg = packages.find((p) => p.name === name);
    if (!pkg) {
      throw new MissingModuleError(`module "${mid}" (needed by ${neededBy}) is in no package; add its folder to "packages" in the build config`);
    }
    const file = path.normalize(moduleFile(pkg.location, mid));
    if (!fs.existsSync(file)) throw new MissingModuleError(`module "${mid}" (needed by ${neededBy}) does not exist: ${file} is missing`);
  }
}
