/**
 * `dijitize/inspector`: a page that shows each form as dijitize understood it, and the same explanation
 * for a script (what `dijitize explain` prints).
 * @module dijitize/inspector
 */
export { inspector, type InspectorOptions } from './inspector-router.js';
export { explainForm, type FormExplanation, type ExplainedField, type ExplainedProp, type ExplainedAccess, type FieldAccessLevel } from './explain-form.js';
