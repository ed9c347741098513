// An app's keys, newest first (its key ring): everything dijitize signs or seals is made with the newest
// and taken with any key of the ring, so a key can be rotated while pages made with the old one are open
// (ASP.NET's key ring does the same for antiforgery tokens). Each purpose derives keys of its own.
import crypto from 'node:crypto';
import { BoundedCache } from './bounded-cache.js';

/** The shortest key taken. */
export const MIN_KEY_LENGTH = 16;

/** An app's keys, newest first. */
export interface KeyRing {
  /** Every key a token is still taken with, newest first: the first is what everything new is made with. */
  readonly keys: readonly string[];
  /** Whether the ring is this process's own random key (nothing was set): only this process opens what it sealed. */
  readonly own: boolean;
}

/**
 * What keeps keys from being a ring, by the place of the key (never its value: it is a secret): too short,
 * or the same as an earlier one, named by `name`. The settings schema and DIJITIZE_SECRETS both ask it.
 */
export function ringProblems(keys: readonly string[], name: (index: number) => string): Array<{ at: number; why: string }> {
  return keys.flatMap((key, at) => {
    if (key.length < MIN_KEY_LENGTH) return [{ at, why: `at least ${MIN_KEY_LENGTH} characters` }];
    const first = keys.indexOf(key);
    return first === at ? [] : [{ at, why: `the same key as ${name(first)} (each key of the ring once)` }];
  });
}

/** A ring of keys the caller has checked (the settings schema checks `secrets`); `own`: a random key of this process. */
export const keyRing = (keys: readonly string[], own = false): KeyRing => ({ keys, own });

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
