// The public API of dijitize: what `import { ... } from 'dijitize'` gives, and all a user writes. The build
// is `dijitize/build`. Each name here is tagged @public where it is declared, and each value has an
// @example (test/entry/index.test.ts checks both); everything else in the package is internal and may change.
export { dojo, type DojoMiddleware } from './http/middleware.js';
export { RequestDojo, type ReadyCallback, type ReadyInput, type EditOptions } from './http/request-dojo.js';
export { renderHead, useDijitize } from './http/head-tag.js';
export { resolveSettings, type DojoSettings, type ResolvedSettings, type DojoConfig, type DojoPackage, type ModuleFunction, type SubmissionSettings } from './settings/settings.js';
export { SettingsError, FormDefinitionError, AccessError, RefusalError, AccessDeniedError, UnknownIntentError, CsrfError, WizardDefinitionError, EditVersionError } from './common/errors.js';
export { THEMES, type Theme } from './settings/themes.js';
export { defineForm, type FormDefinition } from './forms/define.js';
export type { FormOptions, FieldPath } from './forms/model/form-options.js';
export type { FieldOptions, FieldMessages, ChoicesOption, ChoiceSource, CheckContext, FieldCheck, FormCheck } from './forms/model/form-options.js';
export { Acl, MAX_INHERITANCE_DEPTH, type FieldAccess, type FormAccess, type Grant, type RuleType } from './access/acl.js';
export { loadAcl } from './access/acl-files.js';
export { dojoErrors } from './http/refusals.js';
export { serverOptions, SERVER_TIMEOUTS, type ServerTimeouts } from './http/server-timeouts.js';
export type { JsonValue } from './common/escape.js';
export type { AttrMapOverride, AttrTarget, MappedFacts, FactName } from './forms/model/attr-map.js';
export type { DijitClass, CustomWidget } from './forms/model/widgets.js';
export type { FormState, ParseResult, KeptFile, EditedRecord } from './forms/model/form-state.js';
export type { RawValues } from './forms/model/form-state.js';
export type { RawValue } from './forms/model/field-values.js';
export type { RenderedForm } from './forms/render/render.js';
export type { Release, ReleaseManifest } from './serve/release-source.js';
export { UploadedFile } from './uploads/uploaded-file.js';
export { folderStore, type UploadStore } from './uploads/upload-store.js';
export { defineWizard, WizardDefinition } from './wizards/define-wizard.js';
export { inspector, type InspectorOptions } from './inspector/inspector-router.js';
export type { WizardStep, WizardData, WizardDataSoFar, WizardOptions, WizardTexts, WizardPage, WizardRouterOptions } from './wizards/wizard-model.js';
export { memoryStore, redisStore, type SharedStore, type RedisCommands } from './common/shared-store.js';
export type { FormLook } from './forms/render/render.js';
