import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.TEST_PORT ?? 3100);
// Debian's Chromium when it is installed (apt-get install chromium); else the one `npx playwright install` fetched.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu'] },
  },
  webServer: { command: 'node app.js', url: `http://127.0.0.1:${port}/`, env: { PORT: String(port), NODE_ENV: 'development' }, reuseExistingServer: false },
});
