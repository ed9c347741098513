// A form that takes a large file (up to 60 MB), at /archive, for the resumable uploads' tests; its done
// page shows the SHA-256 of what arrived. And what the tests read of the tus endpoint, under
// /test/uploads: the bytes and HEADs of an upload, and a scan held until released.
import crypto from 'node:crypto';
import express, { type Express } from 'express';
import * as z from 'zod';
import { defineForm } from '../server/index.js';
import type { UploadedFile } from '../server/uploads/index.js';
import type { ScanVerdict } from '../server/uploads/index.js';
import { mountForm } from '../demo/mount-form.js';

export const ARCHIVE_MAX = 60 * 1024 * 1024;

export const archive = defineForm('archive', z.object({ title: z.string().min(1), document: z.file().max(ARCHIVE_MAX) }), {
  submitLabel: 'Archive',
  fields: { title: { label: 'Title' }, document: { label: 'Document', help: 'Any file of up to 60 MB.' } },
});

/**
 * What the tests read, by upload (other tests upload at the same time): the bytes of each and its HEADs;
 * and a scan held until a test releases it.
 */
const state = {
  received: new Map<string, number>(),
  heads: new Map<string, number>(),
  scanHeld: null as null | (() => void),
  scanWaits: false,
};

/**
 * Before dojo() (whose CSRF check would refuse the tests' POSTs): counts each upload's bytes and HEADs,
 * beside the tus server's own reading, and takes the tests' calls under /test/uploads.
 */
export const uploadHands = express.Router();
uploadHands.use('/dojo/uploads/:id', (req, _res, next) => {
  const id = req.params['id'] ?? '';
  if (req.method === 'HEAD') state.heads.set(id, (state.heads.get(id) ?? 0) + 1);
  if (req.method === 'PATCH') {
    // Paused until the tus server reads the request: both listeners get every byte.
    req.on('data', (chunk: Buffer) => void state.received.set(id, (state.received.get(id) ?? 0) + chunk.length));
    req.pause();
  }
  next();
});
uploadHands.post('/test/uploads/reset', (_req, res) => {
  state.scanWaits = false;
  state.received.clear();
  state.heads.clear();
  res.json(true);
});
uploadHands.post('/test/uploads/scan-wait', (_req, res) => void res.json((state.scanWaits = true)));
uploadHands.post('/test/uploads/scan-release', (_req, res) => {
  state.scanWaits = false;
  state.scanHeld?.();
  state.scanHeld = null;
  res.json(true);
});
// The largest upload since the reset: the test's own.
uploadHands.get('/test/uploads/received', (_req, res) => {
  const [id = '', bytes = 0] = [...state.received].sort((a, b) => b[1] - a[1])[0] ?? [];
  res.json({ bytes, heads: state.heads.get(id) ?? 0, scanning: state.scanHeld !== null });
});

/** The scan of the test server: clean, held first when a test asks (so that its state can be seen). */
export const testScan = async (_file: UploadedFile): Promise<ScanVerdict> => {
  if (!state.scanWaits) return 'clean';
  await new Promise<void>((resolve) => (state.scanHeld = resolve));
  return 'clean';
};

export function mountArchive(app: Express): void {
  mountForm(app, {
    path: '/archive',
    form: archive,
    title: 'Archive',
    intro: 'A large file, sent in chunks that resume.',
    accept: async (data) => {
      const file = data['document'] as UploadedFile;
      const hash = crypto.createHash('sha256');
      for await (const chunk of file.nodeStream()) hash.update(chunk as Buffer);
      await file.discard();
      return { title: String(data['title']), document: `${file.name} ${file.size} ${hash.digest('hex')}` };
    },
  });
}
