// Parses multipart POSTs (forms with file fields) with busboy, streaming each file to the upload store
// within the limits of the settings. Over any limit the request is answered 413 with the limit's name,
// and every byte it stored is removed. The CSRF check runs on the first part: the form puts its token
// first, so a POST without one is refused before the rest is read, and stores nothing. A file is stored
// only for a file field of the defined form the POST names (`_form_name`, or `_file_upload` for the
// browser's upload of one file), within that field's count and size: a file anywhere else (a 404, a form
// without file fields, a text field's name) is refused before its first byte is stored. The text parts
// together count against `bodyLimit`, as an urlencoded body does. Text fields land in `req.body` as the
// urlencoded parser puts them (a repeated name gives an array), files as UploadedFile values under their
// field's name, after the files kept from earlier POSTs (`_file` tokens).
import { isUtf8 } from 'node:buffer';
import busboy from 'busboy';
import type { Request, RequestHandler, Response } from 'express';
import { NOT_UTF8, type ParsedBody } from '../forms/request/coerce.js';
import { FILE_PLACE, FORM_NAME_FIELD, KEPT_FILE_FIELD, REMOVE_FILE_FIELD, UPLOAD_ONLY_FIELD } from '../forms/model/posted-names.js';
import { formRegistry } from '../forms/define.js';
import type { CompiledUpload } from '../forms/model/compiled-form.js';
import { readableSize } from '../common/readable-size.js';
import { log } from '../common/log.js';
import type { UploadSettings } from '../settings/settings.js';
import { safeFileName } from '../files/file-names.js';
import { newUploadId } from '../files/upload-store.js';
import { SNIFF_BYTES, sniffedType } from '../files/sniffed-type.js';
import { HeadKeeper, OverFieldSize } from '../files/head-keeper.js';
import type { UploadService } from '../files/upload-service.js';
import { UploadedFile } from '../files/uploaded-file.js';
import { filesTaken } from '../files/taken-files.js';
import { scanned } from './upload-scan.js';
import { requestWords } from './refusals.js';
import { filled, type OurWords } from '../words/our-words.js';

/** A refusal of the parser: a status and a reason the user reads. */
class Refusal {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {}
}

/** Appends a value under a name: a second value makes an array, as the urlencoded parser does. */
function append(body: Record<string, unknown>, name: string, value: unknown): void {
  if (!Object.hasOwn(body, name)) body[name] = value;
  else {
    const had = body[name];
    body[name] = Array.isArray(had) ? [...(had as unknown[]), value] : [had, value];
  }
}

/** The form a body names so far: the browser's upload of one file names it in `_file_upload`, a form in `_form_name`. */
function namedForm(body: Readonly<Record<string, unknown>>): string | undefined {
  const named = Object.hasOwn(body, UPLOAD_ONLY_FIELD) ? body[UPLOAD_ONLY_FIELD] : Object.hasOwn(body, FORM_NAME_FIELD) ? body[FORM_NAME_FIELD] : undefined;
  return typeof named === 'string' ? named : undefined;
}

/** The file field a file part may be stored for, or why it may not: the named form must have it. */
function fileFieldFor(req: Request, body: Readonly<Record<string, unknown>>, name: string): { form: string; upload: CompiledUpload } | string {
  const formName = namedForm(body);
  const form = formName === undefined ? undefined : formRegistry.get(formName);
  if (!form) return `A file was sent under ${JSON.stringify(name.slice(0, 60))}, but the form data names no form with file fields (${FORM_NAME_FIELD} before the files).`;
  // In the request's locale: the field's messages (a file too large) are said to this user.
  const dojo = (req as { dojo?: Request['dojo'] }).dojo;
  const upload = (dojo ? form.compiledFor(dojo.locale, dojo.defaultLocale) : form.compiled).uploads.find((u) => u.name === name);
  return upload ? { form: form.name, upload } : `A file was sent under ${JSON.stringify(name.slice(0, 60))}, which is not a file field of the form ${JSON.stringify(form.name)}.`;
}

export interface MultipartOptions {
  uploads: UploadService;
  /**
   * The CSRF check of the body read so far, run on the first part (the form's token comes first): a
   * refusal stops the request before any more is read. Null: CSRF is off.
   */
  csrfCheck: ((req: Request) => Error | null) | null;
  /** The most bytes of the text parts together (settings.bodyLimit), as an urlencoded body. */
  textLimit: number;
  /** The session a request belongs to (csrf.sessionId), '' without one: kept files are taken only in theirs. */
  ownerOf: (req: Request) => string;
}

