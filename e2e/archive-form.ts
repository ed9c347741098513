// A form that takes a large file (up to 60 MB), at /archive, for the resumable uploads' tests; its done
// page shows the SHA-256 of what arrived. And the tests' hands on the tus endpoint, under /test/uploads:
// cut the connection of the chunk that passes a byte (`cut?at=`), hold every later request of the
// endpoint with a 503 until released (`hold`, `release`), hold a scan until released, and what arrived.
import crypto from 'node:crypto';
import type { Express, RequestHandler } from 'express';
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
 * What the tests set and read, by upload (other tests upload at the same time): the bytes of each, its
 * HEADs, a byte at which a chunk's connection is cut, and the uploads held (503) after their cut.
 */
const state = {
  cutAt: 0,
  holdAfterCut: false,
  held: new Set<string>(),
  received: new Map<string, number>(),
  heads: new Map<string, number>(),
  scanHeld: null as null | (() => void),
  scanWaits: false,
};

/** Before dojo(): counts each upload's bytes, cuts one connection at a byte, holds the upload cut. */
export const uploadHands: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/dojo/uploads/')) return next();
  const id = req.path.slice('/dojo/uploads/'.length);
  if (state.held.has(id)) return void res.status(503).set('Tus-Resumable', '1.0.0').send('held by the test');
  if (req.method === 'HEAD') state.heads.set(id, (state.heads.get(id) ?? 0) + 1);
  res.on('finish', () => console.error('UPLOADS', req.method, id, res.statusCode, req.get('upload-offset') ?? ''));
  if (req.method === 'PATCH') {
    // Counted beside the tus server's own reading: paused until it pipes the request, so no byte is lost.
    req.on('data', (chunk: Buffer) => {
      const received = (state.received.get(id) ?? 0) + chunk.length;
      state.received.set(id, received);
      if (state.cutAt && received >= state.cutAt) {
        state.cutAt = 0;
        if (state.holdAfterCut) state.held.add(id);
        req.socket.destroy(); // the connection dropped
      }
    });
    req.pause();
  }
  next();
};

/** The scan of the test server: clean, held first when a test asks (so that its state can be seen). */
export const testScan = async (_file: UploadedFile): Promise<ScanVerdict> => {
  if (!state.scanWaits) return 'clean';
  await new Promise<void>((resolve) => (state.scanHeld = resolve));
  return 'clean';
};

export function mountArchive(app: Express): void {
  app.post('/test/uploads/reset', (_req, res) => {
    Object.assign(state, { cutAt: 0, holdAfterCut: false, scanWaits: false });
    for (const map of [state.held, state.received, state.heads]) map.clear();
    res.json(true);
  });
  app.post('/test/uploads/cut', (req, res) => {
    state.cutAt = Number(req.query['at']);
    state.holdAfterCut = req.query['hold'] === '1';
    res.json(true);
  });
  app.post('/test/uploads/release', (_req, res) => {
    state.held.clear();
    res.json(true);
  });
  app.post('/test/uploads/scan-wait', (_req, res) => void res.json((state.scanWaits = true)));
  app.post('/test/uploads/scan-release', (_req, res) => {
    state.scanWaits = false;
    state.scanHeld?.();
    state.scanHeld = null;
    res.json(true);
  });
  // The largest upload since the reset: the test's own.
  app.get('/test/uploads/received', (_req, res) => {
    const [id = '', bytes = 0] = [...state.received].sort((a, b) => b[1] - a[1])[0] ?? [];
    res.json({ bytes, heads: state.heads.get(id) ?? 0, cut: state.cutAt === 0, held: state.held.size > 0, scanning: state.scanHeld !== null, uploads: [...state.received].map(([i, b]) => [i, b, state.heads.get(i) ?? 0]) });
  });
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
