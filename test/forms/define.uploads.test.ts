// File fields in a definition: what they render (a file input with accept and multiple, the form
// multipart), what parsing their files says (the field's messages, the server's and the browser's alike),
// what they do not support yet (a file inside rows, access rules), and the kept files' markup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { Acl } from '../../server/access/index.js';
import { defineForm, FormDefinitionError, resolveSettings, SettingsError } from '../../server/index.js';
import { requestDojo } from '../new-request-dojo.js';
import { PNG, FAKE_PNG, file, pdfOf } from '../uploads/sample-files.js';

const claim = defineForm(
  'upload-claim',
  z.object({
    note: z.string().min(1),
    scan: z.file().max(1000).mime(['image/png', 'application/pdf']),
    extras: z.array(z.file().max(1000)).max(2),
    photo: z.file().optional(),
  }),
  { fields: { scan: { label: 'Scan', messages: { tooLarge: 'Keep "{file}" under 1 KB.' } } } },
);

describe('file fields', () => {
  it('render as file inputs with accept and multiple, in a multipart form that loads the progress bar', () => {
    const rendered = requestDojo({ csrf: false }).form(claim);
    const html = rendered.html;
    assert.match(html, /<form id="upload-claim" class="dijitize-form" method="post" enctype="multipart\/form-data">/);
    assert.match(html, /<label for="upload-claim-scan">Scan<\/label><ul class="dijitize-kept-files" id="upload-claim-scan-kept" hidden><\/ul><input type="file" id="upload-claim-scan" name="scan" accept="image\/png,application\/pdf" required>/);
    assert.match(html, /<input type="file" id="upload-claim-extras" name="extras" multiple>/);
    assert.match(html, /<input type="file" id="upload-claim-photo" name="photo">/);
    assert.ok(claim.compiled.modules.includes('dijit/ProgressBar'));
    const spec = claim.compiled.uploads.map((u) => [u.name, u.facts.maxFiles, u.facts.maxSize ?? null]);
    assert.deepEqual(spec, [['scan', 1, 1000], ['extras', 2, 1000], ['photo', 1, null]]);
  });

  it('parse: a file that fits is the data; one too large, of a type not taken, or one too many is said with the field\'s messages', () => {
    const ok = claim.parse({ note: 'x', scan: file(PNG, 'a.png', 'image/png'), extras: [file(PNG, 'b.png', 'image/png')] });
    assert.equal(ok.ok, true);
    assert.ok(ok.ok && ok.data.scan instanceof File && ok.data.extras.length === 1 && ok.data.photo === undefined);

    const wrong = claim.parse({ note: 'x', scan: file(pdfOf(5000), 'big.pdf', 'application/pdf'), extras: [file(PNG, '1.png', 'image/png'), file(PNG, '2.png', 'image/png'), file(PNG, '3.png', 'image/png')] });
    assert.equal(wrong.ok, false);
    assert.deepEqual(wrong.state.errors, { scan: 'Keep "big.pdf" under 1 KB.', extras: 'Choose at most 2 files.' });

    const typed = claim.parse({ note: 'x', scan: file(FAKE_PNG, 'x.txt', 'text/plain'), extras: [] });
    assert.deepEqual(typed.state.errors, { scan: '"x.txt" is not a file of the types this field takes (PNG, PDF).' });

    const missing = claim.parse({ note: 'x', scan: 'not a file' });
    assert.deepEqual(missing.state.errors, { scan: 'Choose a file.' });
  });

  it('kept files show their name escaped, their token, and a Remove checkbox labelled with the name', () => {
    const name = '<img src=x onerror=alert(1)>.png';
    const html = requestDojo({ csrf: false }).form(claim, { files: { scan: [{ id: 'a'.repeat(32), name, size: 2048, token: 'tok"en' }] } }).html;
    assert.match(html, /<span class="dijitize-file-name">&lt;img src=x onerror=alert\(1\)&gt;\.png<\/span> <span class="dijitize-file-size">\(2 KB\)<\/span>/);
    assert.match(html, /<input type="hidden" name="_file" value="tok&quot;en">/);
    assert.match(html, /<label for="upload-claim-scan-remove-0">Remove &lt;img src=x onerror=alert\(1\)&gt;\.png<\/label>/);
    assert.doesNotMatch(html, /<img/);
  });

  it('a file inside a list of rows, a widget option, or access rules fail at definition naming the form and field', () => {
    assert.throws(() => defineForm('upload-rows', z.object({ rows: z.array(z.object({ doc: z.file() })).max(2) })), (err: unknown) => err instanceof FormDefinitionError && /Form "upload-rows", field "rows\.\$row\.doc": a file field has no form field inside a list/.test(err.message));
    const acl = new Acl().role('clerk').allow('clerk', 'claims', 'read');
    assert.throws(() => defineForm('upload-access', z.object({ doc: z.file() }), { access: { acl, see: { resource: 'claims', privilege: 'read' } } }), /Form "upload-access": access rules on a form with lists of rows, discriminated unions or file fields are not supported yet/);
    assert.throws(() => defineForm('upload-widget', z.object({ doc: z.file() }), { fields: { doc: { widget: 'dijit/form/TextBox' } } }), /Form "upload-widget", field "doc": a file field takes label, help, messages, access, not widget/);
  });
});

describe('upload settings', () => {
  it('fail at start-up naming the key', () => {
    const fails = (uploads: object, key: RegExp) => assert.throws(() => resolveSettings({ uploads } as never), (err: unknown) => err instanceof SettingsError && key.test(err.message));
    fails({ fileSize: 'lots' }, /uploads\.fileSize: a size such as "2mb"/);
    fails({ fileSize: '2mb', totalSize: '1mb' }, /uploads\.fileSize: fileSize must not be larger than totalSize/);
    fails({ dir: '/tmp/x', store: { write() {}, read() {}, size() {}, remove() {}, sweep() {} } }, /uploads\.store: give dir or store, not both/);
    fails({ store: { write() {} } }, /uploads\.store: an UploadStore/);
    fails({ ttl: 5 }, /uploads\.ttl: at least 60 seconds/);
    fails('yes' as never, /uploads: false, or an object of upload settings/);
    const uploads = resolveSettings({ uploads: { fileSize: '2mb' } }).uploads;
    assert.equal(uploads && uploads.fileSize, 2 * 1024 * 1024);
  });
});
