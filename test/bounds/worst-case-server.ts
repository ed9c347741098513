// The worst-case app in a process of its own, for the flood test: reports its port, stops when told.
import type { AddressInfo } from 'node:net';
import { worstCaseApp } from './worst-case-app.js';

const server = worstCaseApp().listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('message', (message) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
