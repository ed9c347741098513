/**
 * `dijitize/stores`: where the state several processes must agree on is kept (submitted-once answers,
 * wizard marks, live-check counts): in this process's memory, or in Redis for many.
 * @module dijitize/stores
 */
export { memoryStore, redisStore, type SharedStore, type RedisCommands } from './shared-store.js';
