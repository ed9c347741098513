// Test helper: a real S3-compatible server (s3rver, from npm) on 127.0.0.1 and a free port, with one
// bucket, its data in a temporary folder, for the length of a callback; stopped by its pid. And a client
// of it as an app would make one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { freePort } from './redis-server.js';

export const S3_BUCKET = 'dijitize-test-uploads';

/** What a test needs of the server: its endpoint, and a client. */
export interface S3Server {
  endpoint: string;
  client(): S3Client;
}

/**
 * A client of an S3-compatible server: path-style addresses, s3rver's fixed keys, and checksums only
 * where S3 requires them (s3rver does not know the SDK's default CRC32 trailers).
 */
export const s3Client = (endpoint: string): S3Client =>
  new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

export async function withS3Server<T>(use: (server: S3Server) => Promise<T>): Promise<T> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-s3rver-'));
  const bin = createRequire(import.meta.url).resolve('s3rver/bin/s3rver.js');
  const server = spawn(process.execPath, [bin, '--directory', dir, '--address', '127.0.0.1', '--port', String(port), '--configure-bucket', S3_BUCKET], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const hear = (d: Buffer) => {
        out += d.toString();
        if (out.includes('listening')) resolve();
      };
      server.stdout.on('data', hear);
      server.stderr.on('data', hear);
      server.on('exit', (code) => reject(new Error(`s3rver exited with ${code}: ${out.slice(-500)}`)));
    });
    server.stdout.resume();
    server.stderr.resume();
    const endpoint = `http://127.0.0.1:${port}`;
    return await use({ endpoint, client: () => s3Client(endpoint) });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
