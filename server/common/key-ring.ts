// An app's keys, newest first (its key ring): everything dijitize signs or seals is made with the newest
// and taken with any key of the ring, so a key can be rotated while pages made with the old one are open
// (ASP.NET's key ring does the same for antiforgery tokens). Each purpose derives keys of its own.
import crypto from 'node:crypto';
import { BoundedCache } from './bounded-cache.js';

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

/** A ring of keys the caller has checked (the settings schema checks `secrets`); `own`: a random key of this process. */
export const keyRing = (keys: readonly string[], own = false): KeyRing => ({ newest: keys[0] as string, keys, own });

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
