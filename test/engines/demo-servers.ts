// Test helper: the demo as the cross-engine tests use it, on 127.0.0.1: from the source modules, and from
// a real `dijitize build` of it (made here into a temporary release folder), like the Chromium projects.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../demo/app.js';
import { demoBuildConfig } from '../../demo/build-config.js';
import { build } from '../../server/builder/build.js';
import { resolveBuildConfig } from '../../server/builder/config.js';
import { createLogger } from '../../server/builder/logger.js';
import { mountLarge } from '../../e2e/large-form.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DemoServers {
  /** The origin of the demo from source modules. */
  source: string;
  /** The origin of the demo from the build. */
  built: string;
  stop(): Promise<void>;
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; origin: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Builds the demo into a temporary folder and serves it, and the source demo beside it. */
export async function startDemoServers(): Promise<DemoServers> {
  const releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-engines-'));
  await build(resolveBuildConfig({ ...demoBuildConfig, releaseDir }, root), createLogger());
  // The demo, and a list too long to be made at once (e2e/large-form.ts), as the e2e servers have it.
  const withLargeList = (app: ReturnType<typeof createApp>) => (mountLarge(app), app);
  const source = await listen(withLargeList(createApp()));
  const built = await listen(withLargeList(createApp({ releaseDir })));
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    source: source.origin,
    built: built.origin,
    stop: async () => {
      source.server.closeAllConnections();
      built.server.closeAllConnections();
      await Promise.all([close(source.server), close(built.server)]);
      fs.rmSync(releaseDir, { recursive: true, force: true });
    },
  };
}
