// The access-control list of the original design (2009's "Role based security"): roles that inherit from
// one or more parents, and permissions that give (allow) or take away (deny) privileges on resources.
// `check` answers one question: may this role do this to that?
import { AccessError } from '../common/errors.js';

/**
 * What a role needs, to see or change something: a privilege on a resource.
 * @public
 */
export interface Grant {
  resource: string;
  privilege: string;
}

/**
 * Per field (or per form, as the default of its fields): the grant that lets a role see it, and the one that lets it change it.
 * @public
 */
export interface FieldAccess {
  see?: Grant;
  change?: Grant;
}

/**
 * A form's access rules: the list to check, and the default of every field.
 * @public
 */
export interface FormAccess extends FieldAccess {
  acl: Acl;
}

/**
 * Whether a rule gives a privilege or takes it away.
 * @public
 */
export type RuleType = 'allow' | 'deny';

interface Role {
  parents: readonly string[];
  /** How many generations of parents it has (0: none): bounded, so that no check runs deep. */
  depth: number;
  /** `resource privilege` -> the role's own rule (not inherited); deny wins over allow on one role. */
  own: Map<string, RuleType>;
}

/**
 * The longest chain of inheritance a list may have: deeper is refused when the role is defined.
 * @example acl.role('r65', ['r64']); // AccessError when r64 already has 64 generations of parents
 * @public
 */
export const MAX_INHERITANCE_DEPTH = 64;

const list = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);
const ruleKey = (resource: string, privilege: string) => `${resource}\u0000${privilege}`;

/**
 * Roles with inheritance, resources and privileges, with allow and deny rules as Zend_Acl has them: the
 * nearest rule decides (a rule on the role itself beats an inherited one, a parent's beats a grandparent's),
 * and at the same distance deny beats allow. No rule at all: denied. A role is defined after its parents,
 * so the inheritance can have no cycle; files may list roles in any order (see acl-files.ts).
 * @example
 * const acl = new Acl()
 *   .role('employee').role('manager', ['employee']).role('auditor', ['manager'])
 *   .allow('employee', 'time_card', ['read', 'write'])
 *   .allow('manager', 'time_card', 'approve')
 *   .deny('auditor', 'time_card', ['write', 'approve']);
 * acl.check('manager', 'time_card', 'write'); // true: inherited from employee
 * acl.check('auditor', 'time_card', 'write'); // false: its own deny beats the inherited allow
 * @public
 */
export class Acl {
  readonly #roles = new Map<string, Role>();

  /** Defines a role, with the roles it inherits from (defined before it). */
  role(name: string, parents: readonly string[] = []): this {
    if (!name) throw new AccessError('a role needs a name');
    if (this.#roles.has(name)) throw new AccessError(`role "${name}" is defined twice`);
    let depth = 0;
    for (const parent of parents) {
      const known = this.#roles.get(parent);
      if (!known) throw new AccessError(`role "${name}" inherits from "${parent}", which is not defined (define a role after its parents)`);
      depth = Math.max(depth, known.depth + 1);
    }
    if (depth > MAX_INHERITANCE_DEPTH) throw new AccessError(`role "${name}" inherits through ${depth} generations of roles; at most ${MAX_INHERITANCE_DEPTH} are allowed`);
    this.#roles.set(name, { parents: [...new Set(parents)], depth, own: new Map() });
    return this;
  }

  /** Gives each role each privilege on each resource. */
  allow(roles: string | readonly string[], resources: string | readonly string[], privileges: string | readonly string[]): this {
    return this.#rule('allow', roles, resources, privileges);
  }

  /** Takes each privilege on each resource from each role, and from the roles that inherit from it. */
  deny(roles: string | readonly string[], resources: string | readonly string[], privileges: string | readonly string[]): this {
    return this.#rule('deny', roles, resources, privileges);
  }

  /**
   * Whether the role may: the rule nearest to it decides, deny beating allow at the same distance. Looks
   * at each ancestor once, nearest first. Throws AccessError for an unknown role.
   */
  check(role: string, resource: string, privilege: string): boolean {
    const key = ruleKey(resource, privilege);
    const seen = new Set([role]);
    let generation = [role];
    while (generation.length > 0) {
      let allowed = false;
      for (const name of generation) {
        const rule = this.#role(name).own.get(key);
        if (rule === 'deny') return false;
        allowed ||= rule === 'allow';
      }
      if (allowed) return true;
      const parents: string[] = [];
      for (const name of generation) {
        for (const parent of this.#role(name).parents) {
          if (!seen.has(parent)) {
            seen.add(parent);
            parents.push(parent);
          }
        }
      }
      generation = parents;
    }
    return false;
  }

  /** Whether any of the roles may (a user may have several; each is checked with its own rules). */
  allows(roles: readonly string[], grant: Grant): boolean {
    let allowed = false;
    // Every role is checked, so that an unknown one is an error even when another one is allowed.
    for (const role of roles) allowed = this.check(role, grant.resource, grant.privilege) || allowed;
    return allowed;
  }

  /** Whether any role has a rule on the grant (to catch a misspelt resource or privilege in a definition). */
  grants(grant: Grant): boolean {
    const key = ruleKey(grant.resource, grant.privilege);
    for (const role of this.#roles.values()) if (role.own.get(key) === 'allow') return true;
    return false;
  }

  /** Whether the role is defined. */
  has(role: string): boolean {
    return this.#roles.has(role);
  }

  /** The defined roles, in the order they were defined. */
  get roles(): string[] {
    return [...this.#roles.keys()];
  }

  #rule(type: RuleType, roles: string | readonly string[], resources: string | readonly string[], privileges: string | readonly string[]): this {
    for (const name of list(roles)) {
      const role = this.#role(name);
      for (const resource of list(resources)) {
        for (const privilege of list(privileges)) {
          const key = ruleKey(resource, privilege);
          // On one role, deny wins whatever the order the rules came in.
          if (role.own.get(key) !== 'deny') role.own.set(key, type);
        }
      }
    }
    return this;
  }

  #role(name: string): Role {
    const role = this.#roles.get(name);
    if (!role) throw new AccessError(`unknown role ${JSON.stringify(name)} (the access list has ${this.roles.join(', ') || 'no roles'})`);
    return role;
  }
}
