// Finds the release that `dijitize build` made and switched to, so the middleware can serve it. The
// `current` link is re-read at most once a second: a build that swaps releases is picked up without a
// restart, and every request sees one whole release (never a mix of two).
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { THEMES } from '../settings/themes.js';
import { log } from '../common/log.js';

export const MANIFEST_FILE = 'manifest.json';
export const CURRENT_LINK = 'current';
export const RELEASES_FOLDER = 'releases';

export const manifestSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  createdAt: z.string(),
  locale: z.string(),
  /** Every locale whose nls the layer holds (manifests before locales had only `locale`). */
  locales: z.array(z.string()).optional(),
  /** The hash of what the release was made from (build-inputs.ts): a build of the same inputs makes none. */
  inputs: z.string().optional(),
  modules: z.array(z.string()),
  /** AMD packages in the release, served from it (never from the sources). */
  packages: z.array(z.string()),
  /** Paths inside the release folder. */
  dojo: z.string(),
  boot: z.string(),
  themes: z.partialRecord(z.enum(THEMES), z.string()),
  /** sha256 of every file listed above, by path. */
  hashes: z.record(z.string(), z.string()),
});
/**
 * What `dijitize build` wrote of a release: its id, modules, packages, files and their hashes.
 * @public
 */
export type ReleaseManifest = z.infer<typeof manifestSchema>;

/**
 * One release on disk.
 * @public
 */
export interface Release {
  id: string;
  /** Absolute path of the release folder. */
  dir: string;
  manifest: ReleaseManifest;
}

/**
 * Reads `releaseDir/current/manifest.json`; null when no build was made yet (no `current` link). Throws
 * when the link leads nowhere or out of `releases/`, or at a manifest that is broken or of another id.
 */
export function readCurrentRelease(releaseDir: string): Release | null {
  const link = path.join(releaseDir, CURRENT_LINK);
  if (!fs.lstatSync(link, { throwIfNoEntry: false })) return null;
  let dir: string;
  try {
    dir = fs.realpathSync(link);
  } catch {
    throw new Error(`${link} points at ${fs.readlinkSync(link)}, which does not exist`);
  }
  const releases = fs.realpathSync(path.join(releaseDir, RELEASES_FOLDER));
  if (path.dirname(dir) !== releases) throw new Error(`${link} points at ${dir}, which is not a release in ${releases}`);
  const file = path.join(dir, MANIFEST_FILE);
  let text: unknown;
  try {
    text = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Release manifest ${file} is invalid: ${(err as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(text);
  if (!parsed.success) throw new Error(`Release manifest ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== path.basename(dir)) throw new Error(`Release manifest ${file} is invalid: its id ${parsed.data.id} is not its folder's name`);
  return { id: parsed.data.id, dir, manifest: parsed.data };
}

/**
 * Caches the current release, checking the link again after `ttlMs`. The first read throws on a broken
 * release (the middleware calls it at start-up). Later, a release that cannot be read, or a `current`
 * link that went away, is reported once and the release being served stays in use: once a release is
 * served, the server never falls back to the sources.
 */
export function createReleaseSource(releaseDir: string, ttlMs = 1000, warn: (message: string) => void = (message) => process.emitWarning(message, { code: 'DIJITIZE_RELEASE_KEPT' })): () => Release | null {
  let first = true;
  let checkedAt = -Infinity;
  let linkTarget: string | null = null;
  let release: Release | null = null;
  return () => {
    const now = Date.now();
    if (now - checkedAt < ttlMs) return release;
    checkedAt = now;
    let target: string | null;
    try {
      target = fs.readlinkSync(path.join(releaseDir, CURRENT_LINK));
    } catch {
      target = null;
    }
    if (target !== linkTarget) {
      linkTarget = target;
      try {
        const next = readCurrentRelease(releaseDir);
        if (next === null && release !== null) throw new Error(`${path.join(releaseDir, CURRENT_LINK)} is gone`);
        if (next?.id !== release?.id) log.release('current release: %s', next?.id ?? '(none: serving the sources)');
        release = next;
      } catch (err) {
        if (first) throw err;
        warn(`keeping release ${release?.id ?? '(none: serving the sources)'}: ${(err as Error).message}`);
      }
    }
    first = false;
    return release;
  };
}
