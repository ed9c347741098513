// Settings: what a user passes to `dojo(settings)`, checked once at start-up with zod so that a bad
// value fails early with the key that is wrong, never later inside a request.
import type { Request } from 'express';
import * as z from 'zod';
import { MODULE_ID, PACKAGE_NAME } from './amd-ids.js';
import { LOCALE } from './locales.js';
import { installedPackageFolder } from './package-folders.js';

import { THEMES } from './themes.js';
import { ringProblems } from '../common/key-ring.js';
import bytes from 'bytes';
import type { UploadStore } from '../files/upload-store.js';
import type { UploadScanner } from '../files/upload-scanner.js';
import type { SharedStore } from '../stores/index.js';
import type { Store as RateLimitStore } from 'express-rate-limit';
import { SettingsError } from '../common/errors.js';
import { warnRenamed } from '../common/deprecated.js';

const moduleId = z.string().regex(MODULE_ID, 'an AMD module id such as "app/forms"');
const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'a JavaScript function name');

/** A size in bytes: a number, or a text such as "2mb" or "512kb". */
const byteSize = z
  .union([z.number().int().positive(), z.string().regex(/^\d+(b|kb|mb|gb)$/i, 'a size such as "2mb" or "512kb"')])
  .transform((v) => (typeof v === 'number' ? v : (bytes.parse(v) ?? 0)));

const STORE_METHODS = ['write', 'read', 'size', 'remove', 'sweep'] as const;

