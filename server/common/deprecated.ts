// A renamed or moved name keeps working for one minor version (CHANGELOG.md): the old one is the new one
// behind a DeprecationWarning that names what to write instead, said once per name and process.
const said = new Set<string>();

/** Warns, once per old name, that `oldName` is now `newName`. */
export function warnRenamed(oldName: string, newName: string): void {
  if (said.has(oldName)) return;
  said.add(oldName);
  process.emitWarning(`${oldName} is now ${newName}: the old name works until dijitize 0.3 (CHANGELOG.md)`, { code: 'DIJITIZE_DEPRECATED', type: 'DeprecationWarning' });
}

/**
 * `value` (a function or class) under its old name: calling or constructing it warns first. A Proxy keeps
 * everything else its own, so `instanceof`, statics and subclasses behave as with the new name.
 */
export function movedName<T extends object>(value: T, oldName: string, newName: string): T {
  return new Proxy(value, {
    apply(target, self, args) {
      warnRenamed(oldName, newName);
      return Reflect.apply(target as (...a: unknown[]) => unknown, self, args);
    },
    construct(target, args, newTarget) {
      warnRenamed(oldName, newName);
      return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
    },
    get(target, key, receiver) {
      // A constant (an object of values) warns when read; a function's own properties do not.
      if (typeof target !== 'function') warnRenamed(oldName, newName);
      return Reflect.get(target, key, receiver);
    },
  });
}
