// tus-js-client for the build: its dist folder also holds a minified copy, a test bundle and source maps,
// which the build would scan as modules (the minified one fails it, error 311). The build reads a staged
// copy instead: only `tus.js`, the UMD build, tagged AMD (it defines itself anonymously when AMD is there).
import fs from 'node:fs';
import path from 'node:path';
import { TUS_PACKAGE, tusFolder } from '../settings/package-folders.js';

const PROFILE = `var profile = {
	resourceTags: {
		amd: function(filename){ return /tus\\.js$/.test(filename); },
		copyOnly: function(filename){ return !/tus\\.js$/.test(filename); }
	}
};
`;

/** Where `stageTus(stageDir)` puts the package. */
export const tusLocation = (stageDir: string): string => path.join(stageDir, TUS_PACKAGE);

/** Copies tus-js-client's UMD build under `stageDir` as the package `tus`, and returns its folder. */
export function stageTus(stageDir: string): string {
  const location = tusLocation(stageDir);
  fs.mkdirSync(location, { recursive: true });
  fs.copyFileSync(path.join(tusFolder(), 'tus.js'), path.join(location, 'tus.js'));
  fs.writeFileSync(path.join(location, 'package.json'), JSON.stringify({ name: TUS_PACKAGE, dojoBuild: 'tus.profile.js' }));
  fs.writeFileSync(path.join(location, 'tus.profile.js'), PROFILE);
  return location;
}
