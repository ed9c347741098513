// Starts the Django peer (bench/django/benchsite.py) under Debian's gunicorn, one sync worker per core, on
// a free port of 127.0.0.1; stops it by its pid. `npm run bench` installs both (scripts/ensure-django.sh).
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from './bench-servers.js';
import { validBody } from './bench-forms.js';

const GUNICORN = process.env['GUNICORN_PATH'] ?? '/usr/bin/gunicorn';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export interface DjangoPeer {
  base: string;
  /** gunicorn's master: its workers are its children (their CPU time is the server's). */
  pid: number;
  stop(): void;
}

export async function startDjango(): Promise<DjangoPeer> {
  const port = await freePort();
  const child = spawn(GUNICORN, ['--workers', String(os.cpus().length), '--bind', `127.0.0.1:${port}`, '--chdir', path.join(root, 'bench/django'), 'benchsite:application'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  // Bounded: gunicorn answers in about a second; a broken install says so instead of hanging the bench.
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`gunicorn exited with ${child.exitCode}: is Debian's python3-django installed? (bash scripts/ensure-django.sh)`);
    try {
      if ((await fetch(`${base}/form`)).ok) break;
    } catch {
      if (tries > 100) throw new Error('gunicorn did not answer within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, pid: child.pid as number, stop: () => child.kill('SIGTERM') };
}

/** Django's CSRF cookie and the page's token, as a browser that opened the form holds them. */
export async function openDjangoForm(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/form`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie, token };
}

/** The bench's valid body as Django's TimeField takes it (no leading "T"). */
export const djangoValidBody = (n: number): string => validBody(n).replaceAll('T09%3A30%3A00', '09%3A30%3A00');
