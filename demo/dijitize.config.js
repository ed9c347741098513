// Build config of the demo app, read by `npm run build:dojo` (dijitize build --config demo/dijitize.config.js).
// Paths are relative to this folder; demoBuildConfig's are the repo's, which the tests resolve from there.
import { demoBuildConfig } from '../dist/demo/build-config.js';

export default {
  ...demoBuildConfig,
  // Importing the app defines its forms; the build bundles the modules they use.
  app: '../dist/demo/app.js',
  packages: { demo: './public/demo' },
  releaseDir: '../.dijitize',
};
