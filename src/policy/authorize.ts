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
import { lowerName } from './names.js';
import type { RequestPrincipal } from './principal.js';
import { GRANT_REACH, scanPolicy, type PolicyScan, type StatementRequest } from './statement.js';

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
  /** The session's policies (inline and managed); undefined when the session has none. */
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

/** The first Deny and first Allow among a group of policies. */
type GroupScan = PolicyScan;

/** What a group of policies said when none of them applied: shared, never written. */
const SILENT: GroupScan = Object.freeze({ deny: undefined, allow: undefined, allowMatch: undefined }) as GroupScan;

function scanGroup(policies: readonly CompiledPolicy[] | undefined, request: StatementRequest): GroupScan {
  if (policies === undefined) return SILENT;
  let group: GroupScan | undefined;
  for (let i = 0; i < policies.length; i++) {
    group = scanPolicy(policies[i] as CompiledPolicy, request, group);
    if (group?.deny !== undefined) return group;
  }
  return group ?? SILENT;
}

function scanOne(policy: CompiledPolicy | undefined, request: StatementRequest): GroupScan {
  return policy === undefined ? SILENT : (scanPolicy(policy, request, undefined) ?? SILENT);
}

function scanLevels(levels: readonly (readonly CompiledPolicy[])[] | undefined, request: StatementRequest): GroupScan[] | undefined {
  if (levels === undefined || levels.length === 0) return undefined;
  return levels.map((level) => scanGroup(level, request));
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

export function authorize(request: AuthorizationRequest, policies: PolicySet): Decision {
  const scanRequest: StatementRequest = {
    principal: request.principal,
    action: lowerName(request.action),
    resource: request.resource,
    context: request.context,
    hasBoundary: policies.boundary !== undefined,
  };

  const rcp = scanLevels(policies.rcp, scanRequest);
  const scp = scanLevels(policies.scp, scanRequest);
  const resource = scanOne(policies.resource, scanRequest);
  const identity = scanGroup(policies.identity, scanRequest);
  const boundary = scanOne(policies.boundary, scanRequest);
  const session = scanGroup(policies.session, scanRequest);

  // 1. An explicit deny anywhere.
  for (const level of rcp ?? []) if (level.deny !== undefined) return explicitDeny(level.deny);
  for (const level of scp ?? []) if (level.deny !== undefined) return explicitDeny(level.deny);
  for (const group of [resource, identity, boundary, session]) if (group.deny !== undefined) return explicitDeny(group.deny);

  // 2. Organization policies: every level must allow.
  for (const level of rcp ?? []) if (level.allow === undefined) return implicitDeny('rcp');
  for (const level of scp ?? []) if (level.allow === undefined) return implicitDeny('scp');

  // 3. The resource policy, and how far its Allow reaches in this account.
  const principal = request.principal;
  const sameAccount = request.resourceAccount === undefined || request.resourceAccount === principal.accountId;
  const resourceAllows = resource.allow !== undefined;
  if (policies.resourceMustAllow === true && !resourceAllows) return implicitDeny('resource');
  if (!HAS_IDENTITY_POLICIES.has(principal.type)) {
    // Services, web-identity and SAML callers have no policies of their own.
    return resourceAllows ? allowedBy(rcp, scp, resource, SILENT, SILENT, SILENT) : implicitDeny('resource');
  }
  if (!sameAccount && !resourceAllows) return implicitDeny('resource');
  const reach = sameAccount && resource.allowMatch !== undefined ? GRANT_REACH[resource.allowMatch] : 0;
  if (reach >= 3) return allowedBy(rcp, scp, resource, SILENT, SILENT, SILENT);

  // 4. Identity policies (the root user needs none in its own account).
  const identityAllows = principal.type === 'Account' || identity.allow !== undefined || (resourceAllows && reach >= 1);
  if (!identityAllows) return implicitDeny('identity');

  // 5. Permissions boundary.
  const boundaryApplies = policies.boundary !== undefined && reach < 2;
  if (boundaryApplies && boundary.allow === undefined) return implicitDeny('boundary');

  // 6. Session policies: a role session without one keeps its role's permissions; a
  // federated-user session without one has none.
  let sessionApplies = false;
  if (IS_SESSION.has(principal.type)) {
    if (policies.session !== undefined && policies.session.length > 0) {
      if (session.allow === undefined) return implicitDeny('session');
      sessionApplies = true;
    } else if (principal.type === 'FederatedUser') {
      return implicitDeny('session');
    }
  }
  return allowedBy(rcp, scp, resource, identity, boundaryApplies ? boundary : SILENT, sessionApplies ? session : SILENT);
}

/** An Allow, with the first allowing statement of each policy type that took part. */
function allowedBy(
  rcp: readonly GroupScan[] | undefined,
  scp: readonly GroupScan[] | undefined,
  ...groups: readonly GroupScan[]
): Decision {
  const statements: MatchedStatement[] = [];
  for (const level of rcp ?? []) if (level.allow !== undefined) statements.push(level.allow);
  for (const level of scp ?? []) if (level.allow !== undefined) statements.push(level.allow);
  for (const group of groups) if (group.allow !== undefined) statements.push(group.allow);
  return { effect: 'Allow', deniedBy: undefined, statements };
}
