// Playwright drives Debian's Chromium (/usr/bin/chromium): browser downloads are not possible here.
import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 3210);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // No retry: a test that passes only on a second try is a failing test, and CI must say so.
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 30_000,
  reporter: [['list']],
  projects: [
    { name: 'source', use: { baseURL: `http://127.0.0.1:${port}` }, testIgnore: /built\.spec\.ts/ },
    // The same specs against the demo served from a real Dojo build. A built page has its modules in the
    // layer and makes its widgets at DOMContentLoaded: there is no loading time to type into. Without
    // scripts the build changes only the stylesheets a page links, so of the specs with JavaScript off the
    // built project runs those that read styles (axe); the others meet the same server code as in source
    // (and the cross-engine suite runs its flows without scripts against the build in WebKitGTK).
    { name: 'built', use: { baseURL: `http://127.0.0.1:${port + 1}` }, testIgnore: /typed-while-loading\.spec\.ts/, grepInvert: /^(?!.*axe).*JavaScript off/ },
  ],
  use: {
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx tsx e2e/server.ts`,
    url: `http://127.0.0.1:${port + 1}/`,
    // development: the demo mounts the inspector only then.
    env: { PORT: String(port), NODE_ENV: 'development' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
