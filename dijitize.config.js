// Build config of the demo app, read by `npm run build:dojo` (dijitize build). Paths are relative to here.
import { demoBuildConfig } from './dist/demo/build-config.js';

export default {
  ...demoBuildConfig,
  // Importing the app defines its forms; the build bundles the modules they use.
  app: './dist/demo/app.js',
};
