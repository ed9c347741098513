// Requests no browser would send, against the demo app: each gets a 4xx with a reason or a field error,
// never a 5xx, and the server keeps serving.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../demo/app.js';
import { openForm, tokenField } from '../form-session.js';
import { withServer } from '../serve.js';

const VALID = 'username=ada&email=ada%40example.org&password=correct+horse&confirm=correct+horse';

describe('hostile requests', () => {
  it('a body over the limit is 413 with a reason', async () => {
    await withServer(createApp({ bodyLimit: '2kb' }), async (base) => {
      const s = await openForm(base, '/register');
      const res = await s.post('/register', `${tokenField(s)}${VALID}&notes=${'x'.repeat(4000)}`);
      assert.equal(res.status, 413);
      assert.equal(await res.text(), 'The form data is larger than this server accepts.');
    });
  });

  it('too many fields is 413 with a reason', async () => {
    await withServer(createApp({ maxFields: 50 }), async (base) => {
      const s = await openForm(base, '/register');
      const many = Array.from({ length: 60 }, (_, i) => `f${i}=1`).join('&');
      const res = await s.post('/register', `${tokenField(s)}${VALID}&${many}`);
      assert.equal(res.status, 413);
      assert.equal(await res.text(), 'The form has more fields than this server accepts.');
    });
  });

  it('__proto__ and constructor keys never reach objects', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const res = await s.post('/register', `${tokenField(s)}${VALID}&__proto__%5Bpolluted%5D=1&__proto__=x&constructor=y&constructor.prototype.polluted=1`);
      assert.equal(res.status, 303);
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    });
  });

  const fieldErrors: Array<[string, string, RegExp]> = [
    ['an array where a scalar is expected', 'username=ada&username=bob&email=ada%40example.org&password=correct+horse&confirm=correct+horse', /register-username-error/],
    ['a wrong type (text for a number)', 'day=2026-01-01&start=09%3A00&hours=lots&employee=ada&projects=apollo', /timecard-hours-error/],
    ['an unknown enum value', 'day=2026-01-01&start=09%3A00&hours=8&employee=mallory&projects=apollo', /timecard-employee-error/],
    ['invalid percent-encoded UTF-8', 'username=%FF%FE%C3&email=ada%40example.org&password=correct+horse&confirm=correct+horse', /register-username-error/],
  ];
  for (const [what, body, marker] of fieldErrors) {
    it(`${what} is a field error (422), not a 5xx`, async () => {
      await withServer(createApp(), async (base) => {
        const path = body.startsWith('day') ? '/timecard' : '/register';
        const s = await openForm(base, path);
        const res = await s.post(path, `${tokenField(s)}${body}`);
        assert.equal(res.status, 422);
        assert.match(await res.text(), marker);
      });
    });
  }

  it('invalid UTF-8 in a plain text field (percent-encoded or raw bytes) is that field\'s error, never stored as U+FFFD', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/timecard');
      const valid = 'day=2026-01-01&start=09%3A00&hours=8&employee=ada&projects=apollo';
      const encoded = await s.post('/timecard', `${tokenField(s)}${valid}&notes=ok%FF%FEok`);
      assert.equal(encoded.status, 422);
      assert.match(await encoded.text(), /id="timecard-notes-error" role="alert">This value holds bytes that are not text \(UTF-8\)\./);
      const raw = await s.post('/timecard', Buffer.concat([Buffer.from(`${tokenField(s)}${valid}&notes=`), Buffer.from([0xc3, 0x28])]));
      assert.equal(raw.status, 422);
      assert.match(await raw.text(), /timecard-notes-error/);
      // Real non-ASCII text, percent-encoded or raw, is text.
      const text = await s.post('/timecard', Buffer.from(`${tokenField(s)}${valid}&notes=%C3%A9t%C3%A9+d\u00e9j\u00e0`));
      assert.equal(text.status, 303);
    });
  });

  it('a corrupt gzip, deflate or brotli body is a 400 with a plain reason, never a stack trace, in development mode too; an unknown encoding is 415', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await s.post('/register', Buffer.from('not compressed at all'), { 'content-encoding': encoding });
        assert.equal(res.status, 400, encoding);
        assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
        assert.equal(await res.text(), 'The form data could not be read.');
      }
      const unknown = await s.post('/register', Buffer.from('a=1'), { 'content-encoding': 'x-unknown' });
      assert.equal(unknown.status, 415);
      assert.equal(await unknown.text(), 'The form data uses a content encoding this server does not accept.');
    });
  });

  it('raw invalid UTF-8 bytes and unknown fields are read safely', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const body = Buffer.concat([Buffer.from(`${tokenField(s)}username=`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('&email=x&unknown=1')]);
      const res = await s.post('/register', body);
      assert.equal(res.status, 422);
    });
  });

  it('a charset the server does not read is 415; a JSON body (no token field) is 403; a path escaping the prefix is 404', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const latin = await s.post('/register', `${tokenField(s)}${VALID}`, { 'content-type': 'application/x-www-form-urlencoded; charset=latin1' });
      assert.equal(latin.status, 415);
      assert.equal(await latin.text(), 'The form data uses a character set this server does not accept.');
      const json = await s.post('/register', JSON.stringify({ username: 'ada' }), { 'content-type': 'application/json' });
      assert.equal(json.status, 403); // no form field carries the token: refused before validation
      assert.equal((await fetch(`${base}/dojo/dojo/..%2F..%2Fpackage.json`)).status, 404);
    });
  });

  it('after all of that the server still serves normal requests', async () => {
    await withServer(createApp(), async (base) => {
      const s = await openForm(base, '/register');
      const statuses = await Promise.all([
        s.post('/register', `${tokenField(s)}${'a=1&'.repeat(2000)}`),
        s.post('/register', Buffer.from([0xff, 0x00, 0x25])),
        s.post('/register', 'x'.repeat(200_000)),
      ].map((p) => p.then((r) => r.status)));
      assert.deepEqual(statuses, [413, 403, 413]);
      assert.equal((await s.post('/register', `${tokenField(s)}${VALID}`)).status, 303);
      assert.equal((await fetch(`${base}/timecard`)).status, 200);
    });
  });
});
