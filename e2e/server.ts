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
  return app;
};

withTestRoutes(createApp()).listen(port, '127.0.0.1', () => console.log(`source demo on ${port}`));
// The release bundles the demo's forms and the test-only ones mounted above.
const summary = await build(resolveBuildConfig({ ...demoBuildConfig, releaseDir }, root), createLogger());
console.log(`built release ${summary.id}`);
withTestRoutes(createApp({ releaseDir })).listen(port + 1, '127.0.0.1', () => console.log(`built demo on ${port + 1}`));
