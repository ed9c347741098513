// Test helper: waits for a folder to come to a state, looking again at each change fs.watch reports, never
// at a clock; fails with what it waited for after a generous deadline (a slow machine, not a measure).
import fs from 'node:fs';

export interface FolderWait {
  /** Also the changes in its subfolders (a build's scratch folder). */
  recursive?: boolean;
  patienceMs?: number;
}

export function eventually(dir: string, done: () => boolean, what: string, { recursive = false, patienceMs = 10_000 }: FolderWait = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    const watcher = fs.watch(dir, { recursive });
    const deadline = setTimeout(() => {
      watcher.close();
      reject(new Error(`never happened: ${what}`));
    }, patienceMs);
    const look = () => {
      if (!done()) return;
      clearTimeout(deadline);
      watcher.close();
      resolve();
    };
    watcher.on('change', look);
    look(); // a change between the first look and the watch
  });
}
