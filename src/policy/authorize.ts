/**
 * The AWS policy evaluation logic: one pure function from a request and the policies
 * that bear on it to a decision with its reasons.
 *
 * Order, from the IAM User Guide ("Policy evaluation logic" and "Cross-account policy
 * evaluation logic"): an explicit Deny in any policy wins; then every level of RCPs (the
 * resource's account) and of SCPs (the principal's account) must allow; then the
 * resource policy, identity policies, permissions boundary and session policy. In one
 * account a resource-policy Allow may stand on its own, as far as what it named reaches
 * (see GRANT_REACH); across accounts both sides must allow. A role's trust policy must
 * allow the caller in every case.
 */
import type { CompiledPolicy, MatchedStatement, PolicyType } from './compile.js';
import type { RequestContext } from './context.js';
import type { RequestPrincipal } from './principal.js';
import { firstDeny, GRANT_REACH, NO_ALLOW, scanAllows, statementRequest, type AllowScan, type StatementRequest } from './statement.js';

export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource; the principal's own when absent. */
  readonly resourceAccount?: string | undefined;
  readonly context: RequestContext;
}

export interface PolicySet {
  /** The principal's identity policies (a user's own and its groups', or a role's). */
  readonly identity?: readonly CompiledPolicy[] | undefined;
  /** The resource's policy; for AssumeRole, the role's trust policy. */
  readonly resource?: CompiledPolicy | undefined;
  /** Set for role trust policies (and KMS key policies): the resource policy must allow. */
  readonly resourceMustAllow?: boolean | undefined;
  readonly boundary?: CompiledPolicy | undefined;
  /** The session's policies (inline and managed); undefined when the session has none. An empty list (policies given, none left) allows nothing. */
  readonly session?: readonly CompiledPolicy[] | undefined;
  /** SCPs of the principal's account, one list per level from the root down; each must allow. */
  readonly scp?: readonly (readonly CompiledPolicy[])[] | undefined;
  /** RCPs of the resource's account, one list per level. */
  readonly rcp?: readonly (readonly CompiledPolicy[])[] | undefined;
}

export type DecisionEffect = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface Decision {
  readonly effect: DecisionEffect;
  /** For a deny: the policy type that denied, or that lacked an Allow. */
  readonly deniedBy: PolicyType | undefined;
  /** The statements that decided: the Deny, or the Allows that together allowed. */
  readonly statements: readonly MatchedStatement[];
}

/** The first applicable Deny among some policies, in order. */
function denyIn(policies: readonly CompiledPolicy[] | undefined, request: StatementRequest): MatchedStatement | undefined {
  if (policies === undefined) return undefined;
  for (let i = 0; i < policies.length; i++) {
    const deny = firstDeny(policies[i] as CompiledPolicy, request);
    if (deny !== undefined) return deny;
  }
  return undefined;
}

function denyInLevels(levels: readonly (readonly CompiledPolicy[])[] | undefined, request: StatementRequest): MatchedStatement | undefined {
  if (levels === undefined) return undefined;
  for (let i = 0; i < levels.length; i++) {
    const deny = denyIn(levels[i], request);
    if (deny !== undefined) return deny;
  }
  return undefined;
}

const allowsIn = (policies: readonly CompiledPolicy[] | undefined, request: StatementRequest): AllowScan =>
  policies === undefined ? NO_ALLOW : scanAllows(policies, request);

const allowsOf = (policy: CompiledPolicy | undefined, request: StatementRequest): AllowScan =>
  policy === undefined ? NO_ALLOW : scanAllows([policy], request);

/** Each level's Allows, or undefined as soon as one level has none. */
function allowsOfLevels(levels: readonly (readonly CompiledPolicy[])[], request: StatementRequest): AllowScan[] | undefined {
  const scans: AllowScan[] = [];
  for (let i = 0; i < levels.length; i++) {
    const scan = scanAllows(levels[i] as readonly CompiledPolicy[], request);
    if (scan.allow === undefined) return undefined;
    scans.push(scan);
  }
  return scans;
}

const HAS_IDENTITY_POLICIES: ReadonlySet<string> = new Set(['Account', 'User', 'AssumedRole', 'FederatedUser']);
const IS_SESSION: ReadonlySet<string> = new Set(['AssumedRole', 'FederatedUser']);

const explicitDeny = (match: MatchedStatement): Decision => ({ effect: 'ExplicitDeny', deniedBy: match.policy.type, statements: [match] });
/** An implicit deny says only which policy type lacked an Allow: one shared value per type. */
const IMPLICIT_DENY: Readonly<Record<PolicyType, Decision>> = Object.freeze(
  Object.fromEntries(
    (['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'] as const).map((type) => [
      type,
      Object.freeze({ effect: 'ImplicitDeny', deniedBy: type, statements: Object.freeze([]) }),
    ]),
  ) as unknown as Record<PolicyType, Decision>,
);
const implicitDeny = (type: PolicyType): Decision => IMPLICIT_DENY[type];

