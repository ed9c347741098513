// Test helper: a server in a process of its own (a script run with tsx), ready once it prints "ready <port>".
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `script` with `env` added; resolves with the process and the port it printed, rejects if it exits first. */
export async function startReady(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
        const m = /ready (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
    return { child, port };
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
}
