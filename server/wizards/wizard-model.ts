// What a wizard is made of: its steps (each a defined form), its options, the state of one instance, and
// what the app's page gets to show. Types and small pure helpers only: define-wizard.ts checks a
// definition, wizard-router.ts moves an instance from step to step.
import { randomId } from '../common/random-id.js';
import type * as z from 'zod';
import type { Request, Response } from 'express';
import type { FormDefinition } from '../forms/define.js';
import type { RawValues } from '../forms/model/form-state.js';
import type { RenderedForm } from '../forms/render/render.js';
import type { Localized } from '../settings/locales.js';
import type { SharedStore } from '../stores/index.js';

/**
 * The data of the steps taken so far, by step name; a step not taken, or not valid yet, is absent.
 * @public
 */
export type WizardDataSoFar = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/**
 * One step of a wizard: a defined form, shown under its title; `when` skips the step (both ways) unless
 * it says true of the data of the steps before it.
 * @public
 */
export interface WizardStep<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The step's name: its URL segment (`/claim/<instance>/incident`). Lower-case letters, digits and dashes. */
  name: N;
  form: FormDefinition<S>;
  /** What the step list and the step's heading call it; default: its name. */
  title?: Localized;
  /** Whether the step is taken, from the data of the steps before it; absent: always. */
  when?: (data: WizardDataSoFar) => boolean;
  /** Shows what the steps before it hold (each with a "Change" button): a review step. */
  review?: boolean;
}

/**
 * What a finished wizard gives: each step's typed data by its name; a step with `when` may be absent.
 * @public
 */
export type WizardData<T extends readonly WizardStep[]> = {
  [St in T[number] as St['name']]: St['form'] extends FormDefinition<infer S> ? (St extends Required<Pick<WizardStep, 'when'>> ? z.output<S> | undefined : z.output<S>) : never;
};

/**
 * The texts of a wizard's own parts; `{n}`, `{total}` and `{size}` are filled in. Each one the wizard's
 * `texts` option does not give is ours, in the request's language (English, German or Arabic).
 * @public
 */
export interface WizardTexts {
  next: Localized;
  back: Localized;
  finish: Localized;
  /** The step list's name for screen readers. */
  steps: Localized;
  stepOf: Localized;
  /** The review's button that goes back to a step. */
  change: Localized;
  /** How the review shows a ticked box, and one not ticked. */
  yes: Localized;
  no: Localized;
  expired: Localized;
  tampered: Localized;
  foreign: Localized;
  finished: Localized;
  start: Localized;
  tooLarge: Localized;
}

/** The names of a wizard's texts, as its `texts` option takes them (our words, server/words/, give each a default). */
export const WIZARD_TEXT_KEYS: ReadonlyArray<keyof WizardTexts> = ['next', 'back', 'finish', 'steps', 'stepOf', 'change', 'yes', 'no', 'expired', 'tampered', 'foreign', 'finished', 'start', 'tooLarge'];

/**
 * How a wizard keeps its instances.
 * @public
 */
export interface WizardOptions {
  /** The wizard's name for people (the app's page title may use it); default: its name. */
  title?: Localized;
  /** Seconds an instance lives after its last step was saved (a reload or a resume within it finds it); default one day. */
  ttl?: number;
  /**
   * Where the state lives. Default: sealed in a cookie of the instance (AES-256-GCM, the app's secret), so
   * any process serves any step with no store, up to `maxStateSize`. A store (memoryStore(),
   * redisStore()) keeps larger state, and makes "finish once" hold across processes.
   */
  store?: SharedStore;
  /** The most bytes an instance's state may take: sealed, at most SEALED_STATE_LIMIT (a cookie's room); in a store, default 64 KiB. */
  maxStateSize?: number;
  texts?: Partial<WizardTexts>;
}

/** The most a sealed state may be: a browser keeps a cookie of 4096 bytes, its name and attributes included. */
export const SEALED_STATE_LIMIT = 3800;
/** The default bound of a state kept in a store. */
export const STORED_STATE_LIMIT = 64 * 1024;
export const DEFAULT_TTL = 24 * 3600;

/** What a step's form held when it was last posted: its raw values, as the page shows them again. */
export interface StepValues {
  values: RawValues;
  /** The fingerprint of the step's form they were kept by: a deploy that changed the form since is known. */
  fingerprint?: string;
  rows?: Record<string, number>;
  labels?: Record<string, string>;
  /** The tokens of the warnings the step's POST confirmed ("Send it anyway"). */
  warned?: string[];
}

/** One instance's progress. */
export interface WizardState {
  /** The step it is at: where a reload, a resume or the instance's own URL goes. */
  at: string;
  /** The steps it has shown: the step list lets the user jump to these. */
  reached: string[];
  steps: Record<string, StepValues>;
  /** A step the final check found wrong: it shows its errors until it is posted again. */
  failed?: string;
  finished?: boolean;
}

export const newState = (first: string): WizardState => ({ at: first, reached: [first], steps: {} });

/** An instance's id: 128 random bits, base64url (it goes in the URL). */
export const newInstanceId = (): string => randomId();
export const INSTANCE_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * What the app's page gets: a step to show, or why there is none (with a way to start again).
 * @public
 */
export interface WizardPage {
  kind: 'step' | 'finished' | 'expired' | 'tampered' | 'foreign';
  /** The status the router set. */
  status: number;
  /** The wizard's title in the request's locale. */
  title: string;
  /** Everything to put in the page: step list, heading, form and buttons, or the message and a link. */
  html: string;
  /** The step shown, or null. */
  step: { name: string; title: string; number: number; of: number } | null;
  /** The step's form (null when no step is shown). */
  form: RenderedForm | null;
  /** The page's title: "Error: " first when the step shows errors. */
  pageTitle(title: string): string;
}

/**
 * What `wizard.router()` needs of the app: how to put a page on screen, and what to do with the data.
 * @public
 */
export interface WizardRouterOptions<D> {
  /** Renders the page (the status is set): e.g. `res.render('wizard.html', { wizard: page })`. */
  page(req: Request, res: Response, page: WizardPage): void;
  /** Gets the data once, when the wizard is finished; it answers the request (a redirect, say). */
  done(data: D, req: Request, res: Response): void | Promise<void>;
}

/** The name of a wizard's own buttons: `back`, or `goto:<step>` (the step list, the review's "Change"). */
export const WIZARD_FIELD = '_wizard';
