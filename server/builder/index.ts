/**
 * `import { build, loadBuildConfig } from 'dijitize/build'`: what `dijitize build` does, for a script of
 * the app's own (a deploy step, a test). The CLI (cli.ts) is these calls plus argument parsing.
 * @module dijitize/build
 */
export { build, type BuildOptions, type BuildSummary } from './build.js';
export { ConfigError, loadBuildConfig, resolveBuildConfig, type BuildConfig, type BuildConfigInput, type ConfigSource, type Minifier } from './config.js';
export { createLogger, type Logger } from './logger.js';
export { BuildLockedError } from './release-transaction.js';
