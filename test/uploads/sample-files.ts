// Test fixture: small files of real types, made in memory (a 1x1 PNG, a minimal PDF), and liars.
import zlib from 'node:zlib';

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1x1 grey PNG. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

/** A PDF of `size` bytes (its signature, then filler). */
export const pdfOf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, size - 16), 0x20), Buffer.from('\n%%EOF\n')]).subarray(0, Math.max(size, 16));

/** Text that says it is a PNG (by name and by Content-Type). */
export const FAKE_PNG = Buffer.from('<script>alert(1)</script> not a PNG at all');

/** A file of this request: `new File` with a name and type, for FormData. */
export const file = (bytes: Buffer, name: string, type: string): File => new File([new Uint8Array(bytes)], name, { type });
