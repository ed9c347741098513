// The servers the e2e tests run against: the demo from source modules on PORT, and the demo served from a
// real `dijitize build` of it on PORT + 1 (built here first, into .dijitize-e2e).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../demo/app.js';
import { demoBuildConfig } from '../demo/build-config.js';
import { build } from '../server/builder/build.js';
import { resolveBuildConfig } from '../server/builder/config.js';
import { createLogger } from '../server/builder/logger.js';
import { mountGallery } from './gallery-form.js';
import { mountHostile } from './hostile-form.js';
import { mountKinds } from './kinds-form.js';
import { mountLarge } from './large-form.js';
import { mountParity } from './parity-form.js';
import { mountPayment } from './payment-form.js';
import { mountTerms } from './terms-form.js';
import { ARCHIVE_MAX, mountArchive, testScan, uploadHands } from './archive-form.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env['PORT'] ?? 3210);
const releaseDir = path.join(root, '.dijitize-e2e');

const withTestRoutes = (app: ReturnType<typeof createApp>) => {
  mountHostile(app);
  mountGallery(app);
  mountParity(app);
  mountLarge(app);
  mountKinds(app);
  mountPayment(app);
  mountTerms(app);
  mountArchive(app);
  return app;
};
/** The demo with room for /archive's large file, a scan the tests can hold, and the tests' hands on the uploads. */
const testApp = (more: { releaseDir?: string } = {}) =>
  withTestRoutes(createApp({ ...more, uploads: { fileSize: ARCHIVE_MAX, totalSize: ARCHIVE_MAX + 1024 * 1024, scan: testScan } }, [uploadHands]));

testApp().listen(port, '127.0.0.1', () => console.log(`source demo on ${port}`));
// The release bundles the demo's forms and the test-only ones mounted above.
const summary = await build(resolveBuildConfig({ ...demoBuildConfig, releaseDir }, root), createLogger());
console.log(`built release ${summary.id}`);
testApp({ releaseDir }).listen(port + 1, '127.0.0.1', () => console.log(`built demo on ${port + 1}`));
