// serverOptions(): the recipe that closes what slow clients hold open. A client that stalls its headers, a
// body that never ends, and an idle keep-alive socket are each closed by the server (with short limits
// here); with Node's defaults none of them is, in the same wait. No duration is asserted: each wait is a
// generous deadline for the socket to close.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { dojo, serverOptions } from '../../server/index.js';

const LIMITS = { headersTimeout: 400, requestTimeout: 800, keepAliveTimeout: 400, connectionsCheckingInterval: 100 };
/** Far longer than the limits above, far shorter than Node's defaults (60 s, 300 s). */
const WAIT_MS = 10_000;

/** Sends `text` and waits for the server to close the socket: what it answered, or null if still open at the deadline. */
function stall(port: number, text: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const deadline = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, WAIT_MS);
    socket.on('close', () => {
      clearTimeout(deadline);
      resolve(received);
    });
    socket.on('error', () => undefined);
  });
}

async function withServerOf(options: http.ServerOptions, run: (port: number) => Promise<void>): Promise<void> {
  const app = express().use(dojo({ csrf: false }));
  app.get('/', (_req, res) => res.send('ok'));
  app.post('/', (_req, res) => res.send('ok'));
  const server = http.createServer(options, app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const STALLED_HEADERS = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n';
const UNFINISHED_BODY = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\na=1';
const THEN_IDLE = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

describe('serverOptions(): the server closes what slow clients hold open', () => {
  it('stalled headers, a body that never ends, an idle keep-alive socket: each closed', async () => {
    await withServerOf(serverOptions(LIMITS), async (port) => {
      const [headers, body, idle] = await Promise.all([stall(port, STALLED_HEADERS), stall(port, UNFINISHED_BODY), stall(port, THEN_IDLE)]);
      assert.notEqual(headers, null, 'stalled headers: the socket was still open');
      assert.notEqual(body, null, 'a body that never ends: the socket was still open');
      assert.match(idle ?? '', /^HTTP\/1\.1 200 OK/, 'the idle socket had its answer, then was closed');
    });
  });

  it("with Node's defaults the same stalled clients are still open after the same wait", async () => {
    await withServerOf({}, async (port) => {
      const [headers, body] = await Promise.all([stall(port, STALLED_HEADERS), stall(port, UNFINISHED_BODY)]);
      assert.equal(headers, null);
      assert.equal(body, null);
    });
  });

  it('refuses a limit that is not a whole number of milliseconds, naming it', () => {
    assert.throws(() => serverOptions({ requestTimeout: 0 }), /requestTimeout must be a whole number/);
    assert.throws(() => serverOptions({ headersTimeout: 60_000, requestTimeout: 30_000 }), /headersTimeout must not be longer than requestTimeout/);
  });
});
