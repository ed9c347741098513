// Resumable uploads (JavaScript on): a chosen file goes to dojo()'s tus endpoint (`<prefix>/uploads`,
// @tus/server) in chunks, so a dropped connection, a reload or a laptop that slept goes on from the last
// byte that arrived, until `uploads.ttl`. The chunks wait in a private folder (@tus/file-store). Only a
// file field of a defined form may start an upload (its size and declared type checked before a byte is
// taken), in the session that started it (csrf.sessionId), behind the same CSRF check as every POST (the
// token in the `X-CSRF-Token` header). Once complete, the file is typed by its bytes, checked as its
// field checks it, scanned when the app gives `uploads.scan`, and moved into the upload store; the answer
// is the kept file's token, as the one-request upload answers (upload-endpoint.ts). Without JavaScript,
// the multipart POST is unchanged.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import { formRegistry } from '../forms/define.js';
import type { CompiledForm, CompiledUpload } from '../forms/model/compiled-form.js';
import { FILE_PLACE } from '../forms/model/posted-names.js';
import { postedUploads } from '../forms/request/parse-uploads.js';
import { safeFileName } from '../files/file-names.js';
import { DEFAULT_UPLOAD_DIR, newUploadId, UPLOAD_ID } from '../files/upload-store.js';
import { SNIFF_BYTES, sniffedType } from '../files/sniffed-type.js';
import { HeadKeeper } from '../files/head-keeper.js';
import type { UploadService } from '../files/upload-service.js';
import { LostUpload } from '../files/uploaded-file.js';
import { scanned } from './upload-scan.js';
import { sweepResumable } from '../files/resumable-sweep.js';
import { privateFolder } from '../common/private-folder.js';
import { readableSize } from '../common/readable-size.js';
import { log } from '../common/log.js';
import type { UploadSettings } from '../settings/settings.js';

/** Where the tus endpoint answers, under the prefix. */
export const RESUMABLE_PATH = '/uploads';

export interface ResumableOptions {
  /** Where dojo() answers (settings.prefix). */
  prefix: string;
  limits: UploadSettings;
  uploads: UploadService;
  /** The session a request belongs to (csrf.sessionId), '' without one. */
  ownerOf: (req: Request) => string;
  defaultLocale: string;
}

/** A refusal the tus server sends as is: a status and a JSON body with the reason. */
const refusal = (status: number, error: string) => ({ status_code: status, body: JSON.stringify({ error }) });

/** The Express request under @tus/server's Web Request (srvx keeps the Node one it wraps). */
const expressRequest = (req: unknown): Request => {
  const node = (req as { runtime?: { node?: { req?: Request } } }).runtime?.node?.req;
  if (!node) throw new Error('resumable uploads run on Node only');
  return node;
};

/** The session's mark kept with an upload: a hash, so the chunks' folder never holds a session id. */
const ownerMark = (owner: string) => crypto.createHash('sha256').update(`dijitize-upload-owner\n${owner}`).digest('base64url');

/** The form and file field an upload's metadata names, in the request's language, or why there is none. */
function fieldOf(req: Request, metadata: Upload['metadata'], defaultLocale: string): { form: CompiledForm; upload: CompiledUpload } | string {
  const formName = metadata?.['form'] ?? '';
  const fieldName = metadata?.['field'] ?? '';
  const definition = formName ? formRegistry.get(formName) : undefined;
  const form = definition?.compiledFor(req.dojo.locale, defaultLocale);
  const upload = form?.uploads.find((u) => u.name === fieldName);
  if (!form || !upload) return `no form ${JSON.stringify(formName.slice(0, 60))} with a file field ${JSON.stringify(fieldName.slice(0, 60))}`;
  return { form, upload };
}

