// The app's look at a complete upload before its token is given (`uploads.scan`): a virus scanner's
// adapter, say (docs/uploads.md has one for ClamAV). Its verdict decides whether the file is kept.
import type { UploadedFile } from './uploaded-file.js';

/**
 * What a scan says: `clean` lets the file be kept; `infected` refuses it and removes it; `failed` (the
 * scanner could not say) refuses it too, and the user tries again later.
 * @public
 */
export type ScanVerdict = 'clean' | 'infected' | 'failed';

/**
 * The `uploads.scan` setting.
 * @public
 */
export type UploadScanner = (file: UploadedFile) => Promise<ScanVerdict>;
