#!/usr/bin/env node
// `dijitize build`, `dijitize explain` and `dijitize init`: argument parsing only; the work is elsewhere
// (build.ts, inspector/explain-form.ts with explain-table.ts, init-app.ts).
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { build, planBuild } from './build.js';
import { DEFAULT_CONFIG_FILE, loadBuildConfig, type Minifier } from './config.js';
import { createLogger, kb } from './logger.js';
import { profileSource } from './profile.js';
import { skipListening } from './skip-listen.js';
import { markBuilding } from '../settings/app-settings.js';
import { formRegistry } from '../forms/define.js';
import { explainForm } from '../inspector/index.js';
import { explainTable } from './explain-table.js';
import { initApp } from './init-app.js';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
};

const program = new Command('dijitize').description('Dojo/Dijit forms from zod schemas').showHelpAfterError();

program
  .command('build')
  .description('bundle the Dojo modules your forms use into a minified layer, and switch the served release atomically')
  .option('-c, --config <file>', `build config (ESM, default export; default ${DEFAULT_CONFIG_FILE}, optional with --app)`)
  .option('--app <entry>', "your app's module: importing it defines its forms and records its dojo() settings (replaces the config's app)")
  .option('--out <dir>', 'release folder (overrides the config)')
  .option('--keep <n>', 'releases to keep', positiveInt)
  .option('--minifier <name>', 'uglify (dojo-util, ES5 only) or terser (ES2015+)', (v: string) => {
    if (v !== 'uglify' && v !== 'terser') throw new InvalidArgumentError('uglify or terser');
    return v;
  })
  .option('--no-minify', 'leave the layer unminified')
  .option('--dry-run', 'print the dojo-util profile and stop')
  .option('--force', 'build even when nothing changed since the current release')
  .action(async (options: { config?: string; app?: string; out?: string; keep?: number; minify: boolean; minifier?: Minifier; dryRun?: boolean; force?: boolean }) => {
    const logger = createLogger();
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals) => {
      logger.error(`${signal}: stopping the build; the served release is unchanged`);
      controller.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    markBuilding();
    skipListening((message) => logger.info(message));
    try {
      const config = await loadBuildConfig({ file: options.config, app: options.app });
      if (options.out) config.releaseDir = path.resolve(options.out);
      if (options.keep) config.keep = options.keep;
      if (options.minifier) config.minify = options.minifier;
      if (!options.minify) config.minify = false;
      if (options.dryRun) {
        // The plan names a scratch folder that a real build would make; the dry run makes none.
        process.stdout.write(profileSource(planBuild(config, path.join(config.releaseDir, '.tmp-dry-run')).profile));
        return;
      }
      const summary = await build(config, logger, { signal: controller.signal, force: options.force });
      logger.phase('Done');
      logger.info(`${summary.reused ? "unchanged: release" : "release"} ${summary.id} in ${path.relative(process.cwd(), summary.dir) || summary.dir}`);
      logger.info(`${summary.forms} form(s), ${summary.modules} modules; layer dojo/dojo.js ${kb(summary.layerBytes)} raw, ${kb(summary.layerGzipBytes)} gzip; ${summary.seconds.toFixed(1)} s`);
      if (summary.pruned.length) logger.info(`pruned ${summary.pruned.length} old release(s)`);
    } catch (err) {
      logger.error(controller.signal.aborted ? 'build interrupted; the served release is unchanged' : (err as Error).message);
      process.exitCode = controller.signal.aborted ? 130 : 1;
    }
  });

program
  .command('explain')
  .description("print how each form of your app maps to Dijit: fields, widgets and why, properties and the constraints they came from, access, locales, modules")
  .argument('[form]', 'one form by name; default: every form')
  .option('--app <entry>', "your app's module: importing it defines its forms")
  .option('-c, --config <file>', `build config naming the app (default ${DEFAULT_CONFIG_FILE}, optional with --app)`)
  .action(async (name: string | undefined, options: { app?: string; config?: string }) => {
    const logger = createLogger();
    markBuilding();
    skipListening(() => undefined);
    try {
      const config = await loadBuildConfig({ file: options.config, app: options.app });
      const forms = [...formRegistry.values()];
      const one = name === undefined ? undefined : formRegistry.get(name);
      const chosen = name === undefined ? forms : one ? [one] : [];
      if (!chosen.length) {
        throw new Error(name === undefined ? 'the app defines no form: is defineForm() called in a module it imports?' : `no form "${name}"; the app defines: ${forms.map((f) => f.name).join(', ') || 'none'}`);
      }
      const colour = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
      for (const form of chosen) process.stdout.write(`${explainTable(explainForm(form, config.settings.locales), colour)}\n`);
    } catch (err) {
      logger.error((err as Error).message);
      process.exitCode = 1;
    }
  });

program
  .command('init')
  .description('make a working Express app with one form, its templates, the build config, a Playwright test and a README')
  .argument('[dir]', 'a new or empty folder', 'dijitize-app')
  .action((dir: string) => {
    const logger = createLogger();
    try {
      const made = initApp(dir);
      logger.phase(`Made ${path.relative(process.cwd(), made.dir) || made.dir}`);
      for (const file of made.files) logger.info(file);
      logger.info(`package.json takes dijitize from ${made.from} ("dijitize": "${made.spec}")`);
      logger.info('');
      logger.info(`cd ${path.relative(process.cwd(), made.dir) || '.'} && npm install && npm start   # the form on http://127.0.0.1:3000/`);
      logger.info('npm test                                  # the form in Chromium');
    } catch (err) {
      logger.error((err as Error).message);
      process.exitCode = 1;
    }
  });

await program.parseAsync();
// The imported app may keep the event loop busy (a listening server, timers): the build is over.
process.exit();
