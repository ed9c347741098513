// Test helper: a test's own environment variables, and the process warnings a piece of code emits.

/** Runs `use` with these environment variables set, restoring them after. */
export function withEnv(vars: Record<string, string | undefined>, use: () => void | Promise<void>) {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  return Promise.resolve().then(use).finally(() => set(before));
}

/** The warnings emitted while `use` runs. */
export async function warningsOf(use: () => void | Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listen = (w: Error) => seen.push(w.message);
  process.on('warning', listen);
  try {
    await use();
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  } finally {
    process.off('warning', listen);
  }
  return seen;
}
