// Test helper: a new req.dojo for these settings, in source mode, as the middleware makes it.
import { createRequestDojo } from '../server/http/middleware.js';
import { resolveSettings, type DojoSettings } from '../server/settings/settings.js';

export const requestDojo = (input: DojoSettings = {}) => createRequestDojo(resolveSettings(input));
