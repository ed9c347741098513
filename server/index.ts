/**
 * The public entry, `dijitize`: the core a form needs (define it, serve it with dojo() and req.dojo, the
 * head tag, the errors a handler meets). Each feature beyond it is a subpath of its own: dijitize/uploads,
 * dijitize/wizards, dijitize/access, dijitize/stores, dijitize/inspector, dijitize/build. Each name is
 * tagged `@public` where it is declared, each value has an `@example` (test/entry/entries.test.ts), and
 * docs/api/ is made from them; everything else in the package is internal and may change.
 * @module dijitize
 */
export { dojo, type DojoMiddleware } from './http/middleware.js';
export { RequestDojo, type ReadyCallback, type ReadyInput, type EditOptions } from './http/request-dojo.js';
export { renderHead, useDijitize } from './http/head-tag.js';
export { resolveSettings, type DojoSettings, type ResolvedSettings, type DojoConfig, type DojoPackage, type ModuleFunction, type SubmissionSettings } from './settings/settings.js';
export { SettingsError, FormDefinitionError, RefusalError, CsrfError, UnknownIntentError, EditVersionError } from './common/errors.js';
export { THEMES, type Theme } from './settings/themes.js';
export { defineForm, type FormDefinition } from './forms/define.js';
export type { FormOptions, FieldPath, FormMigration } from './forms/model/form-options.js';
export type { ParseOptions } from './forms/define.js';
export type { Localized } from './settings/locales.js';
export type { RowTexts } from './words/shape.js';
export type { FieldOptions, FieldMessages, ChoicesOption, ChoiceSource, CheckContext, FieldCheck, FormCheck, FieldWarning, FormWarning } from './forms/model/form-options.js';
export { dojoErrors } from './http/refusals.js';
export { serverOptions, type ServerTimeouts } from './http/server-timeouts.js';
export type { JsonValue } from './common/escape.js';
export type { AttrMapOverride, AttrTarget, MappedFacts, FactName } from './forms/model/attr-map.js';
export type { DijitClass, CustomWidget } from './forms/model/widgets.js';
export type { FormState, ParseResult, KeptFile, EditedRecord, RawValues, OpenWarning, ConfirmedWarning, FieldChange } from './forms/model/form-state.js';
export type { RawValue } from './forms/model/field-values.js';
export type { RenderedForm, FormLook } from './forms/render/render.js';
export type { Release, ReleaseManifest } from './serve/release-source.js';
// The names 0.1.0 exported here that moved to a feature's subpath: they work until 0.3, with a warning.
export * from './moved-in-0.2.js';
