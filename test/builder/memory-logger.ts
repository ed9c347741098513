// A build logger that keeps every line, so a test (or a benchmark) can read what a build said.
import type { Logger } from '../../server/builder/logger.js';

/** A logger that keeps every line, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    phase: (name) => lines.push(`phase: ${name}`),
    progress: () => undefined,
    info: (text) => lines.push(text),
    warn: (text) => lines.push(`warning: ${text}`),
    error: (text) => lines.push(`error: ${text}`),
  };
}
