// Runs the real dojo-util build under Node (no Java): `node dojo/dojo.js load=build ...`. Its phases
// become progress lines; its errors are kept for the failure message.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { packageFolder } from '../settings/package-folders.js';
import type { Logger } from './logger.js';

export interface DojoBuildResult {
  errors: string[];
  warnings: number;
}

/** The dojo-util build failed; the message holds its own error lines. */
export class DojoBuildError extends Error {}

/**
 * Runs dojo.js in a child that ends itself when this process goes, even by SIGKILL: its IPC
 * channel closes, and it exits rather than write on into an abandoned temporary folder. The channel is
 * unref'd, so that a finished build still exits by itself.
 */
const ORPHAN_GUARD = `data:text/javascript,${encodeURIComponent(
  // Only in the child itself: dojo-util forks its uglify workers with the same arguments (and they end
  // with the child anyway, when their own channel closes).
  "if (process.env.DIJITIZE_DOJO_BUILD) { delete process.env.DIJITIZE_DOJO_BUILD; process.on('disconnect', () => process.exit(1)); process.channel?.unref(); }",
)}`;

export function runDojoBuild(profileFile: string, logger: Logger, signal?: AbortSignal): Promise<DojoBuildResult> {
  const dojo = packageFolder('dojo');
  // The loader resolves mapPackage relative to dojo's own folder.
  const buildPackage = path.relative(dojo, path.join(packageFolder('dojo-util'), 'build'));
  const args = [path.join(dojo, 'dojo.js'), 'load=build', `mapPackage=build:${buildPackage}`, '--profile', profileFile, '--release'];
  const child = spawn(process.execPath, ['--import', ORPHAN_GUARD, ...args], {
    cwd: path.dirname(profileFile),
    env: { ...process.env, DIJITIZE_DOJO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    signal,
  });
  const errors: string[] = [];
  let warnings = 0;
  const read = (stream: NodeJS.ReadableStream) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (/^error\(\d+\)/.test(line)) errors.push(line);
      else if (/^warn\(\d+\)/.test(line)) warnings++;
      else if (/^starting /.test(line)) logger.progress(`dojo build: ${line.replace(/^starting /, '').replace(/\.\.\.$/, '')}`);
      else if (/Error|exception/i.test(line) && !/errors: 0/.test(line)) errors.push(line.trim());
    });
  read(child.stdout!);
  read(child.stderr!);
  return new Promise((resolve, reject) => {
    child.on('error', (err) => reject(err.name === 'AbortError' ? err : new DojoBuildError(`could not run the dojo build: ${err.message}`)));
    child.on('close', (code, sig) => {
      if (code === 0 && errors.length === 0) return resolve({ errors, warnings });
      const why = sig ? `was stopped by ${sig}` : `exited with code ${code}`;
      reject(new DojoBuildError(`the dojo build ${why}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`));
    });
  });
}
