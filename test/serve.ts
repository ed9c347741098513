// Test helper: runs an Express app on 127.0.0.1 on a free port for the length of a callback.
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export async function withServer<T>(app: Express, use: (base: string) => Promise<T>): Promise<T> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  try {
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
