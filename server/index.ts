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
export { defineForm, FormDefinition, FormDefinitionError, formRegistry, type FormOptions, type FieldPath, type CompiledForm } from './forms/define.js';
export type { FieldOptions, FieldMessages, ChoicesOption, CompiledField } from './forms/compile.js';
export type { JsonValue } from './escape.js';
export { DEFAULT_ATTR_MAP, type AttrMapOverride, type AttrTarget, type AttrRule, type MappedFacts, type FactName } from './forms/mapping.js';
export { WIDGETS, type DijitClass, type CustomWidget, type Capability } from './forms/widgets.js';
export type { FormState, ParseResult } from './forms/validate.js';
export type { RenderedForm } from './forms/add-to-page.js';
export type { FormSpec, WidgetInstance } from './forms/widget-spec.js';
