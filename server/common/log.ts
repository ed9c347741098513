// What dijitize says while it works, for a developer who asks: `DEBUG=dijitize:* node app.js` (the `debug`
// package, as Express's own `express:*`). Silent otherwise. What an app must fix is a process warning
// instead (`process.emitWarning` with a DIJITIZE_* code), shown by default.
import createDebug from 'debug';

/** One namespace per stage: `dijitize:request` (refusals and why), `dijitize:release`, `dijitize:forms`. */
export const log = {
  request: createDebug('dijitize:request'),
  release: createDebug('dijitize:release'),
  forms: createDebug('dijitize:forms'),
  build: createDebug('dijitize:build'),
};
