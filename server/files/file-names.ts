// A file's name as the browser sent it is only ever shown (escaped) and handed to the app: never a path.
// Still, what is kept of it is the last segment, without control characters, and bounded.

/** The longest name kept, in characters. */
export const MAX_FILE_NAME = 255;

/** The name to keep of a posted file name: its last path segment, controls and bidi overrides removed. */
export function safeFileName(posted: string | undefined): string {
  const text = posted ?? '';
  const last = text.slice(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
  // C0, DEL, C1, and the bidirectional overrides that make "exe.pdf" read "fdp.exe".
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = clean === '.' || clean === '..' ? '' : clean;
  return Array.from(name).slice(0, MAX_FILE_NAME).join('') || 'file';
}
