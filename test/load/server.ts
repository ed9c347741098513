// The demo server for the load test, in its own process: it reports its port, and its heap after a
// forced GC when asked (run with --expose-gc), once no connection is open.
import type { AddressInfo, Socket } from 'node:net';
import { createApp } from '../../demo/app.js';

const server = createApp().listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// The open connections: the heap is measured once the load's sockets have all closed.
const sockets = new Set<Socket>();
let whenIdle: (() => void) | null = null;
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.once('close', () => {
    sockets.delete(socket);
    if (sockets.size === 0) whenIdle?.();
  });
});
const idle = () => new Promise<void>((resolve) => (sockets.size === 0 ? resolve() : (whenIdle = resolve)));
process.on('message', (message) => {
  if (message === 'heap') {
    void idle().then(() => {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
      process.send?.({ heap: process.memoryUsage().heapUsed });
    });
  }
  if (message === 'stop') server.close(() => process.exit(0));
});
