// /expense: a form with files. The receipt is one PNG, JPEG or PDF of up to 2 MB; up to three more
// attachments of the same kinds. A refused POST keeps the files that were fine, so the user never
// chooses them again; a valid one moves them out of the upload store into the demo's receipts folder.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import { type UploadedFile } from '../server/uploads/index.js';

const DOCUMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf'];
const TWO_MB = 2 * 1024 * 1024;
const document = () => z.file().max(TWO_MB).mime(DOCUMENT_TYPES);

export const expense = defineForm(
  'expense',
  z.object({
    amount: z.number().positive().max(100_000),
    // A check only the server makes (the browser does not know today's date on the server).
    spentOn: z.iso.date().refine((day) => day <= new Date().toISOString().slice(0, 10), 'The date cannot be in the future.'),
    description: z.string().min(3).max(200),
    receipt: document(),
    attachments: z.array(document()).max(3),
  }),
  {
    submitLabel: 'Claim',
    fields: {
      amount: { label: 'Amount (EUR)' },
      spentOn: { label: 'Date spent' },
      receipt: { label: 'Receipt', help: 'A PNG, JPEG or PDF of up to 2 MB.' },
      attachments: { label: 'Attachments', help: 'Up to three more, of the same kinds.' },
    },
  },
);

/** Where the demo keeps accepted receipts (an app would use its own storage). */
export const RECEIPTS_DIR = path.join(os.tmpdir(), 'dijitize-demo-receipts');

async function keep(file: UploadedFile): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of file.nodeStream()) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  await fs.mkdir(RECEIPTS_DIR, { recursive: true });
  await file.moveTo(path.join(RECEIPTS_DIR, file.id));
  return `${file.name} (${file.size} bytes, ${file.type}, sha256 ${digest})`;
}

/** Keeps an accepted claim's files; what the done page shows of the claim. */
export async function acceptExpense(data: Record<string, unknown>): Promise<Record<string, string>> {
  const receipt = data['receipt'] as UploadedFile;
  const attachments = data['attachments'] as UploadedFile[];
  return {
    amount: String(data['amount']),
    spentOn: String(data['spentOn']),
    description: String(data['description']),
    receipt: await keep(receipt),
    attachments: (await Promise.all(attachments.map(keep))).join('; ') || '(none)',
  };
}
