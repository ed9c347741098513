// Test helper: the demo on node:cluster workers (serve-cluster.ts), and requests to it each on a
// connection of its own, so that the cluster may give any request to any worker.
import http from 'node:http';
import { startReady } from '../ready-process.js';

export interface Answer {
  status: number;
  worker: string;
  cookie: string;
  /** Every cookie set, `name=value` with its path. */
  cookies: Array<{ pair: string; path: string }>;
  location: string;
  body: string;
}

/** One request on a connection of its own, so that the cluster can give it to any worker. */
export function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body: string | Buffer = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, connection: 'close' }, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          worker: String(res.headers['x-worker']),
          cookie: (res.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; '),
          cookies: (res.headers['set-cookie'] ?? []).map((line) => ({ pair: line.split(';')[0] ?? '', path: /;\s*path=([^;]*)/i.exec(line)?.[1] ?? '/' })),
          location: res.headers.location ?? '',
          body: text,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts the cluster, runs `use` with its port, stops it. */
export async function withCluster(env: Record<string, string>, use: (port: number) => Promise<void>): Promise<void> {
  const { child, port } = await startReady('test/cluster/serve-cluster.ts', { WORKERS: '2', PORT: '0', ...env });
  try {
    await use(port);
  } finally {
    child.kill('SIGTERM');
  }
}

/** A browser's cookie jar: each cookie by name and path, sent where its path says; and the workers it met. */
export class Jar {
  readonly #cookies = new Map<string, { pair: string; path: string }>();
  readonly workers = new Set<string>();

  /** A request with the cookies of its path; a string body is urlencoded, else multipart as given. */
  async send(port: number, method: string, to: string, body: string | { bytes: Buffer; type: string } = ''): Promise<Answer> {
    const pathname = to.split('?')[0] ?? to;
    const cookie = [...this.#cookies.values()].filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)).map((c) => c.pair).join('; ');
    const [type, bytes] = typeof body === 'string' ? ['application/x-www-form-urlencoded', Buffer.from(body)] : [body.type, body.bytes];
    const headers: Record<string, string> = { cookie, ...(bytes.length ? { 'content-type': type, 'content-length': String(bytes.length) } : {}) };
    const answer = await request(port, method, to, headers, bytes);
    for (const c of answer.cookies) this.#cookies.set(`${c.pair.split('=')[0]} ${c.path}`, c);
    this.workers.add(answer.worker);
    return answer;
  }
}

/** A multipart body of these fields and files (name, bytes, file name, type). */
export async function multipart(fields: Record<string, string>, files: Array<[string, Buffer, string, string]> = []): Promise<{ bytes: Buffer; type: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, bytes, filename, type] of files) body.append(name, new File([new Uint8Array(bytes)], filename, { type }));
  const encoded = new Response(body);
  return { bytes: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}

/** The value of a hidden field of a page (`_csrf`, `_file`, `_version`, `_submission`), '' without one. */
export const hidden = (page: Answer, name: string): string => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? '';
