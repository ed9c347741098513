// A deploy between a GET and its POST, over real HTTP: the page comes from an app of release 1 (ring [K1]),
// its POST goes to an app of release 2 (a field added, ring [K2, K1]); both keep answered submissions in
// one Redis. The POST comes back once with the notice and the new field marked, what was typed kept;
// sent again from that page it is accepted, and the handler runs once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import { createClient } from 'redis';
import * as z from 'zod';
import { dojo } from '../../server/index.js';
import { FormDefinition } from '../../server/forms/define.js';
import { redisStore } from '../../server/stores/index.js';
import { withRedis } from '../redis-server.js';
import { withServer } from '../serve.js';
import { openForm, tokenField } from '../form-session.js';

const K1 = 'the key of release one (old)';
const K2 = 'the key of release two (new)';

function release(shape: z.ZodRawShape, secrets: string[], redis: { sendCommand(args: string[]): Promise<unknown> }, saved: unknown[]) {
  const contact = new FormDefinition('contact', z.object(shape));
  const app = express();
  app.use(dojo({ secrets, submissions: { store: redisStore({ sendCommand: (...args: string[]) => redis.sendCommand(args) }) } }));
  app.get('/contact', (req, res) => void res.send(req.dojo.form(contact).html));
  app.post('/contact', (req, res) => {
    const result = req.dojo.parse(contact, req.body);
    if (!result.ok) return void res.status(422).send(req.dojo.form(contact, result.state).html);
    saved.push(result.data);
    res.redirect(303, '/thanks');
  });
  return app;
}

/** The page's hidden and typed fields, as its form would post them. */
const fieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"/g)].map((m) => [m[1], (m[2] ?? '').replace(/&#64;|&amp;/g, (e) => (e === '&amp;' ? '&' : '@'))]));

describe('a form changed and a key rotated between a GET and its POST (two apps, one Redis)', () => {
  it('the user sends the form once more at most, and loses nothing', () =>
    withRedis(async (url) => {
      const redis = createClient({ url });
      await redis.connect();
      try {
        const saved: unknown[] = [];
        const one = release({ name: z.string().min(2), email: z.email() }, [K1], redis, saved);
        const two = release({ name: z.string().min(2), email: z.email(), phone: z.string().min(5) }, [K2, K1], redis, saved);
        await withServer(one, async (first) => {
          await withServer(two, async (second) => {
            const opened = await openForm(first, '/contact');
            const hidden = fieldsOf(opened.html);
            const typed = `_submission=${hidden['_submission']}&_fingerprint=${hidden['_fingerprint']}&name=Ada+Lovelace&email=ada%40example.org`;
            const refused = await fetch(`${second}/contact`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: opened.cookie }, body: `${tokenField(opened)}${typed}` });
            assert.equal(refused.status, 422);
            const page = await refused.text();
            assert.match(page, /This form has changed since you opened it; check the fields marked new, then send it again\. Nothing you typed is lost\./);
            assert.match(page, /id="contact-phone-error" role="alert">New in this form: check it\.</);
            const again = fieldsOf(page);
            assert.equal(again['name'], 'Ada Lovelace');
            assert.equal(again['email'], 'ada@example.org');
            // Sent again from that page (its own token, fingerprint and submission id), the phone filled in.
            const body = new URLSearchParams({ ...again, phone: '01234 56789' }).toString();
            const cookie = [opened.cookie, ...refused.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
            const accepted = await fetch(`${second}/contact`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
            assert.equal(accepted.status, 303);
            assert.deepEqual(saved, [{ name: 'Ada Lovelace', email: 'ada@example.org', phone: '01234 56789' }]);
          });
        });
      } finally {
        await redis.quit();
      }
    }));
});
