/**
 * `dijitize/uploads`: what an app writes for forms that take files. The files a submitted form carries
 * (z.instanceof(File) fields) arrive as UploadedFile; their bytes wait in an UploadStore until the handler
 * reads them. How a POST's files are received, sniffed, named and kept lives in server/files/.
 * @module dijitize/uploads
 */
export { UploadedFile } from '../files/uploaded-file.js';
export type { ScanVerdict, UploadScanner } from '../files/upload-scanner.js';
export { folderStore, type UploadStore } from '../files/upload-store.js';