/** Where uploads wait, and the limits of a multipart POST (docs/uploads.md; SECURITY.md). */
const uploadsSchema = z
  .strictObject({
    /** The folder of the default store (folderStore); default: the system's temporary folder. */
    dir: z.string().min(1).optional(),
    /** A store of your own (an UploadStore), e.g. object storage shared by several machines. */
    store: z.custom<UploadStore>((v) => typeof v === 'object' && v !== null && STORE_METHODS.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'), `an UploadStore (an object with ${STORE_METHODS.join(', ')})`).optional(),
    /** Seconds an upload is kept for the form's next POST before it is swept. */
    ttl: z.number().int().min(60, 'at least 60 seconds').default(3600),
    /** Seconds between sweeps of expired uploads (one also runs at start-up). */
    sweepEvery: z.number().int().min(10, 'at least 10 seconds').default(600),
    /** The most bytes of one file. */
    fileSize: byteSize.default(10 * 1024 * 1024),
    /** The most bytes of a whole multipart body, files and fields. */
    totalSize: byteSize.default(25 * 1024 * 1024),
    /** The most files in one POST. */
    files: z.number().int().positive().default(10),
    /** The most text fields in one POST. */
    fields: z.number().int().positive().default(1000),
    /** The most bytes of one text field. */
    fieldSize: byteSize.default(100 * 1024),
    /** The most headers of one part. */
    headerPairs: z.number().int().positive().default(20),
    /** Seconds a multipart POST may take to arrive, files included. */
    timeLimit: z.number().int().positive().default(60),
    /** With JavaScript, files go to dojo()'s tus endpoint in chunks, and resume after a dropped connection or a reload; `false`: one request a file. */
    resumable: z.boolean().default(true),
    /** The folder where a resumable upload's chunks wait until it is complete; default: `resumable/` in the folder store's folder. */
    resumableDir: z.string().min(1).optional(),
    /** Looks at every complete upload before its token is given (a virus scanner's adapter): 'clean', 'infected' or 'failed'. */
    scan: z.custom<UploadScanner>((v) => typeof v === 'function', 'a function (file) => Promise of "clean", "infected" or "failed"').optional(),
    /** @deprecated A key of kept files' tokens alone (a ring of one); `secrets` serves them too. Works until dijitize 0.3. */
    secret: z.string().min(16, 'at least 16 characters').optional(),
  })
  .refine((u) => !(u.dir && u.store), { message: 'give dir or store, not both', path: ['store'] })
  // Only between two sizes: a size that is wrong itself is said once, as such.
  .refine((u) => typeof u.fileSize !== 'number' || typeof u.totalSize !== 'number' || u.fileSize <= u.totalSize, { message: 'fileSize must not be larger than totalSize', path: ['fileSize'] });

/** The limit of requests to dijitize's endpoints (live checks, remote choices) per client and window. */
const rateLimitSchema = z.strictObject({
  /** Seconds of a window. */
  window: z.number().int().positive().default(60),
  /** Requests a client may make in a window; past them, 429. */
  limit: z.number().int().positive().default(300),
  /** Where the counts live: an express-rate-limit Store (e.g. rate-limit-redis), shared by every process; default: this process's memory. */
  store: z.custom<RateLimitStore>((v) => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['increment'] === 'function', 'an express-rate-limit Store (an object with increment), such as rate-limit-redis').optional(),
});

/** A form submitted once: what a repeated POST of one submission id gets (docs/nothing-lost.md). */
const submissionsSchema = z.strictObject({
  /** Where answered submissions are kept: shared by every process (redisStore()); default: this process's memory. */
  store: z.custom<SharedStore>((v) => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['claim'] === 'function', 'a SharedStore (memoryStore(), redisStore(), or an object with get, set, claim, delete)').optional(),
  /** Seconds a submission's answer is kept, and a repeat of it answered so. */
  ttl: z.number().int().min(60, 'at least 60 seconds').default(24 * 3600),
  /** Seconds a repeat waits for the first POST of its id to be answered, before it says "still being sent". */
  wait: z.number().int().min(1).max(120).default(15),
});

const packageSchema = z.strictObject({
  name: z.string().regex(PACKAGE_NAME, 'a package name without slashes'),
  location: z.string().min(1),
  main: z.string().optional(),
});

/** A function exported by a client AMD module; used for the form function and ready calls. */
export const moduleFunctionSchema = z.strictObject({ module: moduleId, fn: identifier });
/**
 * A module function a page may call: an AMD module id and the name of the function it exports.
 * @public
 */
export type ModuleFunction = z.infer<typeof moduleFunctionSchema>;

const dojoConfigSchema = z.looseObject({
  // dijitize only speaks the AMD loader and never runs dojo/parser: both are fixed, not choices.
  async: z.literal(true).default(true),
  parseOnLoad: z.literal(false).default(false),
  isDebug: z.boolean().default(false),
  // The default locale: a request gets one of `locales` (its Accept-Language, or what the handler sets),
  // and a release holds the nls bundles of each, so that built pages never fetch one by one.
  locale: z.string().regex(LOCALE, 'a lower-case locale such as "en-us"').default('en-us'),
  packages: z.array(packageSchema).default([]),
});

const settingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** URL prefix under which the middleware serves dojo, dijit, dojox, dojo-themes and dijitize. */
  prefix: z.string().regex(/^\/[A-Za-z0-9_\-/.]*[A-Za-z0-9_-]$/, 'a URL path such as "/dojo"').default('/dojo'),
  /** Where dojo.js comes from; defaults to the copy served under `prefix`. May be a CDN URL. */
  src: z
    .string()
    .refine((s) => /^(https?:)?\/\//.test(s) || s.startsWith('/'), 'an absolute URL or a path starting with "/"')
    .refine((s) => s.endsWith('/dojo.js'), 'a URL ending in "/dojo.js"')
    .optional(),
  theme: z.enum(THEMES).default('claro'),
  /** The locales the app answers in (Dojo's lower-case names); default: just `dojoConfig.locale`. */
  locales: z.array(z.string().regex(LOCALE, 'a lower-case locale such as "de" or "en-us"')).min(1).optional(),
  dojoConfig: dojoConfigSchema.default(dojoConfigSchema.parse({})),
  /** When set, forms are started by this client function from a JSON island and pages carry no inline script. */
  formFunction: moduleFunctionSchema.nullable().default(null),
  /** A release made by `dijitize build`: the folder holding `current/manifest.json`. */
  releaseDir: z.string().min(1).nullable().default(null),
  /** Where the release folders are published (a CDN): pages load `<releaseUrl>/<id>/...` instead of `<prefix>/release/<id>/...`. */
  releaseUrl: z
    .string()
    .regex(/^(https?:\/\/[^/\s]+|\/)[^\s]*[^/\s]$/, 'an absolute URL or a path starting with "/", without a trailing "/"')
    .nullable()
    .default(null),
  /** The roles of a request, for dijitize's own endpoints on forms with access rules (live checks, remote choices). */
  roles: z.custom<(req: Request) => readonly string[] | null | undefined>((v) => typeof v === 'function', 'a function (req) => the roles of the request').optional(),
  /** The rate limit of dijitize's own endpoints (live checks, remote choices), per client. */
  rateLimit: rateLimitSchema.default(rateLimitSchema.parse({})),
  /** Limits for POSTed form bodies. */
  bodyLimit: z.union([z.number().int().positive(), z.string().regex(/^\d+(b|kb|mb)$/i)]).default('100kb'),
  maxFields: z.number().int().positive().default(1000),
  /**
   * Forms with file fields: the store, the limits of a multipart POST, how long uploads are kept. `false`:
   * dojo() leaves multipart bodies alone (an app that parses them itself, with multer or busboy).
   */
  uploads: z.union([z.literal(false), uploadsSchema], { error: 'false, or an object of upload settings' }).default(uploadsSchema.parse({})),
  /**
   * Every form carries a one-time submission id: a repeated POST of it (a double click, a reload, a retry)
   * gets the first one's answer, and the app's handler runs once. `false` turns it off.
   */
  submissions: z.union([z.literal(false), submissionsSchema], { error: 'false, or an object of submission settings' }).default(submissionsSchema.parse({})),
  /**
   * The keys every process shares, newest first (default: DIJITIZE_SECRETS, else a random key per process):
   * all that dijitize signs or seals is made with the first and taken with any (docs/build-and-deploy.md).
   */
  secrets: z
    .array(z.string())
    .min(1, 'at least one key')
    .superRefine((keys, ctx) => {
      for (const { at, why } of ringProblems(keys, (i) => `secrets.${i}`)) ctx.addIssue({ code: 'custom', path: [at], message: why });
    })
    .optional(),
  /** CSRF protection of unsafe requests (on by default); `false` turns it off. See SECURITY.md. */
  csrf: z
    .union([
      z.literal(false),
      z.strictObject({
        /** @deprecated The old name of `secrets` (a ring of one); works until dijitize 0.3. */
        secret: z.string().min(16, 'at least 16 characters').optional(),
        /** The cookie's name; it gets the `__Host-` prefix whenever the cookie is Secure. */
        cookieName: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('dijitize_csrf'),
        /** Secure cookie; defaults to NODE_ENV === "production". */
        secure: z.boolean().optional(),
        /** Seconds a token stays valid (it lives between this and 4/3 of it); default 12 hours. */
        lifetime: z.number().int().min(60, 'at least 60 seconds').default(12 * 3600),
        /** Binds tokens to the app's session: a token made for one session is refused in another. */
        sessionId: z.custom<(req: Request) => string | undefined>((v) => typeof v === 'function', 'a function (req) => the session id').optional(),
        /** Other origins allowed to send unsafe requests (e.g. "https://admin.example.com"). */
        trustedOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin such as "https://example.com" (no path)')).default([]),
        /** Paths (exact strings, or regular expressions) whose requests are not checked. */
        exempt: z.array(z.union([z.string().startsWith('/'), z.instanceof(RegExp)])).default([]),
      }),
    ])
    .default({ cookieName: 'dijitize_csrf', lifetime: 12 * 3600, trustedOrigins: [], exempt: [] }),
})
  // Every request's locale is one of `locales`, the default first among them.
  .transform((s) => ({ ...s, locales: [...new Set([s.dojoConfig.locale, ...(s.locales ?? [])])] }));

