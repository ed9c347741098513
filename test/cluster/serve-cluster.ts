// Test fixture: the demo as WORKERS node:cluster workers sharing one port (PORT), each answer marked with
// its worker's pid; with UPLOAD_DIR, their uploads share that folder; with REDIS_URL, their rate limit and
// their answered submissions, and POST /once counts its handler's runs there (`once-runs`). With
// RELEASE_DIRS (comma-separated), worker i serves the release of the i-th folder, as the machines of a
// rolling deploy do. The primary prints "ready <port>" once every worker listens.
import cluster from 'node:cluster';
import express from 'express';
import { createClient } from 'redis';
import { RedisStore } from 'rate-limit-redis';
import { createApp } from '../../demo/app.js';
import { redisStore } from '../../server/stores/index.js';
import { s3Store } from '../../server/s3/index.js';
import { S3_BUCKET, s3Client } from '../s3-server.js';

const workers = Number(process.env['WORKERS'] ?? 2);
if (cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) console.log(`ready ${address.port}`);
  });
  cluster.on('exit', (_worker, code) => {
    if (code) console.error(`a worker exited with ${code}`);
  });
  const releaseDirs = process.env['RELEASE_DIRS']?.split(',') ?? [];
  for (let i = 0; i < workers; i++) cluster.fork(releaseDirs.length ? { RELEASE_DIR: releaseDirs[i % releaseDirs.length] } : {});
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
  // With S3_ENDPOINT, every worker keeps uploads in that S3-compatible server's bucket instead.
  const s3 = process.env['S3_ENDPOINT'];
  const dir = process.env['UPLOAD_DIR'];
  // With RESUMABLE_DIR, the chunks of resumable uploads wait in that one folder (as on a shared disk).
  const resumableDir = process.env['RESUMABLE_DIR'];
  const chunks = resumableDir ? { resumableDir } : {};
  const uploads = s3 ? { uploads: { store: s3Store({ client: s3Client(s3), bucket: S3_BUCKET }), ...chunks } } : dir ? { uploads: { dir, ...chunks } } : {};
  const releaseDir = process.env['RELEASE_DIR'];
  const released = releaseDir ? { releaseDir } : {};
  const redisUrl = process.env['REDIS_URL'];
  let store: RedisStore | undefined;
  let client: ReturnType<typeof createClient> | undefined;
  if (redisUrl) {
    client = createClient({ url: redisUrl });
    await client.connect();
    const redis = client;
    store = new RedisStore({ sendCommand: (...args: string[]) => redis.sendCommand(args) });
    const submissions = redisStore({ sendCommand: (...args: string[]) => redis.sendCommand(args) });
    // POST /once is slow until both POSTs of a test have reached the workers: each arrival is counted in
    // Redis, the second lets the handler go on (a list it waits on), so the two are in flight together.
    app.use('/once', (req, _res, next) => {
      if (req.method !== 'POST') return next();
      void redis.incr('once-arrivals').then((n) => (n === 2 ? redis.rPush('once-go', ['go', 'go']) : 0)).then(() => next(), next);
    });
    app.use(createApp({ ...uploads, rateLimit: { limit: Number(process.env['RATE_LIMIT'] ?? 300), store }, submissions: { store: submissions } }));
    // A handler that counts its runs where every worker can, and waits for the go.
    app.post('/once', async (_req, res) => {
      await redis.incr('once-runs');
      const waiting = redis.duplicate(); // a blocking pop holds its own connection
      await waiting.connect();
      await waiting.blPop('once-go', 30);
      await waiting.quit();
      res.redirect(303, '/once/done');
    });
  } else app.use(createApp({ ...uploads, ...released }));
  app.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
}