/** The router of dojo()'s tus endpoint. */
export function resumableUploads({ prefix, limits, uploads, ownerOf, defaultLocale }: ResumableOptions): RequestHandler {
  const endpoint = `${prefix}${RESUMABLE_PATH}`;
  // Beside the folder store's files (whose sweep leaves a folder alone), or where the settings say.
  const directory = limits.resumableDir ?? path.join(limits.dir ?? DEFAULT_UPLOAD_DIR, 'resumable');
  privateFolder(directory, 'uploads.resumableDir', 'uploads');
  if (limits.store && !limits.resumableDir && process.env['NODE_ENV'] === 'production') {
    // An app's own store is most often one all its machines share (S3): the chunks' folder must be too.
    setImmediate(() => {
      if ([...formRegistry.values()].some((f) => f.compiled.uploads.length)) {
        process.emitWarning(`uploads.store is the app's own, and uploads.resumableDir is not set: the chunks of resumable uploads wait in ${directory}, on this machine alone. On several machines, set uploads.resumableDir to a folder they share, or uploads.resumable to false`, { code: 'DIJITIZE_RESUMABLE_DIR' });
      }
    });
  }
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: limits.ttl * 1000 });
  // Uploads never completed go once their ttl has passed: at start-up, then every sweepEvery seconds.
  const sweep = () => void sweepResumable(datastore, Date.now() - limits.ttl * 1000).then((n) => n && log.request('resumable upload sweep removed %d', n));
  sweep();
  setInterval(sweep, limits.sweepEvery * 1000).unref();

  const server = new Server({
    path: endpoint,
    datastore,
    relativeLocation: true,
    maxSize: limits.fileSize,
    // An upload's id is ours (128 random bits, hex): it names its chunks' file, never the user's file name.
    namingFunction: () => newUploadId(),
    getFileIdFromRequest: (req) => {
      const id = new URL(req.url).pathname.slice(endpoint.length + 1);
      return UPLOAD_ID.test(id) ? id : undefined;
    },
    async onUploadCreate(req, upload) {
      const express = expressRequest(req);
      const target = fieldOf(express, upload.metadata, defaultLocale);
      if (typeof target === 'string') throw refusal(400, `An upload for ${target}.`);
      const { upload: field } = target;
      const name = safeFileName(upload.metadata?.['filename'] ?? 'file');
      const type = upload.metadata?.['filetype'] ?? '';
      // The length comes first (no deferred length): a file larger than its field takes is refused before a byte.
      if (upload.sizeIsDeferred || upload.size === undefined) throw refusal(400, 'An upload must say its length (Upload-Length).');
      const maxSize = Math.min(field.facts.maxSize ?? limits.fileSize, limits.fileSize);
      if (upload.size > maxSize) throw refusal(413, field.messages.tooLarge.replaceAll(FILE_PLACE, name));
      if (field.facts.types.length && !field.facts.types.includes(type)) throw refusal(422, field.messages.wrongType.replaceAll(FILE_PLACE, name));
      return { metadata: { form: target.form.name, field: field.name, filename: name, filetype: type, owner: ownerMark(ownerOf(express)) } };
    },
    // Every request of an upload after its creation: only the session that started it goes on with it.
    async onIncomingRequest(req, id) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const upload = await datastore.getUpload(id).catch(() => null);
      if (upload && upload.metadata?.['owner'] !== ownerMark(ownerOf(expressRequest(req)))) throw refusal(403, 'This upload was started in another session.');
    },
    async onUploadFinish(req, upload) {
      const express = expressRequest(req);
      const answer = await finish(express, upload);
      await datastore.remove(upload.id).catch(() => undefined);
      return { status_code: answer.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: JSON.stringify(answer.body) };
    },
  });

  /** A complete upload: typed by its bytes, checked as its field checks it, scanned, moved into the store. */
  async function finish(req: Request, upload: Upload): Promise<{ status: number; body: unknown }> {
    const target = fieldOf(req, upload.metadata, defaultLocale);
    if (typeof target === 'string') return { status: 400, body: { error: `An upload for ${target}.` } };
    const { form, upload: field } = target;
    const name = upload.metadata?.['filename'] ?? 'file';
    const declared = upload.metadata?.['filetype'] ?? '';
    const id = newUploadId();
    const head = new HeadKeeper(SNIFF_BYTES);
    await uploads.store.write(id, datastore.read(upload.id).pipe(head));
    const type = await sniffedType(head.head, declared);
    const file = uploads.file({ form: form.name, field: field.name, id, name, type, size: head.bytes, owner: ownerOf(req) }, declared);
    const { errors, files } = postedUploads({ ...form, uploads: [field] }, { [field.name]: file });
    const error = errors[field.path];
    if (error) {
      await file.discard().catch(() => undefined);
      return { status: 422, body: { error } };
    }
    const verdict = await scanned(req, file, limits.scan);
    if (verdict instanceof LostUpload) return { status: 422, body: { error: verdict.message } };
    const kept = (files[field.path] ?? []).map((f) => ({ ...f, shownSize: readableSize(f.size) }));
    return { status: 200, body: { files: kept } };
  }

  return (req, res, next) => {
    if (req.path !== endpoint && !req.path.startsWith(`${endpoint}/`)) return next();
    // The tus server reads the path from req.url: the whole of it, wherever the app mounted dojo().
    req.url = req.originalUrl;
    server.handle(req, res).catch(next);
  };
}

