// The demo server for the load test, in its own process: it reports its port, and its heap after a
// forced GC when asked (run with --expose-gc).
import type { AddressInfo } from 'node:net';
import { createApp } from '../../demo/app.js';

const server = createApp().listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message === 'heap') {
    for (let i = 0; i < 3; i++) globalThis.gc?.();
    process.send?.({ heap: process.memoryUsage().heapUsed });
  }
  if (message === 'stop') server.close(() => process.exit(0));
});
