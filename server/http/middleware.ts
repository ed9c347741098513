// The Express side: `dojo(settings)` serves the Dojo packages (or a built release) and gives every
// request its own `req.dojo`, mirrored on `res.locals.dojo` for templates.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import cookieParser from 'cookie-parser';
import bytes from 'bytes';
import { CLIENT_PACKAGE, moduleFile } from '../settings/amd-ids.js';
import { negotiateLocale } from '../settings/locales.js';
import { formRegistry, missingTranslations } from '../forms/define.js';
import { recordAppSettings } from '../settings/app-settings.js';
import { createCsrfGuard, csrfErrors } from './csrf.js';
import { setRequestKeys } from './request-keys.js';
import { submittedOnce } from './nothing-lost/submitted-once.js';
import { formBodyParser } from './form-body.js';
import { multipartBodyParser } from './multipart-body.js';
import { RESUMABLE_PATH, resumableUploads } from './resumable-uploads.js';
import { uploadEndpoint } from './upload-endpoint.js';
import { liveCheckEndpoint } from './live-check.js';
import { endpointLimit } from './endpoint-limit.js';
import { choicesEndpoint } from './choices-endpoint.js';
import { CHECK_PATH, CHOICES_PATH } from './endpoint-field.js';
import { UploadService } from '../files/upload-service.js';
import { keyRing, type KeyRing } from '../common/key-ring.js';
import { resolveKeyRing, SECRETS_VARIABLE } from '../settings/app-keys.js';
import { warnRenamed } from '../common/deprecated.js';
import { SERVED_ONLY, servedFolders, themePath, TUS_PACKAGE } from '../settings/package-folders.js';
import { serveFolder } from '../serve/served-files.js';
import { RequestDojo, type DojoSources } from './request-dojo.js';
import { SettingsError } from '../common/errors.js';
import { createReleaseSource, RELEASES_FOLDER, type Release } from '../serve/release-source.js';
import { resolveSettings, type DojoSettings, type ResolvedSettings, type UploadSettings } from '../settings/settings.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** This request's Dojo set-up, attached by dijitize's `dojo()` middleware. */
      dojo: RequestDojo;
    }
    interface Locals {
      dojo: RequestDojo;
    }
  }
}

function sourceMode(settings: ResolvedSettings): DojoSources {
  const local = settings.prefix;
  const src = settings.src ?? `${local}/dojo/dojo.js`;
  // A CDN keeps dojo, dijit and dojox side by side, as npm does: the theme lives beside dojo/.
  const base = src.slice(0, -'/dojo/dojo.js'.length) || local;
  return {
    src,
    locate: { packages: [{ name: CLIENT_PACKAGE, location: `${local}/${CLIENT_PACKAGE}` }, { name: TUS_PACKAGE, location: `${local}/${TUS_PACKAGE}` }] },
    themeUrl: (theme) => `${theme === 'flat' ? local : base}/${themePath(theme)}`,
    clientUrl: (file) => `${local}/dijitize/${file}`,
    release: null,
  };
}

function releaseMode(settings: ResolvedSettings, release: Release): DojoSources {
  const base = `${settings.releaseUrl ?? `${settings.prefix}/release`}/${release.id}`;
  const { manifest } = release;
  return {
    src: `${base}/${manifest.dojo}`,
    locate: {
      baseUrl: `${base}/dojo/`,
      packages: manifest.packages.filter((name) => name !== 'dojo').map((name) => ({ name, location: `${base}/${name}` })),
    },
    themeUrl: (theme) => `${base}/${manifest.themes[theme] ?? themePath(theme)}`,
    clientUrl: (file) => `${base}/dijitize/${file}`,
    release,
  };
}

/** A `req.dojo` for these settings, loading from `release` when there is one, else from the sources. */
export function createRequestDojo(settings: ResolvedSettings, release: Release | null = null): RequestDojo {
  return new RequestDojo(settings, release ? releaseMode(settings, release) : sourceMode(settings));
}

/**
 * The keys of kept files' tokens: the app's ring, or (deprecated) uploads.secret alone. A process's own
 * random key, in production, is said once its forms are defined if any has a file field (kept files then
 * work only when the same process serves the next POST).
 */
function uploadKeys(keys: KeyRing, uploads: UploadSettings): KeyRing {
  if (uploads.secret) {
    warnRenamed('uploads.secret', 'secrets (one ring for all that dijitize signs)');
    return keyRing([uploads.secret]);
  }
  if (keys.own && process.env['NODE_ENV'] === 'production') {
    setImmediate(() => {
      const withFiles = [...formRegistry.values()].filter((f) => f.compiled.uploads.length).map((f) => f.name);
      if (withFiles.length) process.emitWarning(`forms ${withFiles.join(', ')} take files, and secrets is not set (nor ${SECRETS_VARIABLE}): a file kept from a refused POST is taken only by this process`, { code: 'DIJITIZE_UPLOAD_SECRET' });
    });
  }
  return keys;
}

/**
 * A formFunction module in a package dojo() serves (dijitize, dojo, dijit, dojox) must be there: checked at
 * start-up, as the build checks it, not found by users as a 404 in the browser's console. A module of the
 * app's own packages is loaded from URLs dojo() does not know, so it is the app's to keep right.
 */
