// An access list from a file: JSON, or the original design's XML (`<roleSet>`, `<inheritFrom>`,
// `<permissions>`, and `<permission type="deny">` for a denial), read with @xmldom/xmldom, which keeps each element's line. Both are read into the same
// entries, then built: roles in any order (parents first, cycles refused), then permissions. Every mistake
// is an AccessError naming the file and the line (XML) or the key (JSON).
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import * as z from 'zod';
import { Acl, type RuleType } from './acl.js';
import { AccessError } from '../common/errors.js';

/** One role or permission as a file states it, with where it stands (for messages). */
interface RoleEntry {
  name: string;
  parents: string[];
  at: string;
}
interface PermissionEntry {
  /** A permission gives the privileges (allow, the default) or takes them away (deny). */
  type: RuleType;
  resources: string[];
  roles: string[];
  privileges: string[];
  at: string;
}
interface AclEntries {
  roles: RoleEntry[];
  permissions: PermissionEntry[];
}

/** Builds the list: each role after its parents, whatever order the file has, in time linear in its size. */
function buildAcl(entries: AclEntries, source: string): Acl {
  const acl = new Acl();
  const byName = new Map<string, RoleEntry>();
  for (const role of entries.roles) {
    if (byName.has(role.name)) throw new AccessError(`${source}: ${role.at}: role "${role.name}" is defined twice`);
    byName.set(role.name, role);
  }
  // Depth first, on a stack of its own: a chain of thousands of roles must be refused (too deep), not
  // overflow the call stack.
  const state = new Map<string, 'defining' | 'defined'>();
  for (const start of entries.roles) {
    if (state.has(start.name)) continue;
    state.set(start.name, 'defining');
    const stack = [{ role: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { role: RoleEntry; next: number };
      const parent = top.role.parents[top.next++];
      if (parent === undefined) {
        try {
          acl.role(top.role.name, top.role.parents);
        } catch (err) {
          throw new AccessError(`${source}: ${top.role.at}: ${(err as Error).message}`);
        }
        state.set(top.role.name, 'defined');
        stack.pop();
        continue;
      }
      const entry = byName.get(parent);
      if (!entry) throw new AccessError(`${source}: ${top.role.at}: role "${top.role.name}" inherits from "${parent}", which is not defined`);
      if (state.get(parent) === 'defined') continue;
      if (state.get(parent) === 'defining') {
        const cycle = [...stack.slice(stack.findIndex((s) => s.role.name === parent)).map((s) => s.role.name), parent].join(' -> ');
        throw new AccessError(`${source}: ${entry.at}: roles inherit from each other in a cycle: ${cycle}`);
      }
      state.set(parent, 'defining');
      stack.push({ role: entry, next: 0 });
    }
  }
  for (const permission of entries.permissions) {
    const unknown = permission.roles.find((r) => !byName.has(r));
    if (unknown !== undefined) throw new AccessError(`${source}: ${permission.at}: the permission names role "${unknown}", which is not defined`);
    if (permission.type === 'deny') acl.deny(permission.roles, permission.resources, permission.privileges);
    else acl.allow(permission.roles, permission.resources, permission.privileges);
  }
  return acl;
}

const names = z.array(z.string().trim().min(1, 'an empty name'));
/** The JSON shape: the XML's, as data. */
const aclJson = z.strictObject({
  /** role -> the roles it inherits from */
  roles: z.record(z.string().min(1), names),
  permissions: z.array(z.strictObject({ type: z.enum(['allow', 'deny']).default('allow'), resources: names.min(1), roles: names.min(1), privileges: names.min(1) })).default([]),
});

/**
 * An access list from JSON data.
 * @example aclFromJson({ roles: { employee: [], auditor: ['employee'] }, permissions: [{ resources: ['time_card'], roles: ['employee'], privileges: ['read', 'write'] }, { type: 'deny', resources: ['time_card'], roles: ['auditor'], privileges: ['write'] }] })
 */
export function aclFromJson(data: unknown, source = 'the access list'): Acl {
  const parsed = aclJson.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AccessError(`${source}: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return buildAcl(
    {
      roles: Object.entries(parsed.data.roles).map(([name, parents]) => ({ name, parents, at: `roles.${name}` })),
      permissions: parsed.data.permissions.map((p, i) => ({ ...p, at: `permissions.${i}` })),
    },
    source,
  );
}

const where = (el: Element) => `line ${el.lineNumber ?? '?'}, <${el.tagName}>`;
const children = (el: Element, tag: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === tag);

/** The text of each `<tag>` inside `el`, each checked not to be empty. */
function texts(el: Element, tag: string, source: string): string[] {
  return Array.from(el.getElementsByTagName(tag)).map((t) => {
    const text = (t.textContent ?? '').trim();
    if (!text) throw new AccessError(`${source}: ${where(t)} is empty`);
    return text;
  });
}

/**
 * An access list from the original design's XML.
 * @example aclFromXml('<config><roleSet><role><name>employee</name></role></roleSet></config>')
 */
export function aclFromXml(xml: string, source = 'the access list'): Acl {
  // xmldom reports each problem to onError (with where the parser stood), then throws on a fatal one.
  let problem: string | null = null;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      const line = (context as { locator?: { lineNumber?: number } } | undefined)?.locator?.lineNumber;
      if (level !== 'warning') problem ??= `${line ? `line ${line}: ` : ''}not well-formed XML: ${message}`;
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch {
    // the problem was reported above
  }
  if (problem) throw new AccessError(`${source}: ${problem}`);
  if (!root || root.tagName !== 'config') throw new AccessError(`${source}: the root element must be <config>${root ? `, not <${root.tagName}>` : ''}`);
  const entries: AclEntries = { roles: [], permissions: [] };
  for (const roleSet of children(root, 'roleSet')) {
    for (const role of children(roleSet, 'role')) {
      const [name, ...more] = texts(role, 'name', source);
      if (name === undefined || more.length) throw new AccessError(`${source}: ${where(role)} must have one <name>`);
      entries.roles.push({ name, parents: texts(role, 'inheritFrom', source), at: where(role) });
    }
  }
  for (const permissions of children(root, 'permissions')) {
    for (const permission of children(permissions, 'permission')) {
      const type = permission.getAttribute('type') || 'allow';
      if (type !== 'allow' && type !== 'deny') throw new AccessError(`${source}: ${where(permission)}: type must be "allow" or "deny", not ${JSON.stringify(type)}`);
      const entry = { type: type as RuleType, resources: texts(permission, 'resource', source), roles: texts(permission, 'role', source), privileges: texts(permission, 'privilege', source), at: where(permission) };
      for (const key of ['resources', 'roles', 'privileges'] as const) {
        if (entry[key].length === 0) throw new AccessError(`${source}: ${where(permission)} names no ${key}`);
      }
      entries.permissions.push(entry);
    }
  }
  return buildAcl(entries, source);
}

/**
 * Loads an access list from a `.json` or `.xml` file, at start-up: a bad file throws AccessError naming
 * the file and the line or key.
 * @example const acl = loadAcl('config/acl.xml');
 * @public
 */
export function loadAcl(file: string): Acl {
  const text = fs.readFileSync(file, 'utf8');
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xml') return aclFromXml(text, file);
  if (extension !== '.json') throw new AccessError(`${file}: an access list is a .json or .xml file`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Node 20 says where as "at position N": say the line, as for XML.
    const at = /at position (\d+)/.exec((err as Error).message)?.[1];
    const line = at === undefined ? '' : `line ${text.slice(0, Number(at)).split('\n').length}: `;
    throw new AccessError(`${file}: ${line}not JSON: ${(err as Error).message}`);
  }
  return aclFromJson(data, file);
}
