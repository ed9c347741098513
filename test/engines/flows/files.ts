// Test helper: files a user picks in the cross-engine tests, written once into a temporary folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfOf } from '../../uploads/sample-files.js';

export interface PickedFile {
  path: string;
  size: number;
  sha256: string;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-engines-files-'));
process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));

/** A PDF of `size` bytes named `name`. */
export function pdfFile(name: string, size: number): PickedFile {
  const bytes = pdfOf(size);
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return { path: file, size, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}
