// A cache whose keys come from requests (a locale string, say) must not grow with them: past its size it
// forgets the entry used least recently. A Map keeps insertion order, so a hit moves its key to the end.

/** A Map of at most `max` entries that forgets the least recently used one. */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  constructor(readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as K);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
