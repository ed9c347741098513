// dojoErrors(): a form the user's roles may not see is a 403 page that says so, with no stack trace in the
// log and nothing of the error but its message in the page; other errors go on to the app's handlers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express from 'express';
import * as z from 'zod';
import { Acl } from '../../server/access/index.js';
import { defineForm, dojo, dojoErrors } from '../../server/index.js';
import { withServer } from '../serve.js';

const acl = new Acl().role('customer').role('manager').allow('manager', 'card', 'read');
const card = defineForm('refusal-card', z.object({ notes: z.string() }), { access: { acl, see: { resource: 'card', privilege: 'read' } } });

describe('dojoErrors()', () => {
  it('answers AccessDeniedError with a 403 page, logging nothing; passes other errors on', async () => {
    const app = express();
    app.use(dojo({ csrf: false }));
    app.get('/card', (req, res) => {
      req.dojo.roles = ['customer'];
      res.send(req.dojo.form(card).html);
    });
    app.get('/broken', () => {
      throw new Error('a fault of the app');
    });
    app.use(dojoErrors());
    app.use(((err, _req, res, _next) => res.status(500).send(`app's own handler: ${(err as Error).message}`)) as express.ErrorRequestHandler);
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      await withServer(app, async (base) => {
        const refused = await fetch(`${base}/card`);
        assert.equal(refused.status, 403);
        const page = await refused.text();
        assert.match(page, /<h1>Not allowed<\/h1>/);
        assert.doesNotMatch(page, /at .*\.ts:\d+/);
        const broken = await fetch(`${base}/broken`);
        assert.equal(broken.status, 500);
        assert.equal(await broken.text(), "app's own handler: a fault of the app");
      });
    } finally {
      console.error = error;
    }
    assert.deepEqual(logged, []);
  });
});
