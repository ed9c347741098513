// The names the browser's AMD loader knows things by: what a package name and a module id may be, and
// the ids of dijitize's own client modules and JSON islands. Settings, req.dojo, the form compiler, the
// head tag and the build all read them here.

/** One segment of a module id; also a whole package name. */
const SEGMENT = '[A-Za-z0-9_$.-]+';

/** A package name: one segment, no slash (`dijit`, `app`). */
export const PACKAGE_NAME = new RegExp(`^${SEGMENT}$`);
/** A module id: segments joined by slashes (`app/forms`, `dijit/form/Button`). */
export const MODULE_ID = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
/** A module inside a package (at least one slash), as every widget class is. */
export const PACKAGED_MODULE_ID = new RegExp(`^${SEGMENT}(?:/${SEGMENT})+$`);
/** What `require([...])` takes: a module id, or a plugin's (`dojo/domReady!`). */
export const REQUIRE_ID = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*!?$`);

/**
 * The file of a module id in its package's folder (`dijit/form/Button` in dijit's -> `form/Button.js`; a
 * bare package name is its `main.js`), as the loader and the build find it.
 */
export function moduleFile(packageFolder: string, mid: string): string {
  const rest = mid.split('/').slice(1);
  return `${packageFolder}/${rest.length ? rest.join('/') : 'main'}.js`;
}

/** The package of dijitize's client modules (client/dijitize/). */
export const CLIENT_PACKAGE = 'dijitize';

/** dijitize's client modules, by what they do. */
export const CLIENT_MODULES = {
  /** `forms.build(spec or island id)`: creates a form's widgets; both modes call it. */
  forms: `${CLIENT_PACKAGE}/forms`,
  /** Widget creation, server errors, the submit guard. */
  formSupport: `${CLIENT_PACKAGE}/formSupport`,
  /** A large form's widgets, made as they are needed. */
  lazyWidgets: `${CLIENT_PACKAGE}/lazyWidgets`,
  /** The buttons of lists of rows, in the page. */
  rowLists: `${CLIENT_PACKAGE}/rowLists`,
  /** The sections of discriminated unions, in the page. */
  unions: `${CLIENT_PACKAGE}/unions`,
  /** Runs the page's ready calls in no-inline-script mode. */
  start: `${CLIENT_PACKAGE}/start`,
} as const;

/** The client file the head tag loads before dojo.js in no-inline-script mode. */
export const BOOT_FILE = 'boot.js';

/** Id of the JSON island that boot.js reads in no-inline-script mode (its script tag says it: data-island). */
export const BOOT_ISLAND_ID = 'dijitize-boot';

/** Id of the JSON island that holds a form's spec in form-function mode. */
export const specIslandId = (formId: string): string => `${formId}-dijitize`;
