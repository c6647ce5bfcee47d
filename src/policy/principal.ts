/**
 * Who is asking, and the Principal / NotPrincipal elements that name them.
 *
 * An AWS principal is known by several names at once: a role session by its session
 * ARN, by its role's ARN or unique id, and by its account. A policy may name any of
 * them, and which one it named matters (a same-account resource policy that names the
 * session itself is enough on its own; one that names the account defers to the
 * identity policies). So a principal carries its names grouped by level, most specific
 * first, computed once per request; matching is a handful of Set lookups.
 */

export type PrincipalType =
  | 'Account' // the account's root user
  | 'User'
  | 'AssumedRole'
  | 'FederatedUser'
  | 'Service'
  | 'WebIdentity'
  | 'SAML'
  | 'Anonymous';

/** How a Principal element matched: what it named. */
export type PrincipalMatch = 'session' | 'user' | 'role' | 'account' | 'wildcard' | 'service' | 'federated';

export interface PrincipalInit {
  readonly type: PrincipalType;
  /**
   * Root, user, assumed-role session or federated-user ARN; the service name for a
   * service (`ec2.amazonaws.com`); the identity provider (an OIDC/SAML provider ARN or a
   * name such as `accounts.google.com`) for web identity and SAML callers.
   */
  readonly arn: string;
  readonly accountId?: string | undefined;
  /** The user's `AIDA…` id, or for a role session the role's `AROA…` id. */
  readonly uniqueId?: string | undefined;
  /** For a role session: the role's ARN (with its path). */
  readonly roleArn?: string | undefined;
}

interface Level {
  readonly match: PrincipalMatch;
  readonly names: readonly string[];
}

export interface RequestPrincipal extends PrincipalInit {
  /** AWS-principal names by level, most specific first. */
  readonly levels: readonly Level[];
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function requestPrincipal(init: PrincipalInit): RequestPrincipal {
  const levels: Level[] = [];
  const account = init.accountId;
  const add = (match: PrincipalMatch, ...names: (string | undefined)[]): void => {
    const present = names.filter((n): n is string => n !== undefined && n !== '');
    if (present.length > 0) levels.push({ match, names: present });
  };
  switch (init.type) {
    case 'User':
      add('user', init.arn, init.uniqueId);
      break;
    case 'AssumedRole':
      add('session', init.arn);
      add('role', init.roleArn, init.uniqueId);
      break;
    case 'FederatedUser':
      add('session', init.arn);
      break;
    case 'Account':
    case 'Service':
    case 'WebIdentity':
    case 'SAML':
    case 'Anonymous':
      break;
  }
  const hasAccountLevel = init.type === 'Account' || init.type === 'User' || init.type === 'AssumedRole' || init.type === 'FederatedUser';
  if (hasAccountLevel && account !== undefined) add('account', rootArn(account));
  return Object.freeze({ ...init, levels: Object.freeze(levels) });
}

/** A compiled Principal or NotPrincipal element. */
export interface PrincipalSet {
  readonly wildcard: boolean;
  readonly aws: ReadonlySet<string>;
  readonly service: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  readonly canonicalUser: ReadonlySet<string>;
}

export interface PrincipalSpec {
  readonly wildcard: boolean;
  readonly AWS?: readonly string[];
  readonly Service?: readonly string[];
  readonly Federated?: readonly string[];
  readonly CanonicalUser?: readonly string[];
}

const ACCOUNT_ID = /^[0-9]{12}$/;

export function compilePrincipalSet(spec: PrincipalSpec): PrincipalSet {
  const aws = (spec.AWS ?? []).map((name) => (ACCOUNT_ID.test(name) ? rootArn(name) : name));
  return {
    wildcard: spec.wildcard || aws.includes('*'),
    aws: new Set(aws),
    service: new Set(spec.Service ?? []),
    federated: new Set(spec.Federated ?? []),
    canonicalUser: new Set(spec.CanonicalUser ?? []),
  };
}

/** What a Principal element named of this principal, most specific first; undefined if nothing. */
export function matchPrincipal(set: PrincipalSet, principal: RequestPrincipal): PrincipalMatch | undefined {
  for (const level of principal.levels) {
    for (const name of level.names) if (set.aws.has(name)) return level.match;
  }
  if (principal.type === 'Service' && set.service.has(principal.arn)) return 'service';
  if ((principal.type === 'WebIdentity' || principal.type === 'SAML') && set.federated.has(principal.arn)) return 'federated';
  if (set.wildcard) return 'wildcard';
  return undefined;
}

/**
 * NotPrincipal applies unless the element names the principal at every level: AWS
 * evaluates the session, its role and its account each on its own, so excluding a
 * session from a Deny takes its ARN, its role's ARN and its account together.
 */
export function notPrincipalApplies(set: PrincipalSet, principal: RequestPrincipal): boolean {
  if (set.wildcard) return false;
  switch (principal.type) {
    case 'Service':
      return !set.service.has(principal.arn);
    case 'WebIdentity':
    case 'SAML':
      return !set.federated.has(principal.arn);
    case 'Anonymous':
      return true;
    default:
      if (principal.levels.length === 0) return true;
      return principal.levels.some((level) => !level.names.some((name) => set.aws.has(name)));
  }
}
