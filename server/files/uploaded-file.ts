// What a form's file field gives a handler: a standard `File` (zod's `z.file()` takes it, `.max()` reads
// its size and `.mime()` its type) whose bytes stay in the upload store until the handler reads, streams
// or moves them; and what stands in for a kept file that is no longer there.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { UploadStore } from './upload-store.js';

/** Where an uploaded file came from: this POST, or a token of an earlier one (a kept file). */
export interface UploadSource {
  store: UploadStore;
  id: string;
  /** The signed token that keeps it for the next POST of the form (file-tokens.ts). */
  token: string;
  /** The type the browser said it was (`type` is what its bytes are). */
  declaredType: string;
}

/**
 * An uploaded file, stored until the handler takes it. `type` is the type its bytes were found to be (a
 * PNG named `x.pdf` is `image/png`; a "PNG" that is not one is `application/octet-stream`).
 * @example if (result.ok) await result.data.receipt.moveTo(`/srv/receipts/${id}`);
 * @public
 */
export class UploadedFile extends File {
  readonly #size: number;
  readonly #source: UploadSource;
  constructor(name: string, type: string, size: number, source: UploadSource) {
    super([], name, { type });
    this.#size = size;
    this.#source = source;
  }
  override get size(): number {
    return this.#size;
  }
  /** The id of its bytes in the upload store. */
  get id(): string {
    return this.#source.id;
  }
  /** The type the browser claimed; `type` is the one its bytes show. */
  get declaredType(): string {
    return this.#source.declaredType;
  }
  /** The token that keeps it across a refused POST (rendered by the form; apps do not need it). */
  get token(): string {
    return this.#source.token;
  }
  /** Removes its bytes from the store (a file the form refused); the handler of a valid POST moves them instead. */
  discard(): Promise<void> {
    return this.#source.store.remove(this.#source.id);
  }
  /** Its bytes as a Node stream, read from the store. */
  nodeStream(): Readable {
    return this.#source.store.read(this.#source.id);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return Readable.toWeb(this.nodeStream()) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.nodeStream()) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>;
  }
  override async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }
  /**
   * Moves its bytes to `destination`, a file of this machine (a rename where the store allows it); the
   * store no longer holds them after.
   */
  async moveTo(destination: string): Promise<void> {
    const { store, id } = this.#source;
    if (store.moveTo) return store.moveTo(id, destination);
    await pipeline(store.read(id), fs.createWriteStream(destination));
    await store.remove(id);
  }
}

/**
 * A file that cannot be taken: a kept file whose token was forged, made for another field, expired, or
 * whose bytes were swept; or a new one the app's scan refused. The form shows it as the field's error; the
 * user chooses the file again.
 */
export class LostUpload {
  constructor(
    /** The file's name, as its token says it. */
    readonly name: string,
    /** What the field says of it, when not that it is lost (a scan's verdict). */
    readonly message?: string,
  ) {}
}
