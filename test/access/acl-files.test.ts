// docs/access.md's access lists in files, read as a user copies them: the complete JSON and XML examples load, and
// say the same thing (the auditor reads but may not write).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { aclFromJson, aclFromXml } from '../../server/access/acl-files.js';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/access.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Access lists in files'));
const block = (language: string) => {
  const found = new RegExp('```' + language + '\\n([^`]*)```').exec(section)?.[1];
  assert.ok(found, `docs/access.md has a ${language} access list`);
  return found;
};

describe("docs/access.md's access lists", () => {
  for (const [language, load] of [['json', () => aclFromJson(JSON.parse(block('json')), 'docs json')], ['xml', () => aclFromXml(block('xml'), 'docs xml')]] as const) {
    it(`the ${language} example loads, and denies the auditor what it inherits`, () => {
      const acl = load();
      assert.equal(acl.check('clerk', 'expense', 'write'), true);
      assert.equal(acl.check('auditor', 'expense', 'read'), true);
      assert.equal(acl.check('auditor', 'expense', 'write'), false);
    });
  }
});
