// The public API of dijitize: what `import { ... } from 'dijitize'` gives, and all a user writes. The build
// is `dijitize/build`. Everything else in the package is internal and may change.
export { dojo, type DojoMiddleware } from './middleware.js';
export { RequestDojo, type ReadyCallback, type ReadyInput } from './request-dojo.js';
export { renderHead, useDijitize } from './head-tag.js';
export {
  resolveSettings,
  SettingsError,
  type DojoSettings,
  type ResolvedSettings,
  type DojoConfig,
  type DojoPackage,
  type ModuleFunction,
} from './settings.js';
export { THEMES, type Theme } from './themes.js';
export { defineForm, type FormDefinition } from './forms/define.js';
export { FormDefinitionError } from './forms/definition-errors.js';
export type { FormOptions, FieldPath } from './forms/compile.js';
export type { FieldOptions, FieldMessages, ChoicesOption } from './forms/compile-field.js';
export { Acl, AccessError, MAX_INHERITANCE_DEPTH, type FieldAccess, type FormAccess, type Grant, type RuleType } from './access/acl.js';
export { loadAcl } from './access/acl-files.js';
export { AccessDeniedError } from './forms/access.js';
export { dojoErrors } from './refusals.js';
export { serverOptions, SERVER_TIMEOUTS, type ServerTimeouts } from './server-timeouts.js';
export { UnknownIntentError } from './forms/shapes.js';
export type { JsonValue } from './escape.js';
export type { AttrMapOverride, AttrTarget, MappedFacts, FactName } from './forms/mapping.js';
export type { DijitClass, CustomWidget } from './forms/widgets.js';
export type { FormState, ParseResult } from './forms/validate.js';
export type { RawValues } from './forms/coerce.js';
export type { RawValue } from './forms/field-values.js';
export type { RenderedForm } from './forms/render.js';
export type { Release, ReleaseManifest } from './release-source.js';
