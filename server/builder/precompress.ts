// Writes `.br` and `.gz` beside every text file of a release that pages can load, so that the server
// sends compressed bytes without compressing per request (served-files.ts picks the best one a browser
// accepts). The files every page loads (the layer, boot.js, the theme CSS) get brotli's best quality;
// the rest, loaded rarely if ever, a fast one, so that a build stays quick.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isServedPath, PRECOMPRESSED } from '../serve/served-files.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** What is worth compressing: text. Images and fonts are compressed formats already. */
const TEXT = /\.(js|css|html|svg)$/;
/** Files compressed at once: zlib works on libuv's thread pool. */
const BATCH = 16;

async function compress(file: string, best: boolean): Promise<void> {
  const data = await fs.promises.readFile(file);
  const quality = best ? zlib.constants.BROTLI_MAX_QUALITY : 5;
  const [br, gz] = await Promise.all([
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([fs.promises.writeFile(`${file}${PRECOMPRESSED.br}`, br), fs.promises.writeFile(`${file}${PRECOMPRESSED.gzip}`, gz)]);
}

/** Compresses the text files of the release in `dir`; `everyPage` (paths inside it) get the best quality. */
export async function precompress(dir: string, everyPage: readonly string[]): Promise<number> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => TEXT.test(f) && isServedPath(f));
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(files.slice(i, i + BATCH).map((f) => compress(path.join(dir, f), everyPage.includes(f))));
  }
  return files.length;
}
