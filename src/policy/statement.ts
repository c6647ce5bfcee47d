/**
 * Does a statement apply to a request, and what did each policy say: the scan of one
 * compiled policy. Only the statements indexed under the request's action are looked
 * at; for each, the cheap tests (action, resource, principal) run before conditions.
 */
import type { CompiledPolicy, CompiledStatement, MatchedStatement } from './compile.js';
import { conditionHolds } from './condition.js';
import type { RequestContext } from './context.js';
import { matchPrincipal, notPrincipalApplies, type PrincipalMatch, type RequestPrincipal } from './principal.js';

/** The parts of a request a statement is matched against. */
export interface StatementRequest {
  readonly principal: RequestPrincipal;
  /** Lower-cased action. */
  readonly action: string;
  readonly resource: string;
  readonly context: RequestContext;
  /**
   * The principal has a permissions boundary. AWS ("Permissions boundaries for IAM
   * entities", and the NotPrincipal page) says a Deny with NotPrincipal then always
   * denies it, whatever the NotPrincipal element lists.
   */
  readonly hasBoundary: boolean;
}

/** What one or more policies said: their first applicable Deny and Allow statements. */
export interface PolicyScan {
  deny: MatchedStatement | undefined;
  allow: MatchedStatement | undefined;
  /** For policies with principals: what the strongest applicable Allow named. */
  allowMatch: PrincipalMatch | 'principalArn' | undefined;
}

/**
 * How far a same-account resource-policy grant reaches on its own, by what it named:
 * 3 = past identity policies, boundary and session policy; 2 = past identity policies
 * and boundary (a user: no session policy); 1 = past identity policies only; 0 = not
 * at all (an account defers to its identity policies).
 */
export const GRANT_REACH: Readonly<Record<NonNullable<PolicyScan['allowMatch']>, number>> = {
  session: 3,
  principalArn: 3,
  user: 2,
  role: 1,
  wildcard: 1,
  service: 1,
  federated: 1,
  account: 0,
};

/**
 * Adds what `policy` says to `scan` (created on the first statement that applies), so a
 * group of policies is scanned into one result without a result per policy.
 */
export function scanPolicy(policy: CompiledPolicy, request: StatementRequest, scan: PolicyScan | undefined): PolicyScan | undefined {
  const list = policy.statementsFor(request.action);
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as CompiledStatement;
    const match = applies(s, request);
    if (match === undefined) continue;
    scan ??= { deny: undefined, allow: undefined, allowMatch: undefined };
    if (s.effect === 'Deny') {
      // Nothing after a Deny can change the answer.
      scan.deny = s.matched;
      return scan;
    }
    scan.allow ??= s.matched;
    if (match !== true && (scan.allowMatch === undefined || GRANT_REACH[match] > GRANT_REACH[scan.allowMatch])) {
      scan.allowMatch = match;
    }
  }
  return scan;
}

/**
 * undefined when the statement does not apply; true when it applies and names no
 * principal; otherwise what its Principal element named.
 */
function applies(s: CompiledStatement, request: StatementRequest): true | PrincipalMatch | 'principalArn' | undefined {
  if (s.resources !== undefined && !resourceMatches(s, request)) return undefined;
  let match: true | PrincipalMatch | 'principalArn' = true;
  if (s.principal !== undefined) {
    const named = matchPrincipal(s.principal, request.principal);
    if (named === undefined) return undefined;
    match = named === 'wildcard' && s.wildcardByPrincipalArn ? 'principalArn' : named;
  } else if (s.notPrincipal !== undefined && !request.hasBoundary && !notPrincipalApplies(s.notPrincipal, request.principal)) {
    return undefined;
  }
  for (const c of s.conditions) if (!conditionHolds(c, request.context)) return undefined;
  return match;
}

/** A pattern whose variable has no value matches nothing, so under NotResource it excludes nothing. */
function resourceMatches(s: CompiledStatement, request: StatementRequest): boolean {
  let any = false;
  for (const glob of s.resources as NonNullable<CompiledStatement['resources']>) {
    if (glob.matches(request.resource, request.context) === true) {
      any = true;
      break;
    }
  }
  return any !== s.notResource;
}
