// Starts the demo on 127.0.0.1 (port from PORT, default 3000). With RELEASE_DIR set (for example
// `.dijitize` after `npm run build:dojo`), pages load the built release instead of the source modules.
import http from 'node:http';
import { serverOptions } from '../server/index.js';
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 3000);
const releaseDir = process.env['RELEASE_DIR'] || null;
// The server's limits against slow clients (stalled headers, a body that never ends, idle sockets).
const server = http.createServer(serverOptions(), createApp({ releaseDir })).listen(port, '127.0.0.1', () => {
  console.log(`dijitize demo on http://127.0.0.1:${port}/${releaseDir ? ` (release from ${releaseDir})` : ''}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
