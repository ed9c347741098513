// Test helper: a release folder as `dijitize build` leaves it, without running a build: `releases/<id>`
// with a manifest (and any files asked for), and `current` pointing at it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A valid manifest text for release `id`. */
export const manifestText = (id: string): string =>
  JSON.stringify({ version: 1, id, createdAt: 'now', locale: 'en-us', modules: [], packages: ['dojo'], dojo: 'dojo/dojo.js', boot: 'dijitize/boot.js', themes: {}, hashes: {} });

/** A new release folder whose `current` points at release `id` with this manifest text and files. */
export function releaseDirWith(manifest: string, id = 'r1', files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-rs-'));
  const release = path.join(dir, 'releases', id);
  fs.mkdirSync(release, { recursive: true });
  fs.writeFileSync(path.join(release, 'manifest.json'), manifest);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(release, file)), { recursive: true });
    fs.writeFileSync(path.join(release, file), text);
  }
  fs.symlinkSync(path.join('releases', id), path.join(dir, 'current'));
  return dir;
}
