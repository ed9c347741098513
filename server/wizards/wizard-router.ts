// The routes of a wizard, post/redirect/get: GET `/` starts an instance; GET `/<id>/<step>` shows a step
// the instance has reached; POST `/<id>/<step>` keeps what the step holds and moves on: Next checks the
// step, Back and the step list do not (what was typed is kept as typed), and Next on the last step
// checks every step taken again before the app's `done` gets the data, once.
import { wordsFor } from '../words/our-words.js';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import cookieParser from 'cookie-parser';
import { FINGERPRINT_FIELD, INTENT_FIELD, WARNED_FIELD } from '../forms/model/posted-names.js';
import { confirmedTokens } from '../forms/request/warnings.js';
import type { FormState, ParseResult } from '../forms/model/form-state.js';
import { localize, type Localized } from '../settings/locales.js';
import { readableSize } from '../common/readable-size.js';
import { RefusalError, UnknownIntentError } from '../common/errors.js';
import { requestLanguage, requestWords, sendRefusal, sendRefusalError } from '../http/refusals.js';
import { log } from '../common/log.js';
import { problemHtml, stepHtml } from './wizard-html.js';
import { reviewRows } from './wizard-review.js';
import type { StateKeeper, StateProblem } from './state-keeper.js';
import {
  INSTANCE_ID, newInstanceId, newState, WIZARD_FIELD,
  type StepValues, type WizardDataSoFar, type WizardPage, type WizardRouterOptions, type WizardState, type WizardStep, type WizardTexts,
} from './wizard-model.js';

/** What the router needs of a defined wizard (define-wizard.ts). */
export interface ServedWizard {
  name: string;
  steps: readonly WizardStep[];
  title: Localized;
  texts: Partial<WizardTexts>;
  maxStateSize: number;
  keeper: StateKeeper;
  step(name: string): WizardStep | undefined;
}

/** The status of each reason there is no step to show. */
const PROBLEM_STATUS: Record<StateProblem, number> = { missing: 410, expired: 410, tampered: 400, foreign: 403 };

/** The steps an instance's data takes, and those it may yet take. */
interface Way {
  taken: string[];
  /**
   * Steps `when` left out while a step before them had no valid data yet: they may still come, so the
   * step before them is not the last (its button says Next, not Finish).
   */
  undecided: string[];
}

/** What parsing the steps taken gives: their way, the data of those that are valid, the first that is not. */
interface Path extends Way {
  data: Record<string, Record<string, unknown>>;
  firstInvalid: string | null;
}

