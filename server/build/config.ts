// The build's configuration: a `dijitize.config.js` (ESM, default export) in the app, checked with zod.
// Loading it (and the app entry it names) defines the app's forms, which the build then reads.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { resolveSettings, THEMES, type DojoSettings, type ResolvedSettings, type Theme } from '../settings.js';

const configSchema = z.strictObject({
  /** A module to import so that the app's forms get defined (your app's entry, without listening). */
  app: z.string().optional(),
  /** The settings your app passes to dojo() (theme, locale, formFunction...). */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** The app's own AMD packages: name -> folder on disk. */
  packages: z.record(z.string().regex(/^[A-Za-z0-9_$.-]+$/), z.string()).default({}),
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
});

export type BuildConfigInput = z.input<typeof configSchema>;

export interface BuildConfig {
  app?: string;
  settings: ResolvedSettings;
  packages: Record<string, string>;
  modules: string[];
  themes: Theme[];
  releaseDir: string;
  keep: number;
  minify: Minifier | false;
}

export type Minifier = 'uglify' | 'terser';

/** The config file is wrong or cannot be loaded. */
export class ConfigError extends Error {}

/** Checks a config object; relative paths are taken from `baseDir`. */
export function resolveBuildConfig(input: unknown, baseDir: string): BuildConfig {
  const parsed = configSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid build config:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  let settings: ResolvedSettings;
  try {
    settings = resolveSettings(c.settings as DojoSettings);
  } catch (err) {
    throw new ConfigError(`In the build config's settings: ${(err as Error).message}`);
  }
  const themes = [...new Set<Theme>([settings.theme, ...c.themes])];
  const packages = Object.fromEntries(Object.entries(c.packages).map(([name, folder]) => [name, path.resolve(baseDir, folder)]));
  for (const [name, folder] of Object.entries(packages)) {
    if (!fs.existsSync(folder)) throw new ConfigError(`packages.${name}: the folder ${folder} does not exist`);
  }
  return {
    ...(c.app ? { app: path.resolve(baseDir, c.app) } : {}),
    settings,
    packages,
    modules: c.modules,
    themes,
    releaseDir: path.resolve(baseDir, c.releaseDir),
    keep: c.keep,
    minify: c.minify,
  };
}

/** Imports a config file and, if it names one, the app entry. */
export async function loadBuildConfig(file: string): Promise<BuildConfig> {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute)) throw new ConfigError(`no build config at ${absolute} (write one, or pass --config)`);
  let loaded: { default?: unknown };
  try {
    loaded = await import(pathToFileURL(absolute).href);
  } catch (err) {
    throw new ConfigError(`could not load ${absolute}: ${(err as Error).message}`);
  }
  const config = resolveBuildConfig(loaded.default, path.dirname(absolute));
  if (config.app) await importApp(config.app);
  return config;
}

/** Imports the app entry, which defines its forms. */
export async function importApp(entry: string): Promise<void> {
  try {
    await import(pathToFileURL(path.resolve(entry)).href);
  } catch (err) {
    throw new ConfigError(`could not load the app entry ${entry}: ${(err as Error).message}`);
  }
}
