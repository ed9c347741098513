// The keys every process of an app shares, newest first: everything dijitize signs or seals (CSRF tokens,
// wizards' state, kept files' tokens, edit versions, submission ids) is made with the newest and taken with
// any key of the ring, so a key can be rotated while pages made with the old one are open (ASP.NET's key
// ring does the same for antiforgery tokens). From `secrets`, else DIJITIZE_SECRETS, else the old single
// secret, else (outside production) a random key of this process's own. In production a missing ring
// fails at start-up, as Django and Rails refuse to start without their secret: with one per process, a
// GET and its POST served by two never match.
import crypto from 'node:crypto';
import { isBuilding } from './app-settings.js';
import { SettingsError } from '../common/errors.js';
import { BoundedCache } from '../common/bounded-cache.js';
import { warnRenamed } from '../common/deprecated.js';

/** The environment variable that gives every process of an app the same ring: keys, newest first, comma-separated. */
export const SECRETS_VARIABLE = 'DIJITIZE_SECRETS';
/** The single secret of dijitize 0.1 (a ring of one); DIJITIZE_SECRETS replaces it. */
export const OLD_SECRET_VARIABLE = 'DIJITIZE_CSRF_SECRET';
/** The shortest key taken. */
export const MIN_KEY_LENGTH = 16;

/** An app's keys, newest first. */
export interface KeyRing {
  /** What everything new is signed or sealed with. */
  readonly newest: string;
  /** Every key a token is still taken with, newest first. */
  readonly keys: readonly string[];
  /** Whether the ring is this process's own random key (nothing was set): only this process opens what it sealed. */
  readonly own: boolean;
}

/** Why a list of keys cannot be a ring, naming the key by place (never by value: it is a secret), or null. */
export function ringProblem(keys: readonly string[], name: (index: number) => string): string | null {
  if (keys.length === 0) return 'give at least one key';
  for (const [i, key] of keys.entries()) {
    if (key.length < MIN_KEY_LENGTH) return `${name(i)}: at least ${MIN_KEY_LENGTH} characters`;
    const first = keys.indexOf(key);
    if (first !== i) return `${name(i)}: the same key as ${name(first)} (each key of the ring once)`;
  }
  return null;
}

const ring = (keys: readonly string[], own = false): KeyRing => ({ newest: keys[0] as string, keys, own });

/** A ring from keys the caller has checked (the settings schema checks `secrets`). */
export const keyRing = (keys: readonly string[]): KeyRing => ring(keys);

/** What the settings give of a ring: `secrets`, or the old single secret under `oldKey`. */
interface RingSettings {
  secrets?: readonly string[] | undefined;
  /** The old single secret (csrf.secret), taken as a ring of one. */
  oldSecret?: string | undefined;
  oldKey: string;
}

/** The ring from the environment, or undefined when it sets none; a bad one fails naming the variable and the key's place. */
function ringFromEnvironment(): readonly string[] | undefined {
  const listed = process.env[SECRETS_VARIABLE];
  if (listed !== undefined) {
    const keys = listed.split(',').map((k) => k.trim());
    const problem = ringProblem(keys, (i) => `${SECRETS_VARIABLE} key ${i + 1}`);
    if (problem) throw new SettingsError(`Invalid dijitize settings:\n  secrets: ${problem}`, 'build-and-deploy');
    return keys;
  }
  const old = process.env[OLD_SECRET_VARIABLE];
  if (old === undefined) return undefined;
  warnRenamed(OLD_SECRET_VARIABLE, `${SECRETS_VARIABLE} (a ring of keys, newest first)`);
  if (old.length < MIN_KEY_LENGTH) throw new SettingsError(`Invalid dijitize settings:\n  secrets: ${OLD_SECRET_VARIABLE} must have at least ${MIN_KEY_LENGTH} characters`);
  return [old];
}

/**
 * The app's ring. `required`: a production app that serves (not `dijitize build`) must set one, and fails
 * here, naming the setting; otherwise a missing ring is this process's own random key.
 */
export function resolveKeyRing(settings: RingSettings, required: boolean): KeyRing {
  if (settings.secrets && settings.oldSecret) {
    throw new SettingsError(`Invalid dijitize settings:\n  ${settings.oldKey}: give secrets only (${settings.oldKey} is its old name, a ring of one)`);
  }
  if (settings.secrets) return ring(settings.secrets);
  if (settings.oldSecret) {
    warnRenamed(settings.oldKey, 'secrets (a ring of keys, newest first)');
    return ring([settings.oldSecret]);
  }
  const fromEnv = ringFromEnvironment();
  if (fromEnv) return ring(fromEnv);
  if (required && process.env['NODE_ENV'] === 'production' && !isBuilding()) {
    throw new SettingsError(`Invalid dijitize settings:\n  secrets: required when NODE_ENV=production (every process must share them): set secrets or ${SECRETS_VARIABLE}`, 'build-and-deploy');
  }
  return ring([crypto.randomBytes(32).toString('hex')], true); // this process's own: a restart makes a new one
}

/** Keys derived for one purpose, by ring: an app has one ring, so a few serve every request. */
const derived = new BoundedCache<string, readonly Buffer[]>(64);

/**
 * The ring's keys for one purpose (`label`), newest first: HMAC-SHA256 of the label with each key, so a
 * token made for one purpose never passes for another's, and no key is used as it is.
 */
export function derivedKeys(keys: KeyRing, label: string): readonly Buffer[] {
  const id = `${label}\n${keys.keys.join('\n')}`;
  return derived.get(id) ?? derived.set(id, keys.keys.map((key) => crypto.createHmac('sha256', key).update(label).digest()));
}
