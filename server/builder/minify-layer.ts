// The modern minifier path: dojo-util builds the layer unminified, then terser minifies it. Unlike
// uglify-js 2.8 (dojo-util's own optimizer), terser reads ES2015+ app modules.
import fs from 'node:fs';
import { minify } from 'terser';

/** Minifies a built layer in place, keeping the original beside it as `<name>.uncompressed.js`, as dojo-util does. */
export async function minifyLayer(file: string): Promise<void> {
  const source = fs.readFileSync(file, 'utf8');
  let result;
  try {
    result = await minify(source, { compress: true, mangle: true, format: { comments: false } });
  } catch (err) {
    throw new Error(`terser could not minify ${file}: ${(err as Error).message}`);
  }
  if (!result.code) throw new Error(`terser returned nothing for ${file}`);
  fs.writeFileSync(file.replace(/\.js$/, '.uncompressed.js'), source);
  fs.writeFileSync(file, result.code);
}
