// Finds the release that `dijitize build` made and switched to, so the middleware can serve it. The
// `current` link is re-read at most once a second: a build that swaps releases is picked up without a
// restart, and every request sees one whole release (never a mix of two).
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { THEMES } from './settings.js';

export const MANIFEST_FILE = 'manifest.json';
export const CURRENT_LINK = 'current';
export const RELEASES_FOLDER = 'releases';

export const manifestSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  createdAt: z.string(),
  locale: z.string(),
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
export type ReleaseManifest = z.infer<typeof manifestSchema>;

/** One release on disk. */
export interface Release {
  id: string;
  /** Absolute path of the release folder. */
  dir: string;
  manifest: ReleaseManifest;
}

/** Reads `releaseDir/current/manifest.json`; null when no build was made yet. Throws on a broken manifest. */
export function readCurrentRelease(releaseDir: string): Release | null {
  const link = path.join(releaseDir, CURRENT_LINK);
  let dir: string;
  try {
    dir = fs.realpathSync(link);
  } catch {
    return null;
  }
  const file = path.join(dir, MANIFEST_FILE);
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Release manifest ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  return { id: parsed.data.id, dir, manifest: parsed.data };
}

/**
 * Caches the current release, checking the link again after `ttlMs`. The first read throws on a broken
 * manifest (the middleware calls it at start-up); later, a release that cannot be read is reported once
 * and the one being served stays in use.
 */
export function createReleaseSource(releaseDir: string, ttlMs = 1000, warn: (message: string) => void = console.warn): () => Release | null {
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
        release = target === null ? null : readCurrentRelease(releaseDir);
      } catch (err) {
        if (first) throw err;
        warn(`dijitize: keeping release ${release?.id ?? '(none)'}: ${(err as Error).message}`);
      }
    }
    first = false;
    return release;
  };
}
