// Test helper: the tus protocol as tus-js-client speaks it, one request at a time over fetch, so that a
// test can cut a chunk halfway (the connection dropped) and ask where to go on (HEAD).
import type { FormSession } from '../form-session.js';

const TUS = { 'tus-resumable': '1.0.0' };
const metadata = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

export interface TusUpload {
  /** The upload's URL (the Location of its creation). */
  url: string;
}

/** What a tus request of the session gets: its status, headers and body. */
export interface TusAnswer {
  status: number;
  headers: Headers;
  body: string;
}

const answer = async (res: Response): Promise<TusAnswer> => ({ status: res.status, headers: res.headers, body: await res.text() });

/** A form session, with the headers that say whose it is (csrf.sessionId's), if any. */
export type TusSession = FormSession & { headers?: Record<string, string> };

/** The session's headers: its cookie and CSRF token. */
const sessionHeaders = (s: TusSession, csrf = true) => ({ ...TUS, ...s.headers, cookie: s.cookie, ...(csrf ? { 'x-csrf-token': s.token } : {}) });

/** Creates an upload of `size` bytes for a form's file field; the answer, with the upload's URL when made. */
export async function create(base: string, s: TusSession, file: { form: string; field: string; name: string; type: string; size: number }, csrf = true): Promise<TusAnswer & { url: string }> {
  const res = await fetch(`${base}/dojo/uploads`, {
    method: 'POST',
    headers: { ...sessionHeaders(s, csrf), 'upload-length': String(file.size), 'upload-metadata': metadata({ form: file.form, field: file.field, filename: file.name, filetype: file.type }) },
  });
  const location = res.headers.get('location') ?? '';
  return { ...(await answer(res)), url: location ? new URL(location, base).href : '' };
}

/** Where the server has the upload: its offset, or null when it has none. */
export async function offsetOf(s: TusSession, url: string): Promise<number | null> {
  const res = await fetch(url, { method: 'HEAD', headers: sessionHeaders(s) });
  return res.status === 200 ? Number(res.headers.get('upload-offset')) : null;
}

/** Sends `bytes` from `offset`. */
export async function patch(s: TusSession, url: string, bytes: Buffer, offset: number): Promise<TusAnswer> {
  const res = await fetch(url, { method: 'PATCH', headers: { ...sessionHeaders(s), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes) });
  return answer(res);
}

/**
 * Sends `bytes` from `offset`, but the connection drops once `cut` of them have gone: the request is
 * aborted mid-body. Resolves when the server has seen the request end.
 */
export async function patchCut(s: TusSession, url: string, bytes: Buffer, offset: number, cut: number): Promise<void> {
  const abort = new AbortController();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= cut) {
        abort.abort();
        return;
      }
      const chunk = bytes.subarray(sent, Math.min(cut, sent + 64 * 1024));
      sent += chunk.length;
      controller.enqueue(new Uint8Array(chunk));
    },
  });
  await fetch(url, {
    method: 'PATCH',
    headers: { ...sessionHeaders(s), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
    body,
    duplex: 'half',
    signal: abort.signal,
  } as RequestInit).catch(() => undefined);
}
