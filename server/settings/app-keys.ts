// Where an app's key ring comes from: `secrets`, else DIJITIZE_SECRETS, else the old single secret, else
// (outside production) a random key of this process's own. In production a missing ring fails at
// start-up, as Django and Rails refuse to start without their secret: with one per process, a GET and its
// POST served by two never match.
import crypto from 'node:crypto';
import { isBuilding } from './app-settings.js';
import { SettingsError } from '../common/errors.js';
import { warnRenamed } from '../common/deprecated.js';
import { keyRing, MIN_KEY_LENGTH, ringProblems, type KeyRing } from '../common/key-ring.js';

/** The environment variable that gives every process of an app the same ring: keys, newest first, comma-separated. */
export const SECRETS_VARIABLE = 'DIJITIZE_SECRETS';
/** The single secret of dijitize 0.1 (a ring of one); DIJITIZE_SECRETS replaces it. */
export const OLD_SECRET_VARIABLE = 'DIJITIZE_CSRF_SECRET';

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
    const name = (i: number) => `${SECRETS_VARIABLE} key ${i + 1}`;
    const [problem] = ringProblems(keys, name);
    // A key that holds a comma is two keys here, the second often short: the hint says why.
    if (problem) throw new SettingsError(`Invalid dijitize settings:\n  secrets: ${name(problem.at)}: ${problem.why} (${SECRETS_VARIABLE} separates its keys by commas: a key holds none)`, 'build-and-deploy');
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
  if (settings.secrets) return keyRing(settings.secrets);
  if (settings.oldSecret) {
    warnRenamed(settings.oldKey, 'secrets (a ring of keys, newest first)');
    return keyRing([settings.oldSecret]);
  }
  const fromEnv = ringFromEnvironment();
  if (fromEnv) return keyRing(fromEnv);
  if (required && process.env['NODE_ENV'] === 'production' && !isBuilding()) {
    throw new SettingsError(`Invalid dijitize settings:\n  secrets: required when NODE_ENV=production (every process must share them): set secrets or ${SECRETS_VARIABLE}`, 'build-and-deploy');
  }
  return keyRing([crypto.randomBytes(32).toString('hex')], true); // this process's own: a restart makes a new one
}

