// The app's scan of a complete upload (`uploads.scan`), wherever the file came: with the form's POST, the
// one-request upload, or a resumable upload's last chunk. A file the scan does not call clean is removed,
// and the field says why in the request's words; a scan that throws counts as failed.
import type { Request } from 'express';
import { LostUpload, type UploadedFile } from '../files/uploaded-file.js';
import type { ScanVerdict, UploadScanner } from '../files/upload-scanner.js';
import { FILE_PLACE } from '../forms/model/posted-names.js';
import { log } from '../common/log.js';
import { requestWords } from './refusals.js';

/** The file when the scan calls it clean (or there is no scan), else a LostUpload that says why. */
export async function scanned(req: Request, file: UploadedFile, scan: UploadScanner | undefined): Promise<UploadedFile | LostUpload> {
  if (!scan) return file;
  let verdict: ScanVerdict;
  try {
    verdict = await scan(file);
  } catch (err) {
    log.request('upload scan threw: %s', err instanceof Error ? err.message : String(err));
    verdict = 'failed';
  }
  if (verdict === 'clean') return file;
  await file.discard().catch(() => undefined);
  const words = requestWords(req).uploads;
  return new LostUpload(file.name, (verdict === 'infected' ? words.infected : words.scanFailed).replaceAll(FILE_PLACE, file.name));
}