/**
 * What a user may pass to `dojo()`; every key is optional.
 * @public
 */
export type DojoSettings = z.input<typeof settingsSchema>;
/**
 * The upload settings with every default filled in.
 * @public
 */
export type UploadSettings = z.output<typeof uploadsSchema>;
/**
 * The submission settings with every default filled in.
 * @public
 */
export type SubmissionSettings = z.output<typeof submissionsSchema>;
/**
 * Settings with every default filled in.
 * @public
 */
export type ResolvedSettings = z.output<typeof settingsSchema>;
/**
 * The dojoConfig a page gets (async, locale, packages...), as resolveSettings() makes it.
 * @public
 */
export type DojoConfig = ResolvedSettings['dojoConfig'];
/**
 * An AMD package of the app's own: its name and the folder dojo() serves it from.
 * @public
 */
export type DojoPackage = z.infer<typeof packageSchema>;

/**
 * An issue as lines naming the key. A setting that is `false` or an object (csrf, uploads) fails as a
 * union: its object's own issues say what is wrong, deeper than zod's "Invalid input" for the whole key.
 */
function issueLines(issue: z.core.$ZodIssue, base: PropertyKey[] = []): string[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const deepest = issue.errors.filter((branch) => branch.some((i) => i.path.length > 0 || i.code === 'custom'));
    if (deepest.length === 1) return (deepest[0] as z.core.$ZodIssue[]).flatMap((i) => issueLines(i, path));
  }
  return [`  ${path.length ? path.map(String).join('.') : '(settings)'}: ${issue.message}`];
}

/** Client modules renamed since 0.1.0, old name -> new: the old one still works, with a warning. */
const RENAMED_MODULES: Readonly<Record<string, string>> = { 'dijitize/FormBuilder': 'dijitize/forms' };

/**
 * Checks settings and fills in defaults.
 * @example resolveSettings({ theme: 'tundra' }).dojoConfig.async // true
 * @public
 */
export function resolveSettings(input: DojoSettings = {}): ResolvedSettings {
  const result = settingsSchema.safeParse(input);
  if (result.success) {
    const renamed = result.data.formFunction && RENAMED_MODULES[result.data.formFunction.module];
    if (result.data.formFunction && renamed) {
      warnRenamed(`formFunction.module "${result.data.formFunction.module}"`, `"${renamed}"`);
      result.data.formFunction = { ...result.data.formFunction, module: renamed };
    }
    if (result.data.theme === 'flat' && !installedPackageFolder('dojo-themes')) {
      throw new SettingsError('Invalid dijitize settings:\n  theme: "flat" comes from the dojo-themes package, which is not installed: npm install dojo-themes@1.14.1, with the "overrides" docs/install.md shows');
    }
    return result.data;
  }
  const lines = result.error.issues.flatMap((issue) => issueLines(issue));
  throw new SettingsError(`Invalid dijitize settings:\n${lines.join('\n')}`);
}
