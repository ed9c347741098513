// The build's configuration: a `dijitize.config.js` (ESM, default export) in the app, checked with zod,
// or none at all with `--app`. Importing the app entry defines its forms and makes its `dojo()` record its
// settings, which the build then reads.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { PACKAGE_NAME } from '../settings/amd-ids.js';
import { appSettings } from '../settings/app-settings.js';
import { resolveSettings, type DojoSettings, type ResolvedSettings } from '../settings/settings.js';
import { THEMES, type Theme } from '../settings/themes.js';
import { seeDocs } from '../common/errors.js';

/** The config file read when none is named. */
export const DEFAULT_CONFIG_FILE = 'dijitize.config.js';

const configSchema = z.strictObject({
  /** A module to import so that the app's forms get defined (your app's entry, without listening). */
  app: z.string().optional(),
  /** The settings your app passes to dojo() (theme, locale, formFunction...); default: those of the app's own dojo(). */
  settings: z.record(z.string(), z.unknown()).optional(),
  /** The app's own AMD packages: name -> folder on disk. */
  packages: z.record(z.string().regex(PACKAGE_NAME, 'a package name without slashes'), z.string()).default({}),
  /** Extra modules to bundle (your pages' own). */
  modules: z.array(z.string()).default([]),
  /** Themes to build besides the settings' theme. */
  themes: z.array(z.enum(THEMES)).default([]),
  /** Where releases go; serve it with the releaseDir setting. */
  releaseDir: z.string().default('.dijitize'),
  /** Releases to keep, the current one included. */
  keep: z.number().int().min(1).default(3),
  /** How the layer is minified: dojo-util's uglify-js 2.8 (ES5 only), terser (ES2015+), or not at all. */
  minify: z.union([z.enum(['uglify', 'terser']), z.literal(false), z.literal(true).transform(() => 'uglify' as const)]).default('uglify'),
  /** The theme stylesheets' rules: only those of widgets in the layer ('used'), or every widget's ('all'). */
  themeRules: z.enum(['used', 'all']).default('used'),
});

/**
 * What dijitize.config.js may hold (every key optional).
 * @public
 */
export type BuildConfigInput = z.input<typeof configSchema>;

/**
 * A checked build config, every default filled in.
 * @public
 */
export interface BuildConfig {
  app?: string;
  settings: ResolvedSettings;
  /** Where `settings` came from, for the build's log. */
  settingsSource: 'the build config' | "the app's dojo()" | 'the defaults';
  packages: Record<string, string>;
  modules: string[];
  themes: Theme[];
  releaseDir: string;
  keep: number;
  minify: Minifier | false;
  themeRules: 'used' | 'all';
}

/**
 * How the layer is minified: dojo-util's uglify-js 2.8 (ES5 only) or terser (ES2015+).
 * @public
 */
export type Minifier = 'uglify' | 'terser';

/**
 * The config file is wrong or cannot be loaded; the message names the key.
 * @example resolveBuildConfig({ keep: 0 }, '.'); // ConfigError: Invalid build config:\n  keep: Too small: expected number to be >=1
 * @public
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`${message}${seeDocs('build-and-deploy')}`);
  }
}

type ParsedConfig = z.output<typeof configSchema>;

/** The settings to build for, where they came from, and the themes and modules they add. */
interface ChosenSettings {
  settings: ResolvedSettings;
  source: BuildConfig['settingsSource'];
  themes: Theme[];
  modules: string[];
}

/**
 * The config's settings if it has some; else what the app's `dojo()` calls asked for, merged (they must
 * agree on the default locale); else the defaults.
 */
