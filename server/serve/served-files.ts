// Serves the files of a package folder that pages load, and nothing else. Dojo's npm packages ship about
// 2,000 test and demo pages, PHP and SWF files: served from the app's origin, some of them load script
// named in their query string. So a file is served only when it is a kind a page loads (an allow-list),
// outside any test or demo folder, and inside its folder once every symlink is resolved.
import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import Negotiator from 'negotiator';

/** What a page loads: modules and nls bundles, stylesheets, images, fonts. */
const SERVED_EXTENSIONS = new Set(['.js', '.css', '.png', '.gif', '.jpg', '.jpeg', '.svg', '.ico', '.webp', '.cur', '.woff', '.woff2', '.ttf', '.eot', '.otf']);
/** Folders of tests, demos, benchmarks and docs (`tests`, `testsDOH`, `demos`, `robot`, `DocTester`...). */
const UNSERVED_FOLDER = /test|demo|bench|robot|example|doc/i;
const TEMPLATE_FOLDER = 'templates';

/**
 * Whether a path inside a package (`dijit/form/templates/Button.html` -> `form/templates/Button.html`)
 * is a file pages load. Widget templates (`templates/*.html`) are, because `dojo/text!` fetches them;
 * no other HTML is.
 */
export function isServedPath(relative: string): boolean {
  const parts = relative.split('/');
  const file = parts.pop() ?? '';
  if (file.startsWith('.') || parts.some((dir) => dir === '' || dir.startsWith('.') || UNSERVED_FOLDER.test(dir))) return false;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') return parts.at(-1) === TEMPLATE_FOLDER;
  return SERVED_EXTENSIONS.has(ext);
}

/** Headers on every served file: never sniffed into another type, and inert if opened as a page. */
const FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

/** The encodings a release carries beside a text file (written by the build), by their file suffix. */
export const PRECOMPRESSED = { br: '.br', gzip: '.gz' } as const;
const ENCODINGS = Object.keys(PRECOMPRESSED) as Array<keyof typeof PRECOMPRESSED>;

export interface ServeFolderOptions {
  /** Cache for a year: for folders whose files never change (releases are named by content). */
  immutable?: boolean;
  /** Serve only while this is true (the source packages, while no release is served). */
  when?: () => boolean;
  /** Send `<file>.br` or `<file>.gz` when the browser accepts it and it exists (releases). */
  precompressed?: boolean;
  /** Serve these files of the folder (paths relative to it) and no other: a package of which pages load one file. */
  only?: readonly string[];
}

/** negotiator 1.x takes the server's preference for ties (its @types describe 0.6). */
type EncodingNegotiator = { encodings(available: readonly string[], options: { preferred: readonly string[] }): string[] };

/**
 * The compressed twin of `file` to send for this request, if the browser takes one and it exists. Of
 * encodings the browser rates alike (all do, with q=1), brotli is preferred: it is the smaller.
 */
function compressedTwin(req: Request, file: string): { encoding: string; file: string } | null {
  const negotiator = new Negotiator(req) as unknown as EncodingNegotiator;
  const encoding = negotiator.encodings([...ENCODINGS, 'identity'], { preferred: ENCODINGS })[0];
  if (encoding !== 'br' && encoding !== 'gzip') return null;
  const twin = `${file}${PRECOMPRESSED[encoding]}`;
  return twinExists(twin) ? { encoding, file: twin } : null;
}

/**
 * Whether a twin exists as a file of its own: `file` is real already (symlinks resolved), so a twin whose
 * real path is not its own path is a link, and is never followed (`Button.js.br -> /etc/passwd`). Release
 * files never change, so this is looked up once (bounded).
 */
const twins = new Map<string, boolean>();
function twinExists(twin: string): boolean {
  let exists = twins.get(twin);
  if (exists === undefined) {
    if (twins.size > 20_000) twins.clear();
    try {
      exists = fs.realpathSync(twin) === twin && fs.statSync(twin).isFile();
    } catch {
      exists = false;
    }
    twins.set(twin, exists);
  }
  return exists;
}

/** A download the client gave up (a closed tab, a cancelled load): normal, and nothing to report. */
const isAborted = (err: Error & { code?: string }) => err.code === 'ECONNABORTED' || err.code === 'ECONNRESET' || err.code === 'EPIPE';

/**
 * Middleware that serves the loadable files of `folder` (mount it at the folder's URL). Anything else
 * falls through to the app, which answers 404 as for any unknown URL.
 */
export function serveFolder(folder: string, options: ServeFolderOptions = {}): RequestHandler {
  let root: string | null = null;
  const cache = { maxAge: options.immutable ? '365d' : 0, immutable: options.immutable ?? false };
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || (options.when && !options.when())) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next(); // not a path any file has
    }
    if (relative.includes('\0') || relative.includes('\\') || !isServedPath(relative)) return next();
    if (options.only && !options.only.includes(relative)) return next();
    const realRoot = (root ??= fs.realpathSync(folder));
    fs.realpath(path.join(realRoot, relative), (err, file) => {
      // Missing, or a link that leads out of the folder (or to a file not served): the same 404, so
      // nothing is learnt about what lies outside.
      const inside = !err && file.startsWith(realRoot + path.sep) && isServedPath(path.relative(realRoot, file).split(path.sep).join('/'));
      if (!inside) return next();
      const ext = path.extname(file).toLowerCase();
      res.type(ext === '.html' ? 'text/plain; charset=utf-8' : ext); // kept when a compressed twin is sent
      const twin = options.precompressed ? compressedTwin(req, file) : null;
      if (options.precompressed) res.vary('Accept-Encoding');
      if (twin) res.set('Content-Encoding', twin.encoding);
      // Dot segments were refused above, inside the folder; the folder itself may sit below one (.dijitize).
      res.sendFile(twin?.file ?? file, { headers: FILE_HEADERS, dotfiles: 'allow', ...cache }, (sendErr?: Error & { status?: number; code?: string }) => {
        if (!sendErr || isAborted(sendErr) || req.socket.destroyed) return;
        if (!res.headersSent) next(sendErr.status === 404 ? undefined : sendErr);
      });
    });
  };
}
