// Test helper: a real Redis (Debian's redis-server, installed by scripts/ensure-redis.sh) on 127.0.0.1 and
// a free port, for the length of a callback; stopped by its pid. Nothing is written to disk.
import { spawn } from 'node:child_process';
import net from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export async function withRedis<T>(use: (url: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const redis = spawn(process.env['REDIS_SERVER_PATH'] ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      redis.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      redis.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`)));
    });
    return await use(`redis://127.0.0.1:${port}`);
  } finally {
    redis.kill('SIGTERM');
    await new Promise((resolve) => (redis.exitCode === null ? redis.once('exit', resolve) : resolve(null)));
  }
}
