// The settings the app's `dojo()` middlewares were made with. `dijitize build --app` imports the app and
// reads them, so that a release is built for the theme, locale and form function the app really uses
// without repeating them in a config file. It lives on globalThis, like the form registry, so that the
// CLI and the app share it even through two copies of this package.
import type { ResolvedSettings } from './settings.js';

/** What a build depends on; settings that differ only elsewhere (prefix, csrf...) count once. */
const buildKey = (s: ResolvedSettings) => JSON.stringify([s.theme, s.dojoConfig.locale, s.locales, s.formFunction]);

const recorded = ((globalThis as Record<symbol, unknown>)[Symbol.for('dijitize.settings')] ??= new Map<string, ResolvedSettings>()) as Map<
  string,
  ResolvedSettings
>;

/** Called by `dojo()`. Bounded: an app that makes many middlewares with the same settings adds one entry. */
export function recordAppSettings(settings: ResolvedSettings): void {
  recorded.set(buildKey(settings), settings);
}

/** The distinct settings recorded so far, oldest first. */
export function appSettings(): ResolvedSettings[] {
  return [...recorded.values()];
}

const BUILDING = Symbol.for('dijitize.building');

/** Called by `dijitize build` before it imports the app: what only a serving app needs is not asked for. */
export function markBuilding(): void {
  (globalThis as Record<symbol, unknown>)[BUILDING] = true;
}

/** Whether this process is a `dijitize build` importing the app (not serving it). */
export function isBuilding(): boolean {
  return (globalThis as Record<symbol, unknown>)[BUILDING] === true;
}
