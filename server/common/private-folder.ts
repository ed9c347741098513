// A folder only this process's user may write: the upload store's and the machine store's. A folder in
// the shared temporary directory may have been made first by another local user (mode 0777, or theirs),
// who could then read and swap what is kept there; such a folder is refused, never used as it is.
import fs from 'node:fs';
import { SettingsError, type DocsPage } from './errors.js';

/** Why a folder is not private to this user, or null when it is. */
function notPrivate(dir: string): string | null {
  const stat = fs.lstatSync(dir);
  if (stat.isSymbolicLink()) return 'it is a symbolic link';
  if (!stat.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return `it belongs to another user (uid ${stat.uid}, this process runs as ${uid})`;
  if (stat.mode & 0o022) return `others may write to it (mode ${(stat.mode & 0o777).toString(8)})`;
  return null;
}

/**
 * Makes `dir` (mode 0700) if it is missing, and throws naming `setting` when it exists but is not this
 * user's alone.
 */
export function privateFolder(dir: string, setting: string, docs: DocsPage): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const why = notPrivate(dir);
  if (why) throw new SettingsError(`${setting}: the folder ${dir} is not used, because ${why}: another local user could read or swap what is kept there. Remove it, or set ${setting} to a folder only this user can write`, docs);
  return dir;
}
