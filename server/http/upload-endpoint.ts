// The browser's upload of a file as soon as it is chosen (JavaScript on): a multipart POST to the form's
// own URL that says which form it is for (`_file_upload`). dojo() stores the file, checks it as the
// field will (size, type), and answers with the kept file's token as JSON; the app's route never sees
// it. The form then posts the token, as it posts a file kept from a refused POST.
import type { RequestHandler } from 'express';
import { formRegistry } from '../forms/define.js';
import { UPLOAD_ONLY_FIELD } from '../forms/model/posted-names.js';
import { postedUploads } from '../forms/request/parse-uploads.js';
import { UploadedFile } from '../files/uploaded-file.js';
import { readableSize } from '../common/readable-size.js';

/** Discards every file of a body (an upload that is refused keeps nothing). */
const discardAll = (body: Record<string, unknown>) => {
  for (const value of Object.values(body)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item instanceof UploadedFile) void item.discard().catch(() => {});
  }
};

export const uploadEndpoint = (defaultLocale: string): RequestHandler => (req, res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  const formName = body && Object.hasOwn(body, UPLOAD_ONLY_FIELD) ? body[UPLOAD_ONLY_FIELD] : undefined;
  if (formName === undefined || !body) return next();
  const definition = typeof formName === 'string' ? formRegistry.get(formName) : undefined;
  const form = definition?.compiledFor(req.dojo.locale, defaultLocale);
  const upload = form?.uploads.find((u) => Object.hasOwn(body, u.name));
  if (!form || !upload) {
    discardAll(body);
    return void res.status(400).json({ error: `${UPLOAD_ONLY_FIELD}: no form ${JSON.stringify(String(formName).slice(0, 60))} with a file field posted here` });
  }
  const { errors, files } = postedUploads({ ...form, uploads: [upload] }, body);
  const error = errors[upload.path];
  if (error) {
    discardAll(body);
    return void res.status(422).json({ error });
  }
  // `shownSize` as the page shows a kept file's size (upload-html.ts), so that both say the same.
  const kept = (files[upload.path] ?? []).map((f) => ({ ...f, shownSize: readableSize(f.size) }));
  res.set('Cache-Control', 'no-store').json({ files: kept });
};
