// What `dijitize build` needs to know about the demo besides its forms (demo/dijitize.config.js uses it;
// its paths are the repo root's).
import type { BuildConfigInput } from '../server/builder/index.js'; // the package's `dijitize/build`
import { demoSettings } from './app.js';

export const demoBuildConfig: BuildConfigInput = {
  settings: demoSettings as Record<string, unknown>,
  packages: { demo: './demo/public/demo' },
  modules: ['demo/home'],
  themes: ['flat'],
  releaseDir: '.dijitize',
  keep: 3,
};