export function wizardRouter(wizard: ServedWizard, options: WizardRouterOptions<unknown>): Router {
  const steps = wizard.steps;
  const first = (steps[0] as WizardStep).name;
  const router = express.Router({ mergeParams: true });
  router.use(cookieParser());

  // The wizard's own text in the request's locale, else ours in its language.
  const textOf = (req: Request) => (key: keyof WizardTexts) => {
    const own = wizard.texts[key];
    return own === undefined ? wordsFor(req.dojo.locale).wizard[key] : localize(own, req.dojo.locale, req.dojo.defaultLocale);
  };
  const say = (text: Localized, req: Request) => localize(text, req.dojo.locale, req.dojo.defaultLocale);
  const stepUrl = (req: Request, id: string, step: string) => `${req.baseUrl}/${id}/${step}`;
  // A request parses each kept step once, though it asks for the steps' path more than once (before and
  // after the step posted changes it): kept values are made per request, so they key its parses.
  const parsed = new WeakMap<StepValues, Promise<ParseResult<unknown>>>();
  const parseStep = (req: Request, step: WizardStep, kept: StepValues): Promise<ParseResult<unknown>> => {
    let result = parsed.get(kept);
    if (!result) {
      // Kept by an earlier definition of the step's form (a deploy since): parsed as a page of it would be.
      // The warnings the user confirmed on the step are confirmed still (a value changed since asks again).
      const body = { ...kept.values, ...(kept.fingerprint ? { [FINGERPRINT_FIELD]: kept.fingerprint } : {}), ...(kept.warned ? { [WARNED_FIELD]: kept.warned } : {}) };
      parsed.set(kept, (result = req.dojo.parseAsync(step.form, body)));
    }
    return result;
  };

  /** The steps the data takes, each `when` asked with the data of the valid steps before it. */
  async function pathOf(req: Request, state: WizardState): Promise<Path> {
    const data: Record<string, Record<string, unknown>> = {};
    const taken: string[] = [];
    const undecided: string[] = [];
    let firstInvalid: string | null = null;
    for (const step of steps) {
      if (step.when) {
        let wanted: boolean;
        try {
          wanted = step.when(data as WizardDataSoFar);
        } catch (err) {
          throw new Error(`Wizard "${wizard.name}", step "${step.name}": when() threw: ${(err as Error).message}`, { cause: err });
        }
        if (!wanted) {
          if (firstInvalid) undecided.push(step.name);
          continue;
        }
      }
      taken.push(step.name);
      const kept = state.steps[step.name];
      const result = kept ? await parseStep(req, step, kept) : null;
      if (result?.ok) data[step.name] = result.data as Record<string, unknown>;
      else firstInvalid ??= step.name;
    }
    return { taken, undecided, data, firstInvalid };
  }

  function showProblem(req: Request, res: Response, kind: StateProblem | 'finished'): void {
    const text = textOf(req);
    const status = kind === 'finished' ? 200 : PROBLEM_STATUS[kind];
    const message = text(kind === 'missing' ? 'expired' : kind);
    const page: WizardPage = {
      kind: kind === 'missing' ? 'expired' : kind,
      status,
      title: say(wizard.title, req),
      html: problemHtml(message, `${req.baseUrl}/`, text('start')),
      step: null,
      form: null,
      pageTitle: (title) => title,
    };
    options.page(req, res.status(status), page);
  }

  function showStep(req: Request, res: Response, status: number, id: string, state: WizardState, way: Way, name: string, formState: Partial<FormState>): void {
    const text = textOf(req);
    const step = wizard.step(name) as WizardStep;
    const titleOf = (s: WizardStep) => say(s.title ?? s.name, req);
    const { taken } = way;
    const number = taken.indexOf(name) + 1;
    const position = steps.indexOf(step);
    const last = number === taken.length && !way.undecided.some((u) => steps.findIndex((s) => s.name === u) > position);
    const form = req.dojo.form(step.form, formState, { submitLabel: text(last ? 'finish' : 'next'), action: stepUrl(req, id, name) });
    const review = step.review
      ? taken.slice(0, number - 1).map((before) => {
          const other = wizard.step(before) as WizardStep;
          return { name: before, title: titleOf(other), rows: reviewRows(other.form.compiledFor(req.dojo.locale, req.dojo.defaultLocale), state.steps[before] ?? { values: {} }, { yes: text('yes'), no: text('no') }) };
        })
      : [];
    const html = stepHtml({
      formId: form.id,
      formHtml: form.html,
      steps: taken.map((s) => ({ name: s, title: titleOf(wizard.step(s) as WizardStep), reached: state.reached.includes(s), current: s === name })),
      count: text('stepOf').replace('{n}', String(number)).replace('{total}', String(taken.length)),
      title: titleOf(step),
      submitLabel: text(last ? 'finish' : 'next'),
      back: number > 1 ? text('back') : null,
      stepsLabel: text('steps'),
      review,
      changeLabel: text('change'),
      hasErrors: form.errorCount > 0,
    });
    const page: WizardPage = {
      kind: 'step',
      status,
      title: say(wizard.title, req),
      html,
      step: { name, title: titleOf(step), number, of: taken.length },
      form,
      pageTitle: (title) => form.pageTitle(title),
    };
    options.page(req, res.status(status), page);
  }

  /** The instance's state, or false when a problem page was sent instead. */
  async function stateOf(req: Request, res: Response, id: string): Promise<WizardState | false> {
    const loaded = await wizard.keeper.load(req, id);
    if (typeof loaded === 'string') {
      log.request('wizard "%s" instance %s: %s', wizard.name, id, loaded);
      showProblem(req, res, loaded);
      return false;
    }
    if (loaded.finished) {
      showProblem(req, res, 'finished');
      return false;
    }
    return loaded;
  }

  /** Saves the state and shows the step posted again; a state over the bound says so there. */
  async function saveAndShow(req: Request, res: Response, status: number, id: string, state: WizardState, way: Way, posted: string, shown: Partial<FormState>): Promise<void> {
    if ((await wizard.keeper.save(req, res, id, state)) === 'too large') return tooLarge(req, res, id, state, way, posted, shown);
    showStep(req, res, status, id, state, way, posted, shown);
  }

  /** Saves the state and redirects to a step; a state over the bound shows the step again with the reason. */
  async function saveAndGo(req: Request, res: Response, id: string, state: WizardState, way: Way, posted: string, shown: Partial<FormState>): Promise<void> {
    if ((await wizard.keeper.save(req, res, id, state)) === 'too large') return tooLarge(req, res, id, state, way, posted, shown);
    res.redirect(303, stepUrl(req, id, state.at));
  }

  function tooLarge(req: Request, res: Response, id: string, state: WizardState, way: Way, posted: string, shown: Partial<FormState>): void {
    log.request('wizard "%s" instance %s: state over its bound (maxStateSize %d)', wizard.name, id, wizard.maxStateSize);
    const message = textOf(req)('tooLarge').replace('{size}', readableSize(wizard.maxStateSize));
    showStep(req, res, 413, id, state, way, posted, { ...shown, formErrors: [...(shown.formErrors ?? []), message] });
  }

  const handle = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch((err: unknown) => {
      if (err instanceof RefusalError && !res.headersSent) return sendRefusalError(req, res, err);
      next(err);
    });
  };

  /** The instance and step a URL names; false when it names none (a 404 was sent). */
  const located = (req: Request, res: Response): { id: string; step: WizardStep } | false => {
    const id = String(req.params['id']);
    const step = req.params['step'] === undefined ? wizard.step(first) : wizard.step(String(req.params['step']));
    if (!INSTANCE_ID.test(id) || !step) {
      log.request('%s %s: wizard %s has no such step', req.method, req.originalUrl, wizard.name);
      sendRefusal(res, 404, ...requestWords(req).refusals.noSuchStep, requestLanguage(req));
      return false;
    }
    return { id, step };
  };

  /**
   * The instance and step a step's URL names, with the steps the instance's data takes; false when a page
   * was sent instead (404, a problem page, or a redirect from a step not reached or skipped).
   */
  async function openStep(req: Request, res: Response): Promise<{ id: string; step: WizardStep; state: WizardState; way: Way } | false> {
    const at = located(req, res);
    if (!at) return false;
    const state = await stateOf(req, res, at.id);
    if (!state) return false;
    const way = await pathOf(req, state);
    if (state.reached.includes(at.step.name) && way.taken.includes(at.step.name)) return { ...at, state, way };
    res.redirect(303, stepUrl(req, at.id, way.taken.includes(state.at) ? state.at : first));
    return false;
  }

  router.get(
    '/',
    handle(async (req, res) => {
      const id = newInstanceId();
      await wizard.keeper.save(req, res, id, newState(first), true);
      res.redirect(303, stepUrl(req, id, first));
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const at = located(req, res);
      if (!at) return;
      const state = await stateOf(req, res, at.id);
      if (state) res.redirect(303, stepUrl(req, at.id, state.at));
    }),
  );

  router.get(
    '/:id/:step',
    handle(async (req, res) => {
      const open = await openStep(req, res);
      if (!open) return;
      const { id, step, state, way } = open;
      if (state.at !== step.name) {
        state.at = step.name;
        await wizard.keeper.save(req, res, id, state);
      }
      const kept = state.steps[step.name];
      let shown: Partial<FormState> = kept ? { values: kept.values, ...(kept.rows ? { rows: kept.rows } : {}), ...(kept.labels ? { labels: kept.labels } : {}) } : {};
      // The final check sent the user here: its errors show until the step is posted again.
      if (state.failed === step.name) shown = (await parseStep(req, step, kept ?? { values: {} })).state;
      showStep(req, res, 200, id, state, way, step.name, shown);
    }),
  );

  router.post(
    '/:id/:step',
    handle(async (req, res) => {
      const open = await openStep(req, res);
      if (!open) return;
      const { id, step, state } = open;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const action = body[WIZARD_FIELD] ?? 'next';
      if (typeof action !== 'string' || !(action === 'next' || action === 'back' || action.startsWith('goto:'))) {
        throw new UnknownIntentError(`${WIZARD_FIELD} ${JSON.stringify(String(action).slice(0, 60))}: not one of next, back, goto:<step>`);
      }
      const roles = req.dojo.roles ? { roles: req.dojo.roles } : {};

      if (Object.hasOwn(body, INTENT_FIELD)) {
        // A list's or a section's button (JavaScript off): the step again, as its button changed it.
        const result = await req.dojo.parseAsync(step.form, body);
        state.steps[step.name] = keptOf(step, result.state, body);
        return saveAndShow(req, res, 200, id, state, open.way, step.name, result.state);
      }

      if (action !== 'next') {
        // Back, or a jump to a step reached: what the step holds is kept as typed, unchecked.
        const typed = step.form.typed(body, roles);
        state.steps[step.name] = keptOf(step, typed, body);
        if (state.failed === step.name) delete state.failed;
        const way = await pathOf(req, state);
        const { taken } = way;
        const here = taken.indexOf(step.name);
        const target = action === 'back' ? (taken[here - 1] ?? step.name) : action.slice('goto:'.length);
        if (!state.reached.includes(target) || !taken.includes(target)) {
          throw new UnknownIntentError(`${WIZARD_FIELD} ${JSON.stringify(action.slice(0, 60))}: not a step this instance has reached`);
        }
        state.at = target;
        return saveAndGo(req, res, id, state, way, step.name, typed);
      }

      const result = await req.dojo.parseAsync(step.form, body);
      const kept = (state.steps[step.name] = keptOf(step, result.state, body));
      // Refused: the step again with its errors, and what was typed kept (a reload or a Back loses nothing).
      // Passed but asking about warnings: the step again (200) with each warning and its box.
      if (!result.ok) return saveAndShow(req, res, result.warned ? 200 : 422, id, state, open.way, step.name, result.state);
      // Accepted as posted: its kept values (the same, cut no shorter than valid values are) parse alike.
      parsed.set(kept, Promise.resolve(result));
      if (state.failed === step.name) delete state.failed;
      const path = await pathOf(req, state);
      const next = path.taken[path.taken.indexOf(step.name) + 1];
      if (next) {
        if (!state.reached.includes(next)) state.reached.push(next);
        state.at = next;
        return saveAndGo(req, res, id, state, path, step.name, result.state);
      }
      // Finish: every step taken, checked again; the first that fails shows its errors.
      if (path.firstInvalid) {
        if (!state.reached.includes(path.firstInvalid)) state.reached.push(path.firstInvalid);
        state.failed = path.firstInvalid;
        state.at = path.firstInvalid;
        return saveAndGo(req, res, id, state, path, step.name, result.state);
      }
      if (!(await wizard.keeper.finishOnce(id))) return showProblem(req, res, 'finished');
      try {
        // The data goes to the app alone: the instance keeps only that it is finished.
        await wizard.keeper.save(req, res, id, { ...state, steps: {}, finished: true });
        await options.done(path.data, req, res);
      } catch (err) {
        await wizard.keeper.unfinish(id);
        if (!res.headersSent) {
          res.removeHeader('Set-Cookie');
          await wizard.keeper.save(req, res, id, state);
        }
        throw err;
      }
    }),
  );
  return router;
}

/** The most confirmed warnings a step keeps: a field has one, a request cannot make the state grow. */
const MAX_CONFIRMED = 100;

/** What a step keeps of a state: its values (of the step's form as defined now), rows, sources' labels, and the warnings its POST confirmed. */
function keptOf(step: WizardStep, state: Partial<FormState>, body: Readonly<Record<string, unknown>>): StepValues {
  const warned = [...confirmedTokens(body)].slice(0, MAX_CONFIRMED);
  return {
    ...(warned.length ? { warned } : {}),
    values: state.values ?? {},
    fingerprint: step.form.compiled.fingerprint,
    ...(state.rows && Object.keys(state.rows).length ? { rows: state.rows } : {}),
    ...(state.labels && Object.keys(state.labels).length ? { labels: state.labels } : {}),
  };
}
