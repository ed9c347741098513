// `dijitize build`: collect the modules the forms use, write a dojo-util profile, run the real Dojo build
// inside a release transaction, write the manifest, switch releases. Phases are reported to the logger.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BOOT_FILE, CLIENT_PACKAGE } from '../settings/amd-ids.js';
import { formRegistry, type FormDefinition } from '../forms/define.js';
import { themePath } from '../settings/package-folders.js';
import { MANIFEST_FILE, readCurrentRelease, type Release, type ReleaseManifest } from '../serve/release-source.js';
import { buildInputs } from './build-inputs.js';
import type { Theme } from '../settings/themes.js';
import { assertModulesExist, buildPackages, neededModules } from './collect.js';
import type { BuildConfig } from './config.js';
import { kb, type Logger } from './logger.js';
import { layerContents, subsetTheme } from './theme-subset.js';
import { buildProfile, profileSource } from './profile.js';
import { ReleaseTransaction } from './release-transaction.js';
import { minifyLayer } from './minify-layer.js';
import { precompress } from './precompress.js';
import { runDojoBuild } from './run-dojo-build.js';
import { flatThemeLocation, stageFlatTheme } from './flat-theme-package.js';
import { stageTus, tusLocation } from './tus-package.js';
import { TUS_PACKAGE, tusFolder } from '../settings/package-folders.js';

/**
 * What a finished build made: the release's id, folder and sizes.
 * @public
 */
export interface BuildSummary {
  id: string;
  dir: string;
  forms: number;
  modules: number;
  layerBytes: number;
  layerGzipBytes: number;
  seconds: number;
  pruned: string[];
  /** True when nothing changed since the current release, which stays: no new release was made. */
  reused: boolean;
}

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** Where a build's inputs and output go inside its scratch folder. */
const scratchLayout = (scratchDir: string) => ({
  /** dojo-util's output: the release. */
  output: path.join(scratchDir, 'release'),
  /** Packages copied before the build reads them (the flat theme). */
  stage: path.join(scratchDir, 'stage'),
  profile: path.join(scratchDir, 'app.profile.js'),
});

/**
 * What this config would build in a scratch folder: the modules, packages and dojo-util profile. Writes
 * nothing (so `--dry-run` touches no disk); `build` stages what the plan names.
 */
export function planBuild(config: BuildConfig, scratchDir: string, forms: Iterable<FormDefinition> = formRegistry.values()) {
  const layout = scratchLayout(scratchDir);
  const modules = neededModules(forms, config.settings, config.modules);
  const packages = buildPackages(modules, config.themes, config.packages, flatThemeLocation(layout.stage), tusLocation(layout.stage));
  // Staged packages are made after the plan: tus is checked where it is installed.
  assertModulesExist(modules, packages.map((p) => (p.name === TUS_PACKAGE ? { ...p, location: tusFolder() } : p)));
  const profile = buildProfile({
    packages,
    modules: modules.map((m) => m.mid),
    locales: config.settings.locales,
    outputDir: layout.output,
    uglify: config.minify === 'uglify',
  });
  return { modules, packages, profile, layout };
}

/**
 * A release's id: when it was made (to the millisecond), its content hash, and a random part, so that two
 * builds never share an id, even of the same content in the same millisecond.
 * @example releaseId('2026-11-22T05:16:12.345Z', 'ab12...') // '20261122-051612-345-ab12cd34ef56-9f3a07c1'
 */
export function releaseId(createdAt: string, digest: string): string {
  const stamp = createdAt.replace(/[-:Z]/g, '').replace('T', '-').replace('.', '-');
  return `${stamp}-${digest.slice(0, 12)}-${crypto.randomBytes(4).toString('hex')}`;
}

