/**
 * `dijitize/wizards`: forms in steps, one result at the end (docs/wizards.md).
 * @module dijitize/wizards
 */
export { defineWizard, WizardDefinition } from './define-wizard.js';
export { WizardDefinitionError } from '../common/errors.js';
export type { WizardStep, WizardData, WizardDataSoFar, WizardOptions, WizardTexts, WizardPage, WizardRouterOptions } from './wizard-model.js';
