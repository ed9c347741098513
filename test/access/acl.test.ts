import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Acl, AccessError, loadAcl } from '../../server/index.js';
import { aclFromJson, aclFromXml } from '../../server/access/acl-files.js';

const root = path.resolve(import.meta.dirname, '../..');
const ORIGINAL_XML = path.join(root, 'test/fixtures/acl/timecard.xml');

/** The 2009 post's own example, built in code as the post builds it. */
const inCode = () =>
  new Acl()
    .role('customer')
    .role('employee', ['customer'])
    .role('manager', ['employee'])
    .allow('customer', ['contact_details', 'profile'], ['read', 'write'])
    .allow('employee', 'time_card', ['read', 'write'])
    .allow('manager', 'time_card', 'approve');

/** The same list as JSON. */
const ORIGINAL_JSON = {
  roles: { customer: [], employee: ['customer'], manager: ['employee'] },
  permissions: [
    { resources: ['contact_details', 'profile'], roles: ['customer'], privileges: ['read', 'write'] },
    { resources: ['time_card'], roles: ['employee'], privileges: ['read', 'write'] },
    { resources: ['time_card'], roles: ['manager'], privileges: ['approve'] },
  ],
};

function tempFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dijitize-acl-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('the access-control list', () => {
  for (const [how, make] of [['built in code', inCode], ['loaded from the original XML', () => loadAcl(ORIGINAL_XML)], ['loaded from JSON', () => loadAcl(tempFile('acl.json', JSON.stringify(ORIGINAL_JSON)))]] as const) {
    it(`${how}: the original post's truth table`, () => {
      const acl = make();
      assert.equal(acl.check('manager', 'time_card', 'write'), true, 'manager write: yes (inherited from employee)');
      assert.equal(acl.check('manager', 'time_card', 'approve'), true, 'manager approve: yes');
      assert.equal(acl.check('employee', 'time_card', 'write'), true, 'employee write: yes');
      assert.equal(acl.check('employee', 'time_card', 'approve'), false, 'employee approve: no');
      assert.equal(acl.check('customer', 'time_card', 'read'), false, 'customer reads no time card');
      assert.equal(acl.check('manager', 'contact_details', 'read'), true, 'inherited through two parents');
    });
  }

  it('an unknown role is an error that names it (the original AccessError), even beside a known one', () => {
    assert.throws(() => inCode().check('employess', 'time_card', 'approve'), (err: unknown) => err instanceof AccessError && /unknown role "employess"/.test(err.message));
    assert.throws(() => inCode().allows(['manager', 'intern'], { resource: 'time_card', privilege: 'write' }), /unknown role "intern"/);
  });

  it('several parents: a role has what any of them has', () => {
    const acl = new Acl().role('writer').role('reviewer').role('editor', ['writer', 'reviewer']).allow('writer', 'post', 'write').allow('reviewer', 'post', 'review');
    assert.ok(acl.check('editor', 'post', 'write') && acl.check('editor', 'post', 'review'));
    assert.equal(acl.check('writer', 'post', 'review'), false);
  });

  it('in code, a role comes after its parents and once: no cycle can be built', () => {
    assert.throws(() => new Acl().role('manager', ['employee']), /role "manager" inherits from "employee", which is not defined/);
    assert.throws(() => new Acl().role('a').role('a'), /role "a" is defined twice/);
  });

  it('in a file, roles may come in any order; a cycle is refused, naming it and the line', () => {
    const acl = aclFromXml('<config><roleSet><role><name>manager</name><inheritFrom>employee</inheritFrom></role><role><name>employee</name></role></roleSet></config>');
    assert.deepEqual(acl.roles, ['employee', 'manager']);
    const cycle = '<config>\n<roleSet>\n<role><name>a</name><inheritFrom>b</inheritFrom></role>\n<role><name>b</name><inheritFrom>a</inheritFrom></role>\n</roleSet>\n</config>';
    assert.throws(() => aclFromXml(cycle, 'acl.xml'), /acl.xml: line 3, <role>: roles inherit from each other in a cycle: a -> b -> a/);
    assert.throws(() => aclFromJson({ roles: { a: ['b'], b: ['a'] } }, 'acl.json'), /acl.json: roles.a: roles inherit from each other in a cycle: a -> b -> a/);
  });

  it('a bad XML file fails naming the line or the element', () => {
    const cases: Array<[string, RegExp]> = [
      ['<config>\n<roleSet>\n<role><name>a</name></role>\n</roleset>\n</config>', /bad.xml: line 3: not well-formed XML: Opening and ending tag mismatch: "roleSet" != "roleset"/],
      ['<acl/>', /bad.xml: the root element must be <config>, not <acl>/],
      // No entity is expanded, so no file is read and no entity multiplies (XXE, billion laughs).
      ['<!DOCTYPE config [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<config><roleSet><role><name>&x;</name></role></roleSet></config>', /bad.xml: line 2: not well-formed XML: entity not found:&x;/],
      ['<config>\n<roleSet>\n<role><name>a</name><inheritFrom>ghost</inheritFrom></role>\n</roleSet>\n</config>', /bad.xml: line 3, <role>: role "a" inherits from "ghost", which is not defined/],
      ['<config>\n<roleSet>\n<role><name>a</name></role>\n</roleSet>\n<permissions>\n<permission><resources><resource>r</resource></resources><roles><role>b</role></roles><privileges><privilege>p</privilege></privileges></permission>\n</permissions>\n</config>', /bad.xml: line 6, <permission>: the permission names role "b", which is not defined/],
      ['<config>\n<roleSet>\n<role>\n<name> </name>\n</role>\n</roleSet>\n</config>', /bad.xml: line 4, <name> is empty/],
      ['<config>\n<permissions>\n<permission><roles><role>a</role></roles></permission>\n</permissions>\n</config>', /bad.xml: line 3, <permission> names no resources/],
    ];
    for (const [xml, message] of cases) assert.throws(() => loadAcl(tempFile('bad.xml', xml)), message);
  });

  it('a bad JSON file fails naming the line or the key', () => {
    assert.throws(() => loadAcl(tempFile('bad.json', '{\n  "roles": {},\n}')), /bad.json: line 3: not JSON/);
    assert.throws(() => loadAcl(tempFile('bad.json', '{"roles": {"a": [1]}}')), /bad.json: roles.a.0: /);
    assert.throws(() => loadAcl(tempFile('bad.json', '{"roles": {}, "permissions": [{"resources": ["r"], "roles": ["x"], "privileges": ["p"]}]}')), /bad.json: permissions.0: the permission names role "x", which is not defined/);
    assert.throws(() => loadAcl(tempFile('acl.yaml', 'roles: {}')), /acl.yaml: an access list is a .json or .xml file/);
  });
});
