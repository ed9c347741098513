// Test helper: a checksum of every file under a folder (paths and bytes), to prove a release unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      hash.update(path.relative(dir, full));
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}
