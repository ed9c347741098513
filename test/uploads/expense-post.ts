// Test helper: the demo's expense form with an upload folder of its own, and its POSTs as a browser
// without JavaScript sends them (the token first, then the fields in page order, then the files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { DojoSettings } from '../../server/index.js';
import { createApp } from '../../demo/app.js';
import { openForm, type FormSession } from '../form-session.js';
import { withServer } from '../serve.js';
import { PNG, file } from './sample-files.js';

export const VALID_FIELDS = { amount: '12.50', spentOn: '2026-11-01', description: 'Taxi to the airport' };

const made: string[] = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder of its own for one test's uploads, removed when the test file ends. */
export function uploadFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-test-uploads-'));
  made.push(dir);
  return dir;
}

/** The uploads the folder holds (not the folder where resumable uploads' chunks wait: `resumable/`). */
export const stored = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name !== 'resumable') : []);

/** The body of an expense POST: the token, the form's name, `fields`, then each [name, File | string]. */
export function expenseBody(s: FormSession, fields: Record<string, string>, parts: Array<[string, File | string]> = [['receipt', file(PNG, 'receipt.png', 'image/png')]]): FormData {
  const body = new FormData();
  body.append('_csrf', s.token);
  body.append('_form_name', 'expense');
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, value] of parts) body.append(name, value);
  return body;
}

/** The body of the browser's upload of one chosen file (JavaScript on): the token, the form's name, the file. */
export function uploadOnlyBody(s: FormSession, form: string, field: string, chosen: File): FormData {
  const body = new FormData();
  body.append('_csrf', s.token);
  body.append('_file_upload', form);
  body.append(field, chosen);
  return body;
}

/** The kept files' tokens a page holds (`_file` hidden fields), in page order. */
export const keptTokens = (html: string): string[] => [...html.matchAll(/name="_file" value="([^"]+)"/g)].map((m) => m[1] as string);

/** Runs `use` against the demo with uploads in `dir` (and `settings` over the rest), with a session on /expense. */
export async function withExpense(dir: string, settings: DojoSettings['uploads'], use: (s: FormSession, base: string) => Promise<void>, more: DojoSettings = {}): Promise<void> {
  await withServer(createApp({ ...more, uploads: { dir, ...settings } }), async (base) => use(await openForm(base, '/expense'), base));
}

/** Waits until `done()` holds of the upload folder `dir` (files are removed after the answer is sent). */
export { eventually } from '../folder-events.js';
