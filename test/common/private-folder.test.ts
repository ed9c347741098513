// The folders dijitize keeps things in (uploads, the wizards' marks) are this user's alone: a folder that
// another local user made first in the shared temporary directory, or that others may write to, is
// refused at start-up naming the setting, never used as it is.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import express from 'express';
import { dojo } from '../../server/index.js';
import { folderStore } from '../../server/uploads/index.js';
import { machineStore } from '../../server/wizards/machine-store.js';
import { uploadFolder } from '../uploads/expense-post.js';

describe('a private folder', () => {
  it('is made with mode 0700 when missing', () => {
    const dir = path.join(uploadFolder(), 'made');
    folderStore(dir);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  });

  it('refuses a folder others may write to (mode 0777), naming uploads.dir, at start-up', () => {
    const dir = uploadFolder();
    fs.chmodSync(dir, 0o777);
    assert.throws(() => express().use(dojo({ uploads: { dir } })), (err: Error) => err.name === 'SettingsError' && /uploads\.dir: the folder .* is not used, because others may write to it \(mode 777\)/.test(err.message));
  });

  it("refuses a folder of another user (the tests run as root, who can give one away), and the wizards' marks refuse one too", async () => {
    const dir = uploadFolder();
    fs.chownSync(dir, 65534, 65534);
    assert.throws(() => folderStore(dir), /belongs to another user \(uid 65534/);
    await assert.rejects(machineStore(dir).claim('k', 60), /belongs to another user/);
  });
});

describe('the machine store', () => {
  it('claims once across two stores of one folder (two processes, or before and after a restart), until the entry expires', async () => {
    const dir = uploadFolder();
    const one = machineStore(dir);
    const two = machineStore(dir);
    assert.deepEqual(await Promise.all([one.claim('finished', 60), two.claim('finished', 60)]).then((r) => r.sort()), [false, true]);
    assert.equal(await machineStore(dir).claim('finished', 60), false);
    await one.set('short', 'v', -1); // expired at once
    assert.equal(await two.get('short'), null);
    assert.equal(await two.claim('short', 60, 'mine'), true);
    assert.equal(await one.get('short'), 'mine');
    await one.delete('short');
    assert.equal(await two.get('short'), null);
  });
});
