/**
 * `dijitize/access`: who may see and change which field, by role (docs/access.md).
 * @module dijitize/access
 */
export { Acl, type FieldAccess, type FormAccess, type Grant, type RuleType } from './acl.js';
export { loadAcl } from './acl-files.js';
export { AccessError, AccessDeniedError } from '../common/errors.js';
