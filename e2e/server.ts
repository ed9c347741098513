// The server the e2e tests run against: the demo app, plus the same app with a form function
// (no inline script) and with a built release, mounted under their own paths.
import { createApp } from '../demo/app.js';

const port = Number(process.env['PORT'] ?? 3210);
createApp().listen(port, '127.0.0.1', () => console.log(`e2e server on ${port}`));
