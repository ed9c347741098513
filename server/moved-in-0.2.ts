// What `dijitize` exported in 0.1.0 and a feature's subpath exports since 0.2.0. Each old name still works
// until 0.3: it is the new one behind a DeprecationWarning (DIJITIZE_DEPRECATED) naming the import to write,
// said when it is first called, constructed or read. Types cannot warn: the editor strikes them through.
import * as access from './access/index.js';
import * as inspecting from './inspector/index.js';
import * as stores from './stores/index.js';
import * as uploads from './uploads/index.js';
import * as wizards from './wizards/index.js';
import { movedName } from './common/deprecated.js';
import { MAX_INHERITANCE_DEPTH as maxInheritanceDepth } from './access/acl.js';
import { SERVER_TIMEOUTS as serverTimeouts } from './http/server-timeouts.js';

const moved = <T extends object>(value: T, name: string, subpath: string): T => movedName(value, `import { ${name} } from 'dijitize'`, `import { ${name} } from '${subpath}'`);

/** @deprecated `import { Acl } from 'dijitize/access'` (this name works until 0.3). */
export const Acl = moved(access.Acl, 'Acl', 'dijitize/access');
/** @deprecated `import { Acl } from 'dijitize/access'` (this name works until 0.3). */
export type Acl = access.Acl;
/** @deprecated `import { loadAcl } from 'dijitize/access'` (this name works until 0.3). */
export const loadAcl = moved(access.loadAcl, 'loadAcl', 'dijitize/access');
/** @deprecated `import { AccessError } from 'dijitize/access'` (this name works until 0.3). */
export const AccessError = moved(access.AccessError, 'AccessError', 'dijitize/access');
/** @deprecated `import { AccessError } from 'dijitize/access'` (this name works until 0.3). */
export type AccessError = access.AccessError;
/** @deprecated `import { AccessDeniedError } from 'dijitize/access'` (this name works until 0.3). */
export const AccessDeniedError = moved(access.AccessDeniedError, 'AccessDeniedError', 'dijitize/access');
/** @deprecated `import { AccessDeniedError } from 'dijitize/access'` (this name works until 0.3). */
export type AccessDeniedError = access.AccessDeniedError;
/** @deprecated A limit of the access rules, no longer exported (64); it works until 0.3, without a warning. */
export const MAX_INHERITANCE_DEPTH = maxInheritanceDepth;
/** @deprecated `serverOptions()` gives these; the constant works until 0.3. */
export const SERVER_TIMEOUTS = movedName(serverTimeouts, "import { SERVER_TIMEOUTS } from 'dijitize'", "serverOptions(), which gives these timeouts");
/** @deprecated `import { UploadedFile } from 'dijitize/uploads'` (this name works until 0.3). */
export const UploadedFile = moved(uploads.UploadedFile, 'UploadedFile', 'dijitize/uploads');
/** @deprecated `import { UploadedFile } from 'dijitize/uploads'` (this name works until 0.3). */
export type UploadedFile = uploads.UploadedFile;
/** @deprecated `import { folderStore } from 'dijitize/uploads'` (this name works until 0.3). */
export const folderStore = moved(uploads.folderStore, 'folderStore', 'dijitize/uploads');
/** @deprecated `import { defineWizard } from 'dijitize/wizards'` (this name works until 0.3). */
export const defineWizard = moved(wizards.defineWizard, 'defineWizard', 'dijitize/wizards');
/** @deprecated `import { WizardDefinition } from 'dijitize/wizards'` (this name works until 0.3). */
export const WizardDefinition = moved(wizards.WizardDefinition, 'WizardDefinition', 'dijitize/wizards');
/** @deprecated `import { WizardDefinition } from 'dijitize/wizards'` (this name works until 0.3). */
export type WizardDefinition<T extends readonly wizards.WizardStep[] = readonly wizards.WizardStep[]> = wizards.WizardDefinition<T>;
/** @deprecated `import { WizardDefinitionError } from 'dijitize/wizards'` (this name works until 0.3). */
export const WizardDefinitionError = moved(wizards.WizardDefinitionError, 'WizardDefinitionError', 'dijitize/wizards');
/** @deprecated `import { WizardDefinitionError } from 'dijitize/wizards'` (this name works until 0.3). */
export type WizardDefinitionError = wizards.WizardDefinitionError;
/** @deprecated `import { inspector } from 'dijitize/inspector'` (this name works until 0.3). */
export const inspector = moved(inspecting.inspector, 'inspector', 'dijitize/inspector');
/** @deprecated `import { memoryStore } from 'dijitize/stores'` (this name works until 0.3). */
export const memoryStore = moved(stores.memoryStore, 'memoryStore', 'dijitize/stores');
/** @deprecated `import { redisStore } from 'dijitize/stores'` (this name works until 0.3). */
export const redisStore = moved(stores.redisStore, 'redisStore', 'dijitize/stores');
/** @deprecated Types that moved to a feature's subpath with their values; they work until 0.3. */
export type { FieldAccess, FormAccess, Grant, RuleType } from './access/index.js';
export type { UploadStore } from './uploads/index.js';
export type { WizardStep, WizardData, WizardDataSoFar, WizardOptions, WizardTexts, WizardPage, WizardRouterOptions } from './wizards/index.js';
export type { InspectorOptions } from './inspector/index.js';
export type { SharedStore, RedisCommands } from './stores/index.js';
