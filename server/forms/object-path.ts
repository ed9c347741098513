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
