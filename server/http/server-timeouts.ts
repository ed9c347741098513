// The HTTP server's own limits against slow clients, as a recipe: Node's defaults let a client that never
// finishes its headers hold a socket for a minute, and a body that never ends for five. dojo() is a
// middleware and never sees the server, so the app creates its server with these options.
import type http from 'node:http';

/**
 * What the recipe sets, in milliseconds.
 * @public
 */
export interface ServerTimeouts {
  /** A request's headers must arrive within this (Node: 60 s). */
  headersTimeout: number;
  /** A whole request, body included, must arrive within this (Node: 300 s). */
  requestTimeout: number;
  /** An idle keep-alive socket is closed after this (Node: 5 s). */
  keepAliveTimeout: number;
  /** How often the server checks the first two (Node: 30 s, which makes any shorter limit 30 s). */
  connectionsCheckingInterval: number;
}

/**
 * The recipe's limits: generous for a form POST on a slow phone, short for a client that stalls.
 * @example SERVER_TIMEOUTS.requestTimeout // 30000: a whole request, headers and body, within 30 s
 * @public
 */
export const SERVER_TIMEOUTS: Readonly<ServerTimeouts> = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
});

/**
 * Options for `http.createServer` with the recipe's limits (or yours over them).
 * @example http.createServer(serverOptions(), app).listen(3000, '127.0.0.1');
 * @public
 */
export function serverOptions(overrides: Partial<ServerTimeouts> = {}): http.ServerOptions {
  const limits = { ...SERVER_TIMEOUTS, ...overrides };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new TypeError(`serverOptions: ${key} must be a whole number of milliseconds above 0, not ${value}`);
  }
  if (limits.headersTimeout > limits.requestTimeout) throw new TypeError('serverOptions: headersTimeout must not be longer than requestTimeout');
  return limits;
}
