// The uploads of one dojo(): its store, the tokens that keep files across POSTs, and the sweep that
// removes what no POST took in time (at start-up, then on a timer that never keeps the process alive).
import { fileTokens, type FileTokens, type KeptUpload } from './file-tokens.js';
import { folderStore, type UploadStore } from './upload-store.js';
import { LostUpload, UploadedFile } from './uploaded-file.js';
import { log } from '../common/log.js';
import type { KeyRing } from '../common/key-ring.js';

export interface UploadServiceOptions {
  store?: UploadStore | undefined;
  dir?: string | undefined;
  /** Seconds an upload is kept. */
  ttl: number;
  /** Seconds between sweeps. */
  sweepEvery: number;
  /** The app's keys: tokens are signed with the newest, taken with any. */
  keys: KeyRing;
}

export class UploadService {
  readonly store: UploadStore;
  readonly tokens: FileTokens;
  readonly ttlMs: number;
  #timer: NodeJS.Timeout | null = null;
  constructor(options: UploadServiceOptions) {
    this.store = options.store ?? folderStore(options.dir);
    this.tokens = fileTokens(options.keys);
    this.ttlMs = options.ttl * 1000;
    this.#sweepNow();
    this.#timer = setInterval(() => this.#sweepNow(), options.sweepEvery * 1000);
    this.#timer.unref();
  }

  #sweepNow(): void {
    this.sweep().catch((err: unknown) => log.request('upload sweep failed: %s', err instanceof Error ? err.message : String(err)));
  }

  /** Removes every upload older than the TTL; resolves to how many went. */
  async sweep(): Promise<number> {
    const removed = await this.store.sweep(Date.now() - this.ttlMs);
    if (removed) log.request('upload sweep removed %d expired uploads', removed);
    return removed;
  }

  /** Stops the timer (tests, and apps that close their server). */
  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * A new upload as the file a form gets, with a token that keeps it for the next POST until the sweep
   * may remove it (its TTL from now: a kept file's token keeps the time it was first given).
   */
  file(upload: Omit<KeptUpload, 'expires'>, declaredType: string): UploadedFile {
    const token = this.tokens.sign({ ...upload, expires: Date.now() + this.ttlMs });
    return new UploadedFile(upload.name, upload.type, upload.size, { store: this.store, id: upload.id, token, declaredType });
  }

  /**
   * The file a kept token names, posted under the field it was made for; a token that is forged, expired,
   * made in another session (`owner`) or for another form (`form`, the one the POST names), or names
   * bytes no longer stored gives a LostUpload for its field (or null when not even that is readable).
   */
  async kept(token: string, owner: string, form: string): Promise<{ field: string; file: UploadedFile | LostUpload } | null> {
    const upload = this.tokens.verify(token);
    if (typeof upload === 'string' || upload.owner !== owner || upload.form !== form) {
      const claimed = readClaim(token);
      return claimed ? { field: claimed.field, file: new LostUpload(claimed.name) } : null;
    }
    const size = await this.store.size(upload.id);
    if (size !== upload.size) return { field: upload.field, file: new LostUpload(upload.name) };
    return { field: upload.field, file: new UploadedFile(upload.name, upload.type, upload.size, { store: this.store, id: upload.id, token, declaredType: upload.type }) };
  }
}

/** What an unverified token says of its field and name: only ever used to place the error it gets. */
function readClaim(token: string): { field: string; name: string } | null {
  try {
    const claim = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof claim['field'] === 'string' && typeof claim['name'] === 'string' ? { field: claim['field'], name: claim['name'] } : null;
  } catch {
    return null;
  }
}
