// Test fixture: the demo as WORKERS node:cluster workers sharing one port (PORT), each answer marked with
// its worker's pid; with UPLOAD_DIR, their uploads share that folder; with REDIS_URL, their rate limit. The primary prints "ready <port>" once every worker listens.
import cluster from 'node:cluster';
import express from 'express';
import { createClient } from 'redis';
import { RedisStore } from 'rate-limit-redis';
import { createApp } from '../../demo/app.js';

const workers = Number(process.env['WORKERS'] ?? 2);
if (cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) console.log(`ready ${address.port}`);
  });
  cluster.on('exit', (_worker, code) => {
    if (code) console.error(`a worker exited with ${code}`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const app = express();
  app.use((_req, res, next) => {
    res.set('x-worker', String(process.pid));
    next();
  });
  // With UPLOAD_DIR, every worker stores uploads in that one folder (as processes of one machine do); with
  // REDIS_URL, the endpoints' rate limit (RATE_LIMIT requests a minute) is counted in that Redis.
  const dir = process.env['UPLOAD_DIR'];
  const redisUrl = process.env['REDIS_URL'];
  let store: RedisStore | undefined;
  if (redisUrl) {
    const client = createClient({ url: redisUrl });
    await client.connect();
    store = new RedisStore({ sendCommand: (...args: string[]) => client.sendCommand(args) });
  }
  app.use(createApp({ ...(dir ? { uploads: { dir } } : {}), ...(store ? { rateLimit: { limit: Number(process.env['RATE_LIMIT'] ?? 300), store } } : {}) }));
  app.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
}