function writeManifest(dir: string, config: BuildConfig, modules: string[], packages: string[], inputs: string): ReleaseManifest {
  const files = { dojo: 'dojo/dojo.js', boot: `${CLIENT_PACKAGE}/${BOOT_FILE}` };
  const themes: Partial<Record<Theme, string>> = {};
  for (const theme of config.themes) themes[theme] = themePath(theme);
  const hashes: Record<string, string> = {};
  for (const file of [files.dojo, files.boot, ...Object.values(themes)]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new Error(`the build did not produce ${file}`);
    hashes[file] = sha256(fs.readFileSync(full));
  }
  const createdAt = new Date().toISOString();
  const manifest: ReleaseManifest = {
    version: 1,
    id: releaseId(createdAt, sha256(Buffer.from(JSON.stringify(hashes)))),
    createdAt,
    locale: config.settings.dojoConfig.locale,
    locales: config.settings.locales,
    inputs,
    modules,
    packages,
    ...files,
    themes,
    hashes,
  };
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The release being served, if there is a good one (a broken one is rebuilt, never reused). */
function currentRelease(root: string): Release | null {
  try {
    return readCurrentRelease(root);
  } catch {
    return null;
  }
}

/**
 * How a build runs besides its config.
 * @public
 */
export interface BuildOptions {
  signal?: AbortSignal;
  /** The forms to bundle; defaults to every form defined with defineForm(). */
  forms?: Iterable<FormDefinition>;
  /** Build even when nothing changed since the current release. */
  force?: boolean;
}

/**
 * Runs a whole build. Throws on any failure, after rolling back: the served release is untouched.
 * @example
 * import { build, createLogger, loadBuildConfig } from 'dijitize/build';
 * const summary = await build(await loadBuildConfig({ app: 'dist/app.js' }), createLogger());
 * console.log(summary.id);
 * @public
 */
export async function build(config: BuildConfig, logger: Logger, options: BuildOptions = {}): Promise<BuildSummary> {
  const { signal } = options;
  const started = performance.now();
  const forms = [...(options.forms ?? formRegistry.values())];
  logger.phase(`Collecting modules of ${forms.length} form(s)`);
  const transaction = ReleaseTransaction.begin(config.releaseDir);
  try {
    const plan = planBuild(config, transaction.scratchDir, forms);
    const inputs = buildInputs(config, plan.modules.map((m) => m.mid), plan.packages);
    const current = currentRelease(config.releaseDir);
    if (!options.force && current?.manifest.inputs === inputs) {
      transaction.rollback();
      logger.phase(`Nothing changed since release ${current.manifest.id}: it stays current`);
      const layer = fs.readFileSync(path.join(current.dir, current.manifest.dojo));
      return { id: current.manifest.id, dir: current.dir, forms: forms.length, modules: plan.modules.length, layerBytes: layer.length, layerGzipBytes: zlib.gzipSync(layer).length, seconds: (performance.now() - started) / 1000, pruned: [], reused: true };
    }
    if (config.themes.includes('flat')) stageFlatTheme(plan.layout.stage);
    if (plan.packages.some((p) => p.name === TUS_PACKAGE)) stageTus(plan.layout.stage);
    logger.info(`${plan.modules.length} modules in ${plan.packages.length} packages; themes: ${config.themes.join(', ')}; locales ${config.settings.locales.join(', ')} (settings from ${config.settingsSource})`);
    fs.writeFileSync(plan.layout.profile, profileSource(plan.profile));

    logger.phase(`Running the Dojo build${config.minify === 'uglify' ? ' (layer minified with uglify-js)' : ''}`);
    const result = await runDojoBuild(plan.layout.profile, logger, signal);
    logger.info(`dojo build finished with ${result.warnings} warning(s)`);
    const layerFile = path.join(plan.layout.output, 'dojo/dojo.js');
    if (config.minify === 'terser') {
      logger.phase('Minifying the layer with terser');
      await minifyLayer(layerFile);
    }
    // The finished layer, read once: the theme's cut reads its modules, the summary its size.
    const layer = fs.readFileSync(layerFile);

    if (config.themeRules === 'used') {
      logger.phase("Keeping the theme rules of the layer's widgets");
      const contents = layerContents(layer.toString('utf8'));
      for (const theme of config.themes) {
        const { before, after } = subsetTheme(path.join(plan.layout.output, themePath(theme)), contents);
        logger.info(`${theme}: ${kb(before)} -> ${kb(after)}`);
      }
    }

    logger.phase('Writing the manifest');
    const manifest = writeManifest(plan.layout.output, config, plan.modules.map((m) => m.mid), plan.packages.map((p) => p.name), inputs);

    logger.phase('Compressing the release (.br and .gz beside each text file)');
    const compressed = await precompress(plan.layout.output, [manifest.dojo, manifest.boot, ...Object.values(manifest.themes)]);
    logger.info(`${compressed} files compressed`);

    logger.phase('Switching to the new release');
    const { dir, pruned } = transaction.commit(manifest.id, config.keep);
    return {
      id: manifest.id,
      dir,
      forms: forms.length,
      modules: plan.modules.length,
      layerBytes: layer.length,
      layerGzipBytes: zlib.gzipSync(layer).length,
      seconds: (performance.now() - started) / 1000,
      pruned,
      reused: false,
    };
  } catch (err) {
    transaction.rollback();
    throw err;
  }
}
