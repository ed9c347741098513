// The flat theme comes from dojo-themes, whose own build profile tags its Gruntfile as AMD and fails the
// build (error 307). The build reads a staged copy instead: only `flat/`, with a profile that marks every
// file copy-only, so that the build just inlines the theme's CSS.
import fs from 'node:fs';
import path from 'node:path';
import { packageFolder } from '../settings/package-folders.js';

const PROFILE = `var profile = {
	resourceTags: {
		copyOnly: function(filename){ return !/\\.css$/.test(filename); },
		amd: function(){ return false; }
	}
};
`;

/** Where `stageFlatTheme(stageDir)` puts the package. */
export const flatThemeLocation = (stageDir: string): string => path.join(stageDir, 'dojo-themes');

/** Copies dojo-themes' flat theme under `stageDir` and returns the package's folder. */
export function stageFlatTheme(stageDir: string): string {
  const location = flatThemeLocation(stageDir);
  fs.cpSync(path.join(packageFolder('dojo-themes'), 'flat'), path.join(location, 'flat'), { recursive: true });
  fs.writeFileSync(path.join(location, 'package.json'), JSON.stringify({ name: 'dojo-themes', version: '1.14.1', dojoBuild: 'themes.profile.js' }));
  fs.writeFileSync(path.join(location, 'themes.profile.js'), PROFILE);
  return location;
}
