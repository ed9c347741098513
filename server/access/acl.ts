// The access-control list of the original design (2009's "Role based security"): roles that inherit from
// one or more parents, and permissions that give roles privileges on resources. `check` answers one
// question: may this role do this to that?

/** A role that the list does not know, or a list that cannot be built; names what is wrong. */
export class AccessError extends Error {
  override name = 'AccessError';
}

/** What a role needs, to see or change something: a privilege on a resource. */
export interface Grant {
  resource: string;
  privilege: string;
}

interface Role {
  parents: readonly string[];
  /** resource -> privileges given to this role itself (not inherited). */
  own: Map<string, Set<string>>;
}

const list = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);

/**
 * Roles with inheritance, resources and privileges. A role is defined after its parents, so the
 * inheritance can have no cycle; files may list roles in any order (see acl-files.ts).
 * @example
 * const acl = new Acl()
 *   .role('employee').role('manager', ['employee'])
 *   .allow('employee', 'time_card', ['read', 'write'])
 *   .allow('manager', 'time_card', 'approve');
 * acl.check('manager', 'time_card', 'write'); // true: inherited from employee
 */
export class Acl {
  readonly #roles = new Map<string, Role>();

  /** Defines a role, with the roles it inherits from (defined before it). */
  role(name: string, parents: readonly string[] = []): this {
    if (!name) throw new AccessError('a role needs a name');
    if (this.#roles.has(name)) throw new AccessError(`role "${name}" is defined twice`);
    for (const parent of parents) {
      if (!this.#roles.has(parent)) throw new AccessError(`role "${name}" inherits from "${parent}", which is not defined (define a role after its parents)`);
    }
    this.#roles.set(name, { parents: [...new Set(parents)], own: new Map() });
    return this;
  }

  /** Gives each role each privilege on each resource. */
  allow(roles: string | readonly string[], resources: string | readonly string[], privileges: string | readonly string[]): this {
    for (const name of list(roles)) {
      const role = this.#role(name);
      for (const resource of list(resources)) {
        const own = role.own.get(resource) ?? new Set<string>();
        for (const privilege of list(privileges)) own.add(privilege);
        role.own.set(resource, own);
      }
    }
    return this;
  }

  /** Whether the role, or a role it inherits from, has the privilege on the resource. Throws AccessError for an unknown role. */
  check(role: string, resource: string, privilege: string): boolean {
    const seen = new Set<string>();
    const has = (name: string): boolean => {
      if (seen.has(name)) return false;
      seen.add(name);
      const r = this.#role(name);
      return r.own.get(resource)?.has(privilege) === true || r.parents.some(has);
    };
    return has(role);
  }

  /** Whether any of the roles may (a user may have several). */
  allows(roles: readonly string[], grant: Grant): boolean {
    let allowed = false;
    // Every role is checked, so that an unknown one is an error even when another one is allowed.
    for (const role of roles) allowed = this.check(role, grant.resource, grant.privilege) || allowed;
    return allowed;
  }

  /** Whether any role at all has the grant (to catch a misspelt resource or privilege in a definition). */
  grants(grant: Grant): boolean {
    return [...this.#roles.values()].some((r) => r.own.get(grant.resource)?.has(grant.privilege));
  }

  /** The defined roles, in the order they were defined. */
  get roles(): string[] {
    return [...this.#roles.keys()];
  }

  #role(name: string): Role {
    const role = this.#roles.get(name);
    if (!role) throw new AccessError(`unknown role ${JSON.stringify(name)} (the access list has ${this.roles.join(', ') || 'no roles'})`);
    return role;
  }
}