/**
 * Denies are looked for first, in every policy (an explicit Deny decides whatever else
 * applies, and AWS names it); Allows only where the decision still depends on them, in
 * the order the evaluation logic asks, so a request that one policy type fails to allow
 * is not matched against the Allows of the types after it.
 */
export function authorize(request: AuthorizationRequest, policies: PolicySet): Decision {
  const scanRequest = statementRequest(request, policies);

  // 1. An explicit deny anywhere.
  const deny =
    denyInLevels(policies.rcp, scanRequest) ??
    denyInLevels(policies.scp, scanRequest) ??
    (policies.resource === undefined ? undefined : firstDeny(policies.resource, scanRequest)) ??
    denyIn(policies.identity, scanRequest) ??
    (policies.boundary === undefined ? undefined : firstDeny(policies.boundary, scanRequest)) ??
    denyIn(policies.session, scanRequest);
  if (deny !== undefined) return explicitDeny(deny);

  // 2. Organization policies: every level must allow.
  const rcp = policies.rcp === undefined ? [] : allowsOfLevels(policies.rcp, scanRequest);
  if (rcp === undefined) return implicitDeny('rcp');
  const scp = policies.scp === undefined ? [] : allowsOfLevels(policies.scp, scanRequest);
  if (scp === undefined) return implicitDeny('scp');

  // 3. The resource policy, and how far its Allow reaches in this account.
  const principal = request.principal;
  const sameAccount = request.resourceAccount === undefined || request.resourceAccount === principal.accountId;
  const resource = allowsOf(policies.resource, scanRequest);
  const resourceAllows = resource.allow !== undefined;
  if (policies.resourceMustAllow === true && !resourceAllows) return implicitDeny('resource');
  if (!HAS_IDENTITY_POLICIES.has(principal.type)) {
    // Services, web-identity and SAML callers have no policies of their own.
    return resourceAllows ? allowedBy(rcp, scp, resource, NO_ALLOW, NO_ALLOW, NO_ALLOW) : implicitDeny('resource');
  }
  if (!sameAccount && !resourceAllows) return implicitDeny('resource');
  const reach = sameAccount && resource.allowMatch !== undefined ? GRANT_REACH[resource.allowMatch] : 0;
  if (reach >= 3) return allowedBy(rcp, scp, resource, NO_ALLOW, NO_ALLOW, NO_ALLOW);

  // 4. Identity policies (the root user needs none in its own account).
  const identity = allowsIn(policies.identity, scanRequest);
  const identityAllows = principal.type === 'Account' || identity.allow !== undefined || (resourceAllows && reach >= 1);
  if (!identityAllows) return implicitDeny('identity');

  // 5. Permissions boundary.
  const boundaryApplies = policies.boundary !== undefined && reach < 2;
  const boundary = boundaryApplies ? allowsOf(policies.boundary, scanRequest) : NO_ALLOW;
  if (boundaryApplies && boundary.allow === undefined) return implicitDeny('boundary');

  // 6. Session policies: a role session without one keeps its role's permissions; a
  // federated-user session without one has none. A session that was given session
  // policies must find its Allow among them, even when none is left (an empty list: a
  // managed session policy deleted since) — never fall back to the role's permissions.
  let session = NO_ALLOW;
  if (IS_SESSION.has(principal.type)) {
    if (policies.session !== undefined) {
      session = allowsIn(policies.session, scanRequest);
      if (session.allow === undefined) return implicitDeny('session');
    } else if (principal.type === 'FederatedUser') {
      return implicitDeny('session');
    }
  }
  return allowedBy(rcp, scp, resource, identity, boundary, session);
}

/** An Allow, with the first allowing statement of each policy type that took part. */
function allowedBy(
  rcp: readonly AllowScan[],
  scp: readonly AllowScan[],
  resource: AllowScan,
  identity: AllowScan,
  boundary: AllowScan,
  session: AllowScan,
): Decision {
  const statements: MatchedStatement[] = [];
  for (const level of rcp) if (level.allow !== undefined) statements.push(level.allow);
  for (const level of scp) if (level.allow !== undefined) statements.push(level.allow);
  if (resource.allow !== undefined) statements.push(resource.allow);
  if (identity.allow !== undefined) statements.push(identity.allow);
  if (boundary.allow !== undefined) statements.push(boundary.allow);
  if (session.allow !== undefined) statements.push(session.allow);
  return { effect: 'Allow', deniedBy: undefined, statements };
}
