// The secret every process of an app shares: it signs CSRF tokens and kept uploads' tokens (each with a
// key of its own derived from it). From a setting, else the environment, else (outside production) a
// random one for this process. In production a missing secret fails at start-up, as Django and Rails
// refuse to start without theirs: with one per process, a GET and its POST served by two never match.
import crypto from 'node:crypto';
import { isBuilding } from './app-settings.js';
import { SettingsError } from '../common/errors.js';

/** The environment variable that gives every process of an app the same secret. */
export const SECRET_VARIABLE = 'DIJITIZE_CSRF_SECRET';

/** The secret for `key` (the setting named in errors): the setting, the environment, or this process's. */
export function sharedSecret(setting: string | undefined, key: string): string {
  if (setting) return setting;
  const fromEnv = process.env[SECRET_VARIABLE];
  if (fromEnv !== undefined) {
    if (fromEnv.length < 16) throw new SettingsError(`Invalid dijitize settings:\n  ${key}: ${SECRET_VARIABLE} must have at least 16 characters`);
    return fromEnv;
  }
  if (process.env['NODE_ENV'] === 'production' && !isBuilding()) {
    throw new SettingsError(`Invalid dijitize settings:\n  ${key}: required when NODE_ENV=production (every process must share it): set ${key} or ${SECRET_VARIABLE}`);
  }
  return crypto.randomBytes(32).toString('hex'); // this middleware's own: a restart makes a new one
}
