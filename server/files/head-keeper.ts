// The first bytes of a file as it streams past (what file-type reads to tell its type), and its size,
// without holding the rest: the multipart parser and the resumable endpoint both read an upload so.
import { Transform, type TransformCallback } from 'node:stream';

/** Over a file field's own size: the file's bytes stop at once. */
export class OverFieldSize extends Error {}

/**
 * Keeps the first `limit` bytes that pass through it, counts them all (`bytes`), and fails with
 * OverFieldSize once more than `cap` bytes came.
 */
export class HeadKeeper extends Transform {
  readonly #chunks: Buffer[] = [];
  #kept = 0;
  bytes = 0;
  constructor(
    private readonly limit: number,
    private readonly cap = Number.POSITIVE_INFINITY,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.cap) return done(new OverFieldSize());
    if (this.#kept < this.limit) {
      const part = chunk.subarray(0, this.limit - this.#kept);
      this.#chunks.push(part);
      this.#kept += part.length;
    }
    done(null, chunk);
  }
  get head(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
