// Starts the demo on 127.0.0.1 (port from PORT, default 3000).
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 3000);
const server = createApp().listen(port, '127.0.0.1', () => {
  console.log(`dijitize demo on http://127.0.0.1:${port}/`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
