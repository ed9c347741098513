// Build output: phases and a live progress line on a terminal; plain lines, one per phase, in CI or when
// piped. Work functions take the logger as an argument, so tests can read what a build said
// (test/builder/memory-logger.ts).
import { styleText } from 'node:util';

/** A size as the build's log shows it. */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Where a build says what it does: progress lines, information, warnings and errors.
 * @public
 */
export interface Logger {
  /** A step of the build begins ("collect", "dojo build", ...). */
  phase(name: string): void;
  /** How far the step is: redrawn in place on a terminal, else dropped. */
  progress(text: string): void;
  /** A line worth keeping in the log. */
  info(text: string): void;
  /** Something the build went past, that the user should fix. */
  warn(text: string): void;
  /** Why the build failed. */
  error(text: string): void;
}

/**
 * The build's logger on a stream (standard error by default); a terminal gets one progress line redrawn.
 * @example const summary = await build(config, createLogger(process.stdout));
 * @public
 */
export function createLogger(stream: NodeJS.WriteStream = process.stderr, interactive = Boolean(stream.isTTY) && !process.env['CI']): Logger {
  let live = false;
  const clear = () => {
    if (live) stream.write('\r\x1b[2K');
    live = false;
  };
  const color = (format: Parameters<typeof styleText>[0], text: string) => (interactive ? styleText(format, text) : text);
  const line = (text: string) => {
    clear();
    stream.write(`${text}\n`);
  };
  return {
    phase: (name) => line(color('cyan', `» ${name}`)),
    progress: (text) => {
      if (!interactive) return; // progress is for people watching; CI gets phases only
      stream.write(`\r\x1b[2K  ${text.slice(0, (stream.columns || 80) - 4)}`);
      live = true;
    },
    info: (text) => line(`  ${text}`),
    warn: (text) => line(color('yellow', `  warning: ${text}`)),
    error: (text) => line(color('red', `error: ${text}`)),
  };
}
