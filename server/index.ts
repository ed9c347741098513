// The public API of dijitize: what `import { ... } from 'dijitize'` gives.
export { dojo, type DojoMiddleware } from './middleware.js';
export { RequestDojo, type ReadyCallback, type ReadyInput } from './request-dojo.js';
export { renderHead, useDijitize } from './head-tag.js';
export {
  resolveSettings,
  SettingsError,
  THEMES,
  type DojoSettings,
  type ResolvedSettings,
  type DojoConfig,
  type DojoPackage,
  type ModuleFunction,
  type Theme,
} from './settings.js';