export function multipartBodyParser(limits: UploadSettings, { uploads, csrfCheck, textLimit, ownerOf }: MultipartOptions): RequestHandler {
  /** Why a body is refused, in the request's words: made once per language, not per request. */
  const madeFor = new Map<OurWords, ReturnType<typeof reasonsIn>>();
  const reasonsFor = (req: Request) => {
    const words = requestWords(req);
    let reasons = madeFor.get(words);
    if (!reasons) madeFor.set(words, (reasons = reasonsIn(words.body)));
    return reasons;
  };
  function reasonsIn(words: OurWords['body']) {
    return {
      total: filled(words.total, { size: readableSize(limits.totalSize) }),
      fileSize: filled(words.fileSize, { size: readableSize(limits.fileSize) }),
      files: words.files(limits.files),
      fields: words.fields(limits.fields),
      fieldSize: filled(words.fieldSize, { size: readableSize(limits.fieldSize) }),
      text: filled(words.text, { size: readableSize(textLimit) }),
      parts: words.parts(limits.files + limits.fields),
      header: words.header,
      time: words.time(limits.timeLimit),
      fieldFiles: words.fieldFiles,
      encoding: words.encoding,
      aborted: words.aborted,
      unreadable: words.unreadable,
    };
  }

  return (req, res, next) => {
    if (!req.is('multipart/form-data') || req.method === 'GET' || req.method === 'HEAD') return next();
    const reasons = reasonsFor(req);
    const encoding = (req.get('content-encoding') ?? 'identity').toLowerCase();
    // Compressed multipart is refused, never inflated: no gzip bomb reaches the parser.
    if (encoding !== 'identity') return refuse(res, req, new Refusal(415, reasons.encoding));
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > limits.totalSize) return refuse(res, req, new Refusal(413, reasons.total));

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // latin1 keeps a field's bytes as they came, so that bytes that are not UTF-8 can be told.
        defCharset: 'latin1',
        defParamCharset: 'utf8',
        limits: { fileSize: limits.fileSize, files: limits.files, fields: limits.fields, fieldSize: limits.fieldSize, parts: limits.files + limits.fields, headerPairs: limits.headerPairs },
      });
    } catch {
      return refuse(res, req, new Refusal(400, 'The form data could not be read (no multipart boundary).'));
    }

    const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const notUtf8 = new Set<string>();
    const tokens: string[] = [];
    const removed = new Set<string>();
    const stored: string[] = []; // ids written or being written: removed when the request fails
    const writes: Array<Promise<void>> = [];
    const receiving = new Set<HeadKeeper>(); // files still arriving
    const filesOf = new Map<string, number>(); // new files per field name
    let checked = csrfCheck === null;
    let done = false;
    let received = 0;
    let textBytes = 0;

    /** The CSRF check, once, on the first part: true when the request goes on. */
    const passesCsrf = (): boolean => {
      if (checked || !csrfCheck) return true;
      checked = true;
      req.body = body;
      const refused = csrfCheck(req);
      if (refused) fail(refused);
      return !refused;
    };

    const fail = (refusal: Refusal | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.unpipe(parser);
      // A file still arriving fails its write, which removes what it stored.
      for (const stream of receiving) stream.destroy(new Error('upload refused'));
      parser.removeAllListeners();
      parser.on('error', () => {});
      // Nothing partial stays: every write is settled first, then removed.
      void Promise.allSettled(writes).then(() => Promise.all(stored.map((id) => uploads.store.remove(id).catch(() => {}))));
      if (refusal instanceof Refusal) refuse(res, req, refusal);
      else {
        res.set('Connection', 'close');
        req.resume();
        next(refusal);
      }
    };
    const timer = setTimeout(() => fail(new Refusal(408, reasons.time)), limits.timeLimit * 1000);
    timer.unref();

    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.totalSize) fail(new Refusal(413, reasons.total));
    });
    req.on('close', () => {
      // The client went away before the body ended: what it sent is removed.
      if (!done && !req.complete) fail(new Refusal(400, reasons.aborted));
    });

    parser.on('field', (name, value, info) => {
      if (done) return;
      if (info.valueTruncated) return fail(new Refusal(413, reasons.fieldSize));
      // latin1: one byte a character, so its length is the bytes that came.
      textBytes += Buffer.byteLength(name) + value.length;
      if (textBytes > textLimit) return fail(new Refusal(413, reasons.text));
      const raw = Buffer.from(value, 'latin1');
      const utf8 = isUtf8(raw);
      const text = raw.toString('utf8');
      if (name === KEPT_FILE_FIELD) {
        // Kept files count as files: a flood of tokens is refused as a flood of files is.
        if (tokens.length === limits.files) return fail(new Refusal(413, reasons.files));
        tokens.push(text);
      }
      else if (name === REMOVE_FILE_FIELD) removed.add(text);
      else {
        if (!utf8) notUtf8.add(name);
        append(body, name, text);
      }
      passesCsrf();
    });

    parser.on('file', (name, stream, info) => {
      if (done || !passesCsrf()) return void stream.resume();
      // An empty file input posts a part with no file name: nothing was chosen.
      if (!info.filename) return void stream.resume();
      const target = fileFieldFor(req, body, name);
      if (typeof target === 'string') {
        stream.resume();
        return fail(new Refusal(400, target));
      }
      const field = target.upload;
      const count = (filesOf.get(name) ?? 0) + 1;
      filesOf.set(name, count);
      const { multiple, maxFiles = limits.files, maxSize = limits.fileSize } = field.facts;
      if (count > (multiple ? maxFiles : 1)) {
        stream.resume();
        return fail(new Refusal(413, filled(reasons.fieldFiles(multiple ? maxFiles : 1), { field: field.label })));
      }
      const id = newUploadId();
      stored.push(id);

      const head = new HeadKeeper(SNIFF_BYTES, maxSize);
      receiving.add(head);
      head.on('end', () => receiving.delete(head));
      stream.on('error', (err) => head.destroy(err));
      // The store may not read it yet (it makes its folder first): an error before then is its write's.
      head.on('error', () => {});
      let tooLarge = false;
      stream.on('limit', () => {
        tooLarge = true;
        fail(new Refusal(413, reasons.fileSize));
      });
      const write = uploads.store.write(id, stream.pipe(head)).then(async () => {
        if (tooLarge || done) return;
        const type = await sniffedType(head.head, info.mimeType);
        const file: UploadedFile = uploads.file({ form: target.form, field: name, id, name: safeFileName(info.filename), type, size: head.bytes, owner: ownerOf(req) }, info.mimeType);
        append(body, name, await scanned(req, file, limits.scan));
      });
      writes.push(write);
      write.catch((err: unknown) => {
        if (err instanceof OverFieldSize) return fail(new Refusal(413, field.messages.tooLarge.replaceAll(FILE_PLACE, safeFileName(info.filename))));
        fail(err instanceof Error ? err : new Error(String(err)));
      });
    });

    parser.on('filesLimit', () => fail(new Refusal(413, reasons.files)));
    parser.on('fieldsLimit', () => fail(new Refusal(413, reasons.fields)));
    parser.on('partsLimit', () => fail(new Refusal(413, reasons.parts)));
    parser.on('error', (err: Error) => fail(new Refusal(err.message === 'Malformed part header' ? 413 : 400, err.message === 'Malformed part header' ? reasons.header : `The form data could not be read (${err.message.replace(/^Multipart: /, '')}).`)));

    parser.on('close', () => {
      void (async () => {
        await Promise.all(writes);
        // Kept files come before new ones: a single file field takes the last, so a new choice replaces.
        const owner = ownerOf(req);
        const form = namedForm(body) ?? '';
        const kept = await Promise.all(tokens.map((token) => uploads.kept(token, owner, form)));
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const found of kept.reverse()) {
          if (!found) continue;
          const { field, file } = found;
          if (file instanceof UploadedFile && removed.has(file.id)) {
            void file.discard().catch(() => {});
            continue;
          }
          const had = Object.hasOwn(body, field) ? body[field] : undefined;
          body[field] = had === undefined ? file : [file, ...(Array.isArray(had) ? (had as unknown[]) : [had])];
        }
        if (notUtf8.size) Object.defineProperty(body as ParsedBody, NOT_UTF8, { value: notUtf8 });
        req.body = body;
        log.request('%s %s multipart: %d files stored, %d kept', req.method, req.originalUrl, writes.length, kept.length);
        // Answered without a form reading its files (a 404, a route that ignores them): they go now.
        if (stored.length) res.once('finish', () => {
          if (!filesTaken(body)) for (const id of stored) void uploads.store.remove(id).catch(() => {});
        });
        next();
      })().catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
    });

    req.pipe(parser);
  };
}

/** Answers a refusal; the rest of the body is read and dropped, and the connection closed after. */
function refuse(res: Response, req: Request, refusal: Refusal): void {
  log.request('%s %s refused: %d %s', req.method, req.originalUrl, refusal.status, refusal.reason);
  if (!res.headersSent) res.status(refusal.status).set('Connection', 'close').type('text/plain').send(refusal.reason);
  req.resume();
}
