// What dojo() serves from the Dojo packages and from releases: only what pages load. Dojo's test pages,
// PHP and SWF files would run script on the app's origin (one of them loads a script named in its query).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import express from 'express';
import { dojo } from '../../server/index.js';
import { packageFolder } from '../../server/settings/package-folders.js';
import { isServedPath } from '../../server/serve/served-files.js';
import { manifestText, releaseDirWith } from '../release-fixture.js';
import { withServer } from '../serve.js';

const appWith = (settings: Parameters<typeof dojo>[0] = {}) => express().use(dojo(settings));

/** Every file below a package folder whose path matches, as `/dojo/<package>/<path>` URLs. */
function urlsOf(pkg: string, match: (relative: string) => boolean): string[] {
  const root = packageFolder(pkg);
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
  return files.filter(match).map((f) => `/dojo/${pkg}/${f}`);
}

describe('served files: an allow-list of what pages load', () => {
  it('serves modules, nls bundles, stylesheets, images and widget templates', () => {
    for (const file of ['dojo.js', 'nls/de/colors.js', 'themes/claro/claro.css', 'themes/claro/images/standardGradient.svg', 'form/templates/Button.html', 'icons/images/editorIconsEnabled.png']) {
      assert.equal(isServedPath(file), true, file);
    }
  });

  it('refuses tests, demos, PHP, SWF, pages, dotfiles, build reports and manifests', () => {
    for (const file of ['tests/form/_autoComplete.html', 'testsDOH/_base/xhtml.php', 'form/resources/uploader.swf', 'resources/iframe_history.html', 'resources/blank.html',
      'demos/mail.html', 'mobile/tests/x.js', 'robot.html', '.npmignore', 'build-report.txt', 'manifest.json', 'package.json', 'README.md', 'a/.hidden/x.js', 'x.js.map']) {
      assert.equal(isServedPath(file), false, file);
    }
  });

  it('the test page that loads a script named in its query is 404, and so is every PHP, SWF and non-template page', async () => {
    const urls = [
      '/dojo/dijit/tests/form/_autoComplete.html?testWidget=//2130706433:4999/x',
      ...['dojo', 'dijit', 'dojox'].flatMap((pkg) => urlsOf(pkg, (f) => /\.(php|swf)$/.test(f))),
      ...['dojo', 'dijit', 'dojox'].flatMap((pkg) => urlsOf(pkg, (f) => f.endsWith('.html') && !/(^|\/)templates\//.test(f))),
    ];
    assert.ok(urls.length > 300, `${urls.length} URLs`);
    await withServer(appWith(), async (base) => {
      for (const url of urls) assert.equal((await fetch(`${base}${url}`)).status, 404, url);
    });
  });

  it('of tus-js-client, only the browser build pages load (tus.js): not its test bundle, minified twin or maps', async () => {
    await withServer(appWith(), async (base) => {
      const tus = await fetch(`${base}/dojo/tus/tus.js`);
      assert.equal(tus.status, 200);
      assert.match(await tus.text(), /define\.amd/);
      for (const file of ['browser-test-bundle.js', 'tus.min.js', 'tus.js.map', 'tus.min.js.map', '../package.json']) {
        assert.equal((await fetch(`${base}/dojo/tus/${file}`)).status, 404, file);
      }
    });
  });

  it('templates are served as plain text, every file with nosniff and a sandboxing CSP', async () => {
    await withServer(appWith(), async (base) => {
      const template = await fetch(`${base}/dojo/dijit/form/templates/Button.html`);
      assert.equal(template.status, 200);
      assert.equal(template.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.match(await template.text(), /dijitButtonNode/);
      const script = await fetch(`${base}/dojo/dojo/dojo.js`);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
      for (const res of [template, script]) {
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
      }
      assert.equal((await fetch(`${base}/dojo/dojo/%E0%A4%A.js`)).status, 404);
    });
  });

  it('in release mode the source packages are not served; the release is, but not its build report or manifest', async () => {
    // Below a dot folder, as `.dijitize` is.
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-app-')), '.dijitize');
    fs.renameSync(releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': 'built', 'build-report.txt': '/root/secret/path', 'dijit/tests/t.html': '<script>', 'dojo/nls/dojo_de.js': 'nls' }), dir);
    await withServer(appWith({ releaseDir: dir }), async (base) => {
      assert.equal((await fetch(`${base}/dojo/dojo/dojo.js`)).status, 404);
      assert.equal((await fetch(`${base}/dojo/dijitize/boot.js`)).status, 404);
      const layer = await fetch(`${base}/dojo/release/r1/dojo/dojo.js`);
      assert.equal(layer.status, 200);
      assert.match(layer.headers.get('cache-control') ?? '', /immutable/);
      assert.equal((await fetch(`${base}/dojo/release/r1/dojo/nls/dojo_de.js`)).status, 200);
      for (const file of ['build-report.txt', 'manifest.json', 'dijit/tests/t.html']) assert.equal((await fetch(`${base}/dojo/release/r1/${file}`)).status, 404, file);
    });
  });

  it('never follows a symlink out of a served folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.js'), 'secret');
    const dir = releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': 'built' });
    const release = path.join(dir, 'releases', 'r1');
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(release, 'dojo', 'linked.js'));
    fs.symlinkSync(outside, path.join(release, 'elsewhere'));
    fs.symlinkSync(path.join(release, 'dojo', 'dojo.js'), path.join(release, 'dojo', 'inside.js'));
    await withServer(appWith({ releaseDir: dir }), async (base) => {
      assert.equal((await fetch(`${base}/dojo/release/r1/dojo/linked.js`)).status, 404);
      assert.equal((await fetch(`${base}/dojo/release/r1/elsewhere/secret.js`)).status, 404);
      assert.equal(await (await fetch(`${base}/dojo/release/r1/dojo/inside.js`)).text(), 'built');
    });
  });

  it('never follows a symlinked compressed twin: the plain file is sent instead', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-outside-'));
    fs.writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0');
    const dir = releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': 'built' });
    const layer = path.join(dir, 'releases', 'r1', 'dojo', 'dojo.js');
    fs.symlinkSync(path.join(outside, 'passwd'), `${layer}.br`);
    fs.symlinkSync(path.join(outside, 'passwd'), `${layer}.gz`);
    await withServer(appWith({ releaseDir: dir }), async (base) => {
      const res = await rawGet(`${base}/dojo/release/r1/dojo/dojo.js`, 'br, gzip');
      assert.equal(res.headers['content-encoding'], undefined);
      assert.equal(res.body.toString(), 'built');
    });
  });

  it('a download the client aborts is no error: nothing reaches the app\'s error handler', async () => {
    const dir = releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': 'x'.repeat(4_000_000) });
    const errors: unknown[] = [];
    const app = appWith({ releaseDir: dir });
    app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(err);
      res.status(500).end();
    });
    await withServer(app, async (base) => {
      for (let i = 0; i < 20; i++) {
        await new Promise<void>((resolve) => {
          const req = http.get(`${base}/dojo/release/r1/dojo/dojo.js`);
          req.on('error', () => resolve());
          req.on('socket', (socket) => socket.on('connect', () => setImmediate(() => req.destroy())));
          req.on('close', () => resolve());
        });
      }
      // The server has seen every request by the time it answers one more.
      assert.equal((await fetch(`${base}/dojo/release/r1/dojo/missing.js`)).status, 404);
    });
    assert.deepEqual(errors.map(String), []);
  });

  it('a release sends the compressed twin the browser accepts (br, else gzip), with Content-Encoding and Vary', async () => {
    const text = 'define([], function () { return "layer"; });'.repeat(50);
    const dir = releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': text, 'dojo/only-plain.js': text });
    const layer = path.join(dir, 'releases', 'r1', 'dojo', 'dojo.js');
    fs.writeFileSync(`${layer}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${layer}.gz`, zlib.gzipSync(text));
    await withServer(appWith({ releaseDir: dir }), async (base) => {
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null], ['br;q=0.5, gzip;q=1', 'gzip']] as const) {
        const res = await rawGet(`${base}/dojo/release/r1/dojo/dojo.js`, accept);
        assert.equal(res.headers['content-encoding'], encoding ?? undefined, accept);
        assert.match(res.headers['content-type'] ?? '', /javascript/);
        assert.match(String(res.headers['vary']), /Accept-Encoding/);
        const decoded = encoding === 'br' ? zlib.brotliDecompressSync(res.body) : encoding === 'gzip' ? zlib.gunzipSync(res.body) : res.body;
        assert.equal(decoded.toString(), text);
      }
      assert.equal((await rawGet(`${base}/dojo/release/r1/dojo/only-plain.js`, 'br')).headers['content-encoding'], undefined);
      assert.equal((await rawGet(`${base}/dojo/release/r1/dojo/dojo.js.br`, 'br')).status, 404);
    });
  });
});

describe('release URL (a CDN)', () => {
  it('pages load the release from releaseUrl; a bad value fails at start-up naming the key', async () => {
    const dir = releaseDirWith(manifestText('r1'), 'r1', { 'dojo/dojo.js': 'built' });
    const app = appWith({ releaseDir: dir, releaseUrl: 'https://cdn.example.com/app-dojo' });
    app.get('/page', (req, res) => res.json({ src: req.dojo.src, baseUrl: req.dojo.effectiveConfig()['baseUrl'] }));
    await withServer(app, async (base) => {
      assert.deepEqual(await (await fetch(`${base}/page`)).json(), { src: 'https://cdn.example.com/app-dojo/r1/dojo/dojo.js', baseUrl: 'https://cdn.example.com/app-dojo/r1/dojo/' });
    });
    assert.throws(() => dojo({ releaseUrl: 'https://cdn.example.com/' }), /releaseUrl: an absolute URL or a path/);
  });
});

/** A GET that leaves the body as sent (fetch would decode it). */
function rawGet(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
