// What type an upload is, by its bytes rather than by the browser's word: a PNG is a PNG when its first
// bytes are PNG's signature (file-type reads them), whatever its name or Content-Type say. A type that
// file-type can recognise but does not find in the bytes is a lie, and the file is typed
// `application/octet-stream`, which a `.mime([...])` check then refuses. Types without a signature
// (text/plain, text/csv) keep the browser's word: there are no bytes to check it by.
import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';

/** How many leading bytes are read to find the type (file-type's own recommendation). */
export const SNIFF_BYTES = 4100;

/** The type of bytes that are not what they claim. */
export const UNKNOWN_TYPE = 'application/octet-stream';

const checkable = supportedMimeTypes as ReadonlySet<string>;
/** Types spelled two ways, by what browsers send to what file-type says. */
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

/** The type to give a file of these leading bytes that the browser says is `declared`. */
export async function sniffedType(head: Buffer, declared: string): Promise<string> {
  const claimed = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  const canonical = ALIASES[claimed] ?? claimed;
  return checkable.has(canonical) || canonical === '' ? UNKNOWN_TYPE : canonical;
}
