// State that every process of an app must see alike: a wizard's instances (when they do not travel
// sealed in a cookie), whether a form's submission was answered, whether an instance finished. An
// interface an app can fill with any shared store, a memory store (one process), and Redis (many). A
// claim (set if absent) is what makes "once" hold across processes at the same moment.

/**
 * A store of strings by key, each expiring. Every method may be called by any process.
 * @public
 */
export interface SharedStore {
  /** The value of `key`, or null when it is not set or has expired. */
  get(key: string): Promise<string | null>;
  /** Sets `key` to `value` for `ttlSeconds`, over any value it had. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets `key` to `value` only if it is not set: true when this call set it (a thing is done once). */
  claim(key: string, ttlSeconds: number, value?: string): Promise<boolean>;
  /** Removes `key` (a claim whose work failed, so that it can be tried again); no error if it is not set. */
  delete(key: string): Promise<void>;
}

/** The most entries a memory store keeps: past it, the oldest goes. */
export const MEMORY_STORE_ENTRIES = 10_000;

/**
 * A store in this process's memory: for an app of one process. It forgets what expired, and keeps at
 * most `max` entries (the oldest go first).
 * @example const claim = defineWizard('claim', steps, { store: memoryStore() });
 * @public
 */
export function memoryStore({ max = MEMORY_STORE_ENTRIES }: { max?: number } = {}): SharedStore {
  const entries = new Map<string, { value: string; expires: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expires <= Date.now()) entries.delete(key);
    return entry && entry.expires > Date.now() ? entry : undefined;
  };
  const put = (key: string, value: string, ttlSeconds: number) => {
    entries.delete(key);
    entries.set(key, { value, expires: Date.now() + ttlSeconds * 1000 });
    // Entries are kept in the order they were written, and all live as long: the first is the oldest.
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
  };
  return {
    get: async (key) => live(key)?.value ?? null,
    set: async (key, value, ttlSeconds) => put(key, value, ttlSeconds),
    claim: async (key, ttlSeconds, value = '1') => {
      if (live(key)) return false;
      put(key, value, ttlSeconds);
      return true;
    },
    delete: async (key) => void entries.delete(key),
  };
}

/**
 * How a Redis client is given: its raw command call, as rate-limit-redis takes it.
 * @public
 */
export interface RedisCommands {
  /** e.g. node-redis: `(...args) => client.sendCommand(args)`; ioredis: `(command, ...args) => client.call(command, ...args)`. */
  sendCommand(...args: string[]): Promise<unknown>;
  /** Put before every key; default `dijitize:`. */
  prefix?: string;
}

/**
 * A store in Redis, shared by every process of the app (SET with EX; a claim is SET NX).
 * @example
 * const client = createClient({ url: process.env.REDIS_URL }); await client.connect();
 * const claim = defineWizard('claim', steps, { store: redisStore({ sendCommand: (...args) => client.sendCommand(args) }) });
 * @public
 */
export function redisStore({ sendCommand, prefix = 'dijitize:' }: RedisCommands): SharedStore {
  return {
    async get(key) {
      const value = await sendCommand('GET', prefix + key);
      return typeof value === 'string' ? value : null;
    },
    async set(key, value, ttlSeconds) {
      await sendCommand('SET', prefix + key, value, 'EX', String(Math.max(1, Math.ceil(ttlSeconds))));
    },
    async claim(key, ttlSeconds, value = '1') {
      return (await sendCommand('SET', prefix + key, value, 'EX', String(Math.max(1, Math.ceil(ttlSeconds))), 'NX')) === 'OK';
    },
    async delete(key) {
      await sendCommand('DEL', prefix + key);
    },
  };
}
