// The demo app: uses dijitize exactly as a user would, through the package's public entry point.
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import nunjucks from 'nunjucks';
import { mountForm } from './mount-form.js';
import { mountOrder } from './order-page.js';
import { mountClaim } from './claim-wizard.js';
import { savedCards } from './saved-cards.js';
import { nameVisitor } from './visitor-results.js';
import { acceptExpense, expense } from './expense-form.js';
import { acl, NEW_TIMECARD, register, timecard } from './forms.js';
import { AccessDeniedError } from '../server/access/index.js';
import { dojo, dojoErrors, THEMES, useDijitize, type DojoSettings, type Theme } from '../server/index.js';
import { inspector } from '../server/inspector/index.js';

const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

const here = path.dirname(fileURLToPath(import.meta.url));
/** The demo's folders, found from sources (tsx) and from dist/demo alike. */
const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../..') : path.resolve(here, '..');
export const DEMO_PUBLIC = path.join(root, 'demo/public');
export const TEMPLATES = path.join(root, 'demo/templates');

/** The demo's dijitize settings; `dijitize build` reads them too. */
export const demoSettings: DojoSettings = {
  theme: 'claro',
  // English (the default), German, and Arabic (right to left): from Accept-Language, or ?lang=.
  locales: ['en-us', 'de', 'ar'],
  dojoConfig: { packages: [{ name: 'demo', location: '/static/demo' }] },
  // The roles of dijitize's own endpoints (the time card's employee choices): the demo's stand-in login.
  roles: (req) => {
    const roles = demoRoles(req);
    return typeof roles === 'string' ? null : roles;
  },
};

/** What the pages with their own script-src keep of the policy. */
const PAGE_POLICY = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The headers every page of the demo sends, as an app should (SECURITY.md): helmet's defaults, with a
 * Content-Security-Policy whose scripts need this request's nonce ('strict-dynamic' lets the nonce'd Dojo
 * loader load its modules), and no framing by other sites.
 */
