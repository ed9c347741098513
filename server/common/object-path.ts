// Dotted paths (`address.street`, `constraints.min`) into plain objects.

/** Sets `value` at a dotted path of `target`, creating plain objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at = target;
  for (const key of keys) {
    const next = at[key];
    at = (next !== null && typeof next === 'object' ? next : (at[key] = {})) as Record<string, unknown>;
  }
  at[last] = value;
}

/** Reads a dotted path of `source`; undefined where any step is missing. */
export function getPath(source: unknown, path: string): unknown {
  let at = source;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
