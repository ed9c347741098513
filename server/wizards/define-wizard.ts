// `defineWizard`: an ordered list of defined forms becomes a multi-step form whose instances (one per
// start, so one per tab) keep what was typed between steps, and whose router serves each step at a URL
// of its own. Checked here, at definition: wrong steps fail naming the wizard and the step.
import type { Router } from 'express';
import { FormDefinition } from '../forms/define.js';
import { WizardDefinitionError } from '../common/errors.js';
import { stateKeeper, type StateKeeper } from './state-keeper.js';
import { DEFAULT_MACHINE_STORE_DIR } from './machine-store.js';
import { wizardRouter } from './wizard-router.js';
import {
  DEFAULT_TTL, WIZARD_TEXT_KEYS, SEALED_STATE_LIMIT, STORED_STATE_LIMIT,
  type WizardData, type WizardOptions, type WizardRouterOptions, type WizardStep, type WizardTexts,
} from './wizard-model.js';
import type { Localized } from '../settings/locales.js';

/** A wizard's or a step's name: it goes in URLs, cookie names and button values. */
const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * A defined wizard: its steps, how it keeps its instances, and the router that serves them.
 * @example const claim = defineWizard('claim', [{ name: 'holder', form: holder }]); app.use('/claim', claim.router({ page, done }));
 * @public
 */
export class WizardDefinition<T extends readonly WizardStep[] = readonly WizardStep[]> {
  readonly title: Localized;
  /** The texts the options gave; every other one is ours, in the language of the request. */
  readonly texts: Partial<WizardTexts>;
  readonly ttl: number;
  /** The most bytes an instance's state may take (maxStateSize, or its default). */
  readonly maxStateSize: number;
  /** @internal Where instances' state is kept between requests. */
  readonly keeper: StateKeeper;

  constructor(
    readonly name: string,
    readonly steps: T,
    readonly options: WizardOptions = {},
  ) {
    const fail = (step: string | null, problem: string) => new WizardDefinitionError(name, step, problem);
    if (!NAME.test(name)) throw fail(null, 'its name must be lower-case letters, digits and dashes, starting with a letter (it goes in cookie names)');
    if (!Array.isArray(steps) || steps.length === 0) throw fail(null, 'it needs at least one step');
    const seen = new Set<string>();
    steps.forEach((step: WizardStep, i) => {
      const label = typeof step?.name === 'string' ? step.name : `#${i + 1}`;
      if (typeof step?.name !== 'string' || !NAME.test(step.name)) throw fail(label, 'a step\'s name must be lower-case letters, digits and dashes, starting with a letter (it goes in the URL)');
      if (seen.has(step.name)) throw fail(step.name, 'two steps have this name');
      seen.add(step.name);
      if (!(step.form instanceof FormDefinition)) throw fail(step.name, 'its form must be made by defineForm()');
      if (step.form.compiled.uploads.length) throw fail(step.name, `form "${step.form.name}" takes files, which wizard steps do not keep yet: put the files in a form of their own after the wizard`);
      if (step.form.compiled.prefix) throw fail(step.name, `form "${step.form.name}" has a prefix: a step's URL says which form is posted, so its form needs none`);
      if (step.when !== undefined && typeof step.when !== 'function') throw fail(step.name, 'when must be a function of the data so far');
    });
    const ttl = options.ttl ?? DEFAULT_TTL;
    if (!Number.isInteger(ttl) || ttl < 60) throw fail(null, 'ttl must be a whole number of seconds, at least 60');
    const limit = options.maxStateSize ?? (options.store ? STORED_STATE_LIMIT : SEALED_STATE_LIMIT);
    if (!Number.isInteger(limit) || limit < 256) throw fail(null, 'maxStateSize must be a whole number of bytes, at least 256');
    if (!options.store && limit > SEALED_STATE_LIMIT) throw fail(null, `maxStateSize: sealed state travels in a cookie, which holds at most ${SEALED_STATE_LIMIT} bytes of it; for more, give a store (memoryStore(), redisStore())`);
    for (const key of Object.keys(options.texts ?? {})) {
      if (!(WIZARD_TEXT_KEYS as readonly string[]).includes(key)) throw fail(null, `texts.${key} is not one of ${WIZARD_TEXT_KEYS.join(', ')}`);
    }
    this.title = options.title ?? name;
    this.texts = { ...options.texts };
    this.ttl = ttl;
    this.maxStateSize = limit;
    this.keeper = stateKeeper(name, { ttl, store: options.store, maxStateSize: limit });
    if (!options.store && process.env['NODE_ENV'] === 'production') {
      process.emitWarning(`wizard "${name}" has no store: its Finish runs once per instance on this machine (marks in ${DEFAULT_MACHINE_STORE_DIR}), but once per machine when several serve it; give a shared store (redisStore()) for that`, { code: 'DIJITIZE_WIZARD_STORE' });
    }
  }

  /** The step of this name, if the wizard has one. */
  step(name: string): WizardStep | undefined {
    return (this.steps as readonly WizardStep[]).find((s) => s.name === name);
  }

  /**
   * The Express router that serves the wizard where it is mounted: GET `/` starts an instance (and
   * redirects to its first step), `/<instance>/<step>` shows a step (GET) and takes it (POST). Mount it
   * after `dojo()`.
   * @example app.use('/claim', claim.router({ page: (req, res, page) => res.render('wizard.html', { wizard: page }), done: async (data, req, res) => { await save(data); res.redirect(303, '/thanks'); } }));
   */
  router(options: WizardRouterOptions<WizardData<T>>): Router {
    return wizardRouter(this, options as WizardRouterOptions<unknown>);
  }
}

/**
 * Defines a wizard: an ordered list of steps, each a defined form. Throws WizardDefinitionError naming the
 * wizard and the step when the definition is wrong.
 * @example
 * const claim = defineWizard('claim', [
 *   { name: 'holder', form: holder, title: 'Policy holder' },
 *   { name: 'vehicle', form: vehicle, when: (data) => data['incident']?.['kind'] === 'car' },
 * ]);
 * @public
 */
export function defineWizard<const T extends readonly WizardStep[]>(name: string, steps: T, options: WizardOptions = {}): WizardDefinition<T> {
  return new WizardDefinition(name, steps, options);
}
