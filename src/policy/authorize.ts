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
import type { CompiledPolicy, CompiledStatement, PolicySource, PolicyType } from './compile.js';
import type { RequestContext } from './context.js';
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

export interface MatchedStatement {
  readonly policy: PolicySource;
  readonly statement: CompiledStatement;
}

export interface Decision {
  readonly effect: DecisionEffect;
  /** For a deny: the policy type that denied, or that lacked an Allow. */
  readonly deniedBy: PolicyType | undefined;
  /** The statements that decided: the Deny, or the Allows that together allowed. */
  readonly statements: readonly MatchedStatement[];
}

/** The first Deny and first Allow among a group of policies. */
interface GroupScan {
  deny: MatchedStatement | undefined;
  allow: MatchedStatement | undefined;
  allowMatch: PolicyScan['allowMatch'];
}

function scanGroup(policies: readonly CompiledPolicy[] | undefined, request: StatementRequest): GroupScan {
  const group: GroupScan = { deny: undefined, allow: undefined, allowMatch: undefined };
  if (policies === undefined) return group;
  for (const policy of policies) {
    const scan = scanPolicy(policy, request);
    if (scan === undefined) continue;
    if (scan.deny !== undefined) {
      group.deny = { policy: policy.source, statement: scan.deny };
      return group;
    }
    if (scan.allow !== undefined && group.allow === undefined) group.allow = { policy: policy.source, statement: scan.allow };
    if (scan.allowMatch !== undefined && (group.allowMatch === undefined || GRANT_REACH[scan.allowMatch] > GRANT_REACH[group.allowMatch])) {
      group.allowMatch = scan.allowMatch;
    }
  }
  return group;
}

const HAS_IDENTITY_POLICIES = new Set(['Account', 'User', 'AssumedRole', 'FederatedUser']);
const IS_SESSION = new Set(['AssumedRole', 'FederatedUser']);

export function authorize(request: AuthorizationRequest, policies: PolicySet): Decision {
  const action = request.action.toLowerCase();
  const colon = action.indexOf(':');
  const scanRequest: StatementRequest = {
    principal: request.principal,
    action,
    service: colon < 0 ? action : action.slice(0, colon),
    resource: request.resource,
    context: request.context,
    hasBoundary: policies.boundary !== undefined,
  };

  const rcp = (policies.rcp ?? []).map((level) => scanGroup(level, scanRequest));
  const scp = (policies.scp ?? []).map((level) => scanGroup(level, scanRequest));
  const resource = scanGroup(policies.resource === undefined ? undefined : [policies.resource], scanRequest);
  const identity = scanGroup(policies.identity, scanRequest);
  const boundary = scanGroup(policies.boundary === undefined ? undefined : [policies.boundary], scanRequest);
  const session = scanGroup(policies.session, scanRequest);

  // 1. An explicit deny anywhere.
  for (const group of [...rcp, ...scp, resource, identity, boundary, session]) {
    if (group.deny !== undefined) return { effect: 'ExplicitDeny', deniedBy: group.deny.policy.type, statements: [group.deny] };
  }
  const allowed: MatchedStatement[] = [];
  const deny = (type: PolicyType): Decision => ({ effect: 'ImplicitDeny', deniedBy: type, statements: [] });

  // 2. Organization policies: every level must allow.
  for (const [type, levels] of [['rcp', rcp], ['scp', scp]] as const) {
    for (const level of levels) {
      if (level.allow === undefined) return deny(type);
      allowed.push(level.allow);
    }
  }

  // 3. The resource policy, and how far its Allow reaches in this account.
  const principal = request.principal;
  const sameAccount = request.resourceAccount === undefined || request.resourceAccount === principal.accountId;
  const resourceAllows = resource.allow !== undefined;
  if (resourceAllows) allowed.push(resource.allow as MatchedStatement);
  if (policies.resourceMustAllow === true && !resourceAllows) return deny('resource');
  if (!HAS_IDENTITY_POLICIES.has(principal.type)) {
    // Services, web-identity and SAML callers have no policies of their own.
    return resourceAllows ? { effect: 'Allow', deniedBy: undefined, statements: allowed } : deny('resource');
  }
  if (!sameAccount && !resourceAllows) return deny('resource');
  const reach = sameAccount && resource.allowMatch !== undefined ? GRANT_REACH[resource.allowMatch] : 0;
  if (reach >= 3) return { effect: 'Allow', deniedBy: undefined, statements: allowed };

  // 4. Identity policies (the root user needs none in its own account).
  if (identity.allow !== undefined) allowed.push(identity.allow);
  const identityAllows = principal.type === 'Account' || identity.allow !== undefined || (resourceAllows && reach >= 1);
  if (!identityAllows) return deny('identity');

  // 5. Permissions boundary.
  if (policies.boundary !== undefined && reach < 2) {
    if (boundary.allow === undefined) return deny('boundary');
    allowed.push(boundary.allow);
  }

  // 6. Session policies: a role session without one keeps its role's permissions; a
  // federated-user session without one has none.
  if (IS_SESSION.has(principal.type)) {
    const hasSessionPolicy = policies.session !== undefined && policies.session.length > 0;
    if (hasSessionPolicy) {
      if (session.allow === undefined) return deny('session');
      allowed.push(session.allow);
    } else if (principal.type === 'FederatedUser') {
      return deny('session');
    }
  }
  return { effect: 'Allow', deniedBy: undefined, statements: allowed };
}