function chooseSettings(fromConfig: ParsedConfig['settings'], fromApp: ResolvedSettings[]): ChosenSettings {
  if (fromConfig) {
    try {
      return { settings: resolveSettings(fromConfig as DojoSettings), source: 'the build config', themes: [], modules: [] };
    } catch (err) {
      throw new ConfigError(`In the build config's settings: ${(err as Error).message}`);
    }
  }
  const [first, ...others] = fromApp;
  if (!first) return { settings: resolveSettings({}), source: 'the defaults', themes: [], modules: [] };
  const locales = [...new Set(fromApp.map((s) => s.dojoConfig.locale))];
  if (locales.length > 1) {
    throw new ConfigError(`the app calls dojo() with different locales (${locales.join(', ')}); name the one to build in the build config's settings`);
  }
  return {
    settings: first,
    source: "the app's dojo()",
    themes: others.map((s) => s.theme),
    modules: others.flatMap((s) => (s.formFunction ? [s.formFunction.module] : [])),
  };
}

function parseBuildConfig(input: unknown): ParsedConfig {
  const parsed = configSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid build config:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function resolveParsed(c: ParsedConfig, baseDir: string, fromApp: ResolvedSettings[]): BuildConfig {
  const chosen = chooseSettings(c.settings, fromApp);
  const packages = Object.fromEntries(Object.entries(c.packages).map(([name, folder]) => [name, path.resolve(baseDir, folder)]));
  for (const [name, folder] of Object.entries(packages)) {
    if (!fs.existsSync(folder)) throw new ConfigError(`packages.${name}: the folder ${folder} does not exist`);
  }
  return {
    ...(c.app ? { app: path.resolve(baseDir, c.app) } : {}),
    settings: chosen.settings,
    settingsSource: chosen.source,
    packages,
    modules: [...new Set([...chosen.modules, ...c.modules])],
    themes: [...new Set<Theme>([chosen.settings.theme, ...chosen.themes, ...c.themes])],
    releaseDir: path.resolve(baseDir, c.releaseDir),
    keep: c.keep,
    minify: c.minify,
    themeRules: c.themeRules,
  };
}

/**
 * Checks a config object; relative paths are taken from `baseDir`. Without `settings` in it, the build
 * takes those that the app's `dojo()` recorded (`fromApp`), or the defaults.
 * @example resolveBuildConfig({ releaseDir: '.dijitize' }, process.cwd()).keep // 3
 * @public
 */
export function resolveBuildConfig(input: unknown, baseDir: string, fromApp: ResolvedSettings[] = []): BuildConfig {
  return resolveParsed(parseBuildConfig(input), baseDir, fromApp);
}

/**
 * Where the CLI finds its config: a named file, else `dijitize.config.js`, which `--app` makes optional.
 * @public
 */
export interface ConfigSource {
  file?: string;
  /** The app entry; replaces the config's `app`. */
  app?: string;
}

/**
 * Reads the config file (if any), imports the app entry, and resolves the config with the app's settings.
 * @example const config = await loadBuildConfig({ app: 'dist/app.js' }); // no dijitize.config.js needed
 * @public
 */
export async function loadBuildConfig(source: ConfigSource = {}): Promise<BuildConfig> {
  const file = path.resolve(source.file ?? DEFAULT_CONFIG_FILE);
  const hasFile = fs.existsSync(file);
  if (!hasFile && (source.file !== undefined || source.app === undefined)) {
    throw new ConfigError(`no build config at ${file} (write one, or pass --app with your app's entry)`);
  }
  let input: unknown = {};
  if (hasFile) {
    try {
      input = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } catch (err) {
      throw new ConfigError(`could not load ${file}: ${(err as Error).message}`);
    }
  }
  const baseDir = hasFile ? path.dirname(file) : process.cwd();
  const parsed = parseBuildConfig(input); // a bad config fails before the app is imported
  const app = source.app ? path.resolve(source.app) : parsed.app && path.resolve(baseDir, parsed.app);
  if (app) await importApp(app);
  return resolveParsed({ ...parsed, app }, baseDir, appSettings());
}

/** Imports the app entry, which defines its forms. */
export async function importApp(entry: string): Promise<void> {
  try {
    await import(pathToFileURL(path.resolve(entry)).href);
  } catch (err) {
    throw new ConfigError(`could not load the app entry ${entry}: ${(err as Error).message}`);
  }
}
