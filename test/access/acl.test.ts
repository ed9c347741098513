import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Acl, AccessError, loadAcl } from '../../server/access/index.js';
import { aclFromJson, aclFromXml } from '../../server/access/acl-files.js';
import { MAX_INHERITANCE_DEPTH } from '../../server/access/acl.js';

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

describe('deny rules (Zend_Acl\'s precedence)', () => {
  /** An auditor inherits from clerk but may change nothing; a senior auditor may approve again. */
  const AUDIT_JSON = {
    roles: { clerk: [], auditor: ['clerk'], senior: ['auditor'], intern: ['clerk'], both: ['intern', 'auditor'] },
    permissions: [
      { resources: ['expense'], roles: ['clerk'], privileges: ['read', 'write', 'approve'] },
      { type: 'deny', resources: ['expense'], roles: ['auditor'], privileges: ['write', 'approve'] },
      { resources: ['expense'], roles: ['senior'], privileges: ['approve'] },
      { resources: ['expense'], roles: ['intern'], privileges: ['write'] },
    ],
  };
  const AUDIT_XML = `<?xml version="1.0"?>
<config>
  <roleSet>
    <role><name>clerk</name></role>
    <role><name>auditor</name><inheritFrom>clerk</inheritFrom></role>
    <role><name>senior</name><inheritFrom>auditor</inheritFrom></role>
    <role><name>intern</name><inheritFrom>clerk</inheritFrom></role>
    <role><name>both</name><inheritFrom>intern</inheritFrom><inheritFrom>auditor</inheritFrom></role>
  </roleSet>
  <permissions>
    <permission><resources><resource>expense</resource></resources><roles><role>clerk</role></roles><privileges><privilege>read</privilege><privilege>write</privilege><privilege>approve</privilege></privileges></permission>
    <permission type="deny"><resources><resource>expense</resource></resources><roles><role>auditor</role></roles><privileges><privilege>write</privilege><privilege>approve</privilege></privileges></permission>
    <permission><resources><resource>expense</resource></resources><roles><role>senior</role></roles><privileges><privilege>approve</privilege></privileges></permission>
    <permission><resources><resource>expense</resource></resources><roles><role>intern</role></roles><privileges><privilege>write</privilege></privileges></permission>
  </permissions>
</config>`;
  const inCode = () =>
    new Acl()
      .role('clerk').role('auditor', ['clerk']).role('senior', ['auditor']).role('intern', ['clerk']).role('both', ['intern', 'auditor'])
      .allow('clerk', 'expense', ['read', 'write', 'approve'])
      .deny('auditor', 'expense', ['write', 'approve'])
      .allow('senior', 'expense', 'approve')
      .allow('intern', 'expense', 'write');

  for (const [how, make] of [['in code', inCode], ['from JSON', () => aclFromJson(AUDIT_JSON)], ['from XML', () => aclFromXml(AUDIT_XML)]] as const) {
    it(`${how}: the nearest rule decides, and deny beats allow at the same distance`, () => {
      const acl = make();
      const may = (role: string, privilege: string) => acl.check(role, 'expense', privilege);
      assert.equal(may('clerk', 'write'), true);
      assert.equal(may('auditor', 'read'), true, 'inherited, and not denied');
      assert.equal(may('auditor', 'write'), false, 'its own deny beats the inherited allow');
      assert.equal(may('senior', 'approve'), true, 'its own allow beats the inherited deny');
      assert.equal(may('senior', 'write'), false, 'the parent\'s deny beats the grandparent\'s allow');
      assert.equal(may('both', 'write'), false, 'two parents, one allows and one denies: deny wins');
      assert.equal(may('both', 'read'), true);
      assert.equal(acl.check('clerk', 'salary', 'read'), false, 'no rule: denied');
    });
  }

  it('on one role, deny wins whatever order the rules come in', () => {
    const acl = new Acl().role('r').deny('r', 'x', 'read').allow('r', 'x', 'read');
    assert.equal(acl.check('r', 'x', 'read'), false);
  });

  it('a permission type other than allow or deny is refused, naming where', () => {
    assert.throws(() => aclFromXml('<config><roleSet><role><name>a</name></role></roleSet><permissions><permission type="Deny"><resources><resource>x</resource></resources><roles><role>a</role></roles><privileges><privilege>p</privilege></privileges></permission></permissions></config>'), /line 1, <permission>: type must be "allow" or "deny", not "Deny"/);
    assert.throws(() => aclFromJson({ roles: { a: [] }, permissions: [{ type: 'forbid', resources: ['x'], roles: ['a'], privileges: ['p'] }] }), /permissions\.0\.type/);
  });
});

describe('large access lists', () => {
  it('are built in time linear in their roles (n against 8n, in one run)', async () => {
    const { assertLinear } = await import('../linear-growth.js');
    // Flat and wide: every role inherits from the one before it in a chain of at most 10, in any order.
    const json = (count: number) => ({
      roles: Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${count - 1 - i}`, (count - 1 - i) % 10 === 0 ? [] : [`r${count - 2 - i}`]])),
      permissions: [{ resources: ['x'], roles: ['r0'], privileges: ['read'] }],
    });
    // Small enough to stay in V8's young generation (at 10k-20k roles a collection regime doubles the cost
    // for memory alone); the quadratic build of before grows ~60x here.
    const lists = [json(500), json(4_000)];
    await assertLinear('roles', (scale) => aclFromJson(scale === 1 ? lists[0] : lists[1]));
  });

  it(`a chain of inheritance deeper than ${MAX_INHERITANCE_DEPTH} is refused when the list is loaded, never at a request`, () => {
    const deep = { roles: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`r${i}`, i === 0 ? [] : [`r${i - 1}`]])) };
    assert.throws(() => aclFromJson(deep), new RegExp(`roles\\.r${MAX_INHERITANCE_DEPTH + 1}: role "r${MAX_INHERITANCE_DEPTH + 1}" inherits through ${MAX_INHERITANCE_DEPTH + 1} generations of roles; at most ${MAX_INHERITANCE_DEPTH}`));
    const chain = new Acl().role('r0');
    for (let i = 1; i <= MAX_INHERITANCE_DEPTH; i++) chain.role(`r${i}`, [`r${i - 1}`]);
    chain.allow('r0', 'x', 'read');
    assert.equal(chain.check(`r${MAX_INHERITANCE_DEPTH}`, 'x', 'read'), true);
    assert.throws(() => chain.role('one-more', [`r${MAX_INHERITANCE_DEPTH}`]), AccessError);
  });
});