function assertFormFunctionExists(settings: ResolvedSettings, served: Record<string, string>): void {
  const module = settings.formFunction?.module;
  if (!module) return;
  const name = module.split('/')[0] ?? '';
  const folder = served[name];
  if (!folder) return;
  const file = path.normalize(moduleFile(folder, module));
  if (!fs.existsSync(file)) {
    throw new SettingsError(`Invalid dijitize settings:\n  formFunction.module: "${module}" does not exist (no ${file})${name === CLIENT_PACKAGE ? '; dijitize\'s own form function is { module: "dijitize/forms", fn: "build" }' : ''}`, 'build-and-deploy');
  }
}

/** bodyLimit in bytes ('100kb' or a number), as body-parser reads it. */
const byteLimit = (limit: string | number): number => (typeof limit === 'number' ? limit : (bytes.parse(limit) ?? 0));

/**
 * The middleware returned by `dojo()`, with the settings it resolved.
 * @public
 */
export type DojoMiddleware = Router & { settings: ResolvedSettings };

/**
 * Creates the middleware. Bad settings throw here, at start-up, naming the key.
 * @example app.use(dojo({ theme: 'claro' }));
 * @public
 */
export function dojo(input: DojoSettings = {}): DojoMiddleware {
  const settings = resolveSettings(input);
  recordAppSettings(settings); // for `dijitize build --app`
  const router = express.Router() as DojoMiddleware;
  router.settings = settings;

  const currentRelease = settings.releaseDir ? createReleaseSource(settings.releaseDir) : () => null;
  currentRelease(); // a broken release fails here, at start-up, naming its manifest
  // The source packages are served only while no release is: a page never mixes the two.
  const servingSources = () => currentRelease() === null;
  const served = servedFolders();
  assertFormFunctionExists(settings, served);
  for (const [segment, folder] of Object.entries(served)) {
    router.use(`${settings.prefix}/${segment}`, serveFolder(folder, { when: servingSources, only: SERVED_ONLY[segment] }));
  }
  if (settings.releaseDir) {
    // Release folders are named by content hash, so their files never change: cache them for a year.
    router.use(`${settings.prefix}/release`, serveFolder(path.join(settings.releaseDir, RELEASES_FOLDER), { immutable: true, precompressed: true }));
  }

  if (settings.locales.length > 1) {
    // Once the app's modules have run (and defined their forms): the texts users would see untranslated.
    setImmediate(() => {
      const lines = missingTranslations(settings.locales, settings.dojoConfig.locale);
      if (lines.length) process.emitWarning(`texts with no translation, shown in ${settings.dojoConfig.locale}:\n  ${lines.join('\n  ')}`, { code: 'DIJITIZE_MISSING_TRANSLATION' });
    });
  }
  // A production app with CSRF on must share its ring; with CSRF off, what a process seals is its own.
  const keys = resolveKeyRing({ secrets: settings.secrets, oldSecret: settings.csrf ? settings.csrf.secret : undefined, oldKey: 'csrf.secret' }, settings.csrf !== false);
  const csrf = createCsrfGuard(settings, keys);
  const sessionOf = settings.csrf ? settings.csrf.sessionId : undefined;
  const attach: RequestHandler = (req, res, next) => {
    req.dojo = createRequestDojo(settings, currentRelease());
    req.dojo.request = req;
    setRequestKeys(req, { keys, owner: sessionOf?.(req) ?? '' });
    req.dojo.locale = negotiateLocale(req.get('accept-language'), settings.locales, settings.dojoConfig.locale);
    if (csrf) {
      // One token per request: two forms on a page must share the cookie they are checked against.
      let token: string | undefined;
      req.dojo.csrfToken = () => (token ??= csrf.token(req, res));
    }
    res.locals.dojo = req.dojo;
    next();
  };
  if (csrf) router.use(cookieParser());
  router.use(attach);
  const ownerOf = (req: Request) => sessionOf?.(req) ?? '';
  const uploads = settings.uploads ? new UploadService({ ...settings.uploads, keys: uploadKeys(keys, settings.uploads) }) : null;
  if (settings.uploads && uploads) {
    router.use(multipartBodyParser(settings.uploads, { uploads, csrfCheck: csrf ? csrf.check : null, textLimit: byteLimit(settings.bodyLimit), ownerOf }));
  }
  router.use(formBodyParser(settings));
  if (csrf) router.use(csrf.protect);
  router.use(uploadEndpoint(settings.dojoConfig.locale));
  // dijitize's own endpoints share one limit per client.
  const limit = endpointLimit(settings.rateLimit);
  if (settings.uploads && settings.uploads.resumable && uploads) {
    // A new upload counts against the limit; its chunks do not (a large file is many of them).
    router.post(`${settings.prefix}${RESUMABLE_PATH}`, limit);
    router.use(resumableUploads({ prefix: settings.prefix, limits: settings.uploads, uploads, ownerOf, defaultLocale: settings.dojoConfig.locale }));
  }
  router.post(`${settings.prefix}${CHECK_PATH}`, limit, liveCheckEndpoint(settings));
  router.get(`${settings.prefix}${CHOICES_PATH}/:form/:field`, limit, choicesEndpoint(settings));
  // After dijitize's own endpoints (a live check posts the form's values, its submission id among them).
  if (settings.submissions) router.use(submittedOnce(settings.submissions));
  router.use(csrfErrors);
  return router;
}
