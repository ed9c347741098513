// Test fixture: an app whose one form takes a file of up to 1.1 GB, in a process of its own so that a test
// can read its memory; uploads in UPLOAD_DIR. Prints "ready <port>" once it listens.
import express from 'express';
import * as z from 'zod';
import { defineForm, dojo } from '../../server/index.js';

const MAX = Math.round(1.1 * 1024 * 1024 * 1024);
const big = defineForm('big', z.object({ document: z.file().max(MAX) }));
const app = express();
app.use(dojo({ uploads: { dir: process.env['UPLOAD_DIR'], fileSize: MAX, totalSize: MAX } }));
app.get('/big', (req, res) => void res.send(req.dojo.form(big).html));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
});