const securityHeaders: express.RequestHandler[] = [
  (_req, res, next) => {
    res.locals['cspNonce'] = crypto.randomBytes(16).toString('base64');
    next();
  },
  helmet({
    contentSecurityPolicy: {
      directives: {
        scriptSrc: [(_req, res) => `'nonce-${(res as express.Response).locals['cspNonce']}'`, "'strict-dynamic'"],
        frameAncestors: ["'none'"],
        // The demo serves plain HTTP on 127.0.0.1: upgrading its requests to HTTPS would break every one.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false, // likewise: HSTS belongs to a site served over HTTPS
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' }, // as frame-ancestors 'none', for browsers that only know this one
  }),
];

/** Builds the demo app; `overrides` lets tests try other settings. */
export function createApp(overrides: DojoSettings = {}, before: express.RequestHandler[] = []): Express {
  const app = express();
  app.disable('x-powered-by');
  useDijitize(nunjucks.configure(TEMPLATES, { express: app, autoescape: true }));
  app.use(securityHeaders);
  app.use('/static', express.static(DEMO_PUBLIC));
  for (const handler of before) app.use(handler); // a test's, ahead of dijitize
  app.use(dojo({ ...demoSettings, ...overrides }));
  app.use((req, res, next) => {
    req.dojo.nonce = res.locals['cspNonce'] as string; // on every inline script dijitize writes
    // The language switcher: ?lang= overrides Accept-Language.
    const lang = req.query['lang'];
    if (lang !== undefined) {
      if (typeof lang !== 'string' || !demoSettings.locales?.includes(lang)) return void res.status(400).type('text').send(`Unknown language; expected one of ${demoSettings.locales?.join(', ')}`);
      req.dojo.locale = lang;
    }
    next();
  });
  app.use(nameVisitor);
  // A done page shows what this visitor sent: never kept by a shared cache or the browser's disk cache.
  app.use((req, res, next) => {
    if (req.path.endsWith('/done') || req.path.endsWith('/sent')) res.set('Cache-Control', 'no-store');
    next();
  });
  // Every form explained while developing, after the middleware above (a preview gets the nonce and locale).
  if (process.env['NODE_ENV'] === 'development') app.use('/_dijitize', inspector());

  app.get('/', (req, res) => {
    const theme = req.query['theme'];
    if (theme !== undefined) {
      if (!isTheme(theme)) return void res.status(400).type('text').send(`Unknown theme; expected one of ${THEMES.join(', ')}`);
      req.dojo.theme = theme;
    }
    req.dojo.onReady({ module: 'demo/home', fn: 'mark', args: ['second'] });
    req.dojo.prependReady({ module: 'demo/home', fn: 'mark', args: ['first'] });
    req.dojo.onReady({ module: 'demo/home', fn: 'showVersion' });
    res.render('home.html');
  });

  mountForm(app, { path: '/register', form: register, title: 'Register', intro: 'The seed\'s register form.' });
  mountForm(app, {
    path: '/timecard',
    form: timecard,
    title: 'Time card',
    intro: 'Every default mapping in one form. Employees fill it in; only managers approve it and see their notes; customers see none of it.',
    access: { roles: demoRoles, record: NEW_TIMECARD },
  });
  // A saved card, edited: a POST made after someone else saved the card is merged with theirs, or comes
  // back with the fields both changed.
  mountForm(app, {
    path: '/timecard/:card',
    form: timecard,
    title: 'Saved time card',
    intro: 'A card saved before: two people (or two tabs) editing it at once never overwrite each other unseen.',
    access: { roles: demoRoles, record: NEW_TIMECARD },
    edit: savedCards,
  });
  // The same register form, started by the form function from a JSON island: no inline script at all,
  // so the page holds under a strict Content-Security-Policy.
  mountForm(app, {
    path: '/register-csp',
    form: register,
    title: 'Register (no inline script)',
    intro: 'Served with Content-Security-Policy: script-src \'self\'.',
    prepare: (req, res) => {
      req.dojo.formFunction = { module: 'dijitize/forms', fn: 'build' };
      res.set('Content-Security-Policy', `script-src 'self'; ${PAGE_POLICY}`);
    },
  });
  // Inline mode under a nonce-based CSP: every inline script carries this request's nonce, and the
  // loader's own script elements are trusted through 'strict-dynamic'.
  mountForm(app, {
    path: '/register-nonce',
    form: register,
    title: 'Register (CSP nonce)',
    intro: 'Inline scripts with a per-request nonce.',
    prepare: (req, res) => {
      req.dojo.nonce = crypto.randomBytes(16).toString('base64');
      res.set('Content-Security-Policy', `script-src 'nonce-${req.dojo.nonce}' 'strict-dynamic'; ${PAGE_POLICY}`);
    },
  });
  mountForm(app, {
    path: '/expense',
    form: expense,
    title: 'Expense claim',
    intro: 'A form with files: a receipt and up to three attachments. A refused claim keeps the files that were fine.',
    accept: acceptExpense,
  });
  mountOrder(app);
  mountClaim(app);
  app.use(accessDenied);
  app.use(dojoErrors()); // a button value that is not one of the form's: a 400 that says why
  return app;
}

/**
 * The demo's stand-in for a login: the role comes from `?as=` (manager when absent). A real app takes
 * its users' roles from its sessions, never from the request.
 */
function demoRoles(req: express.Request): string[] | string {
  const as = req.query['as'] ?? 'manager';
  if (typeof as !== 'string' || !acl.roles.includes(as)) return `Unknown role; expected one of ${acl.roles.join(', ')}`;
  return [as];
}

/** A form the user's roles may not see: a 403 page that says so. */
const accessDenied: express.ErrorRequestHandler = (err, req, res, next) => {
  if (!(err instanceof AccessDeniedError)) return next(err);
  res.status(403).render('forbidden.html', { roles: req.dojo.roles });
};
