/**
 * Does a statement apply to a request, and what did each policy say. Only the statements
 * indexed under the request's action are looked at, Denies and Allows apart; for each,
 * the cheap tests (resource, principal) run before conditions.
 */
import type { AuthorizationRequest, PolicySet } from './authorize.js';
import type { CompiledPolicy, CompiledStatement, MatchedStatement } from './compile.js';
import { conditionHolds, type CompiledCondition } from './condition.js';
import type { TemplateGlob } from './template.js';
import type { RequestContext } from './context.js';
import { lowerName } from './names.js';
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

/** The request as statements are matched against it: its action lower-cased once. */
export function statementRequest(request: AuthorizationRequest, policies: PolicySet): StatementRequest {
  return {
    principal: request.principal,
    action: lowerName(request.action),
    resource: request.resource,
    context: request.context,
    hasBoundary: policies.boundary !== undefined,
  };
}

/** What the Allow statements of one or more policies said. */
export interface AllowScan {
  /** The first applicable Allow statement. */
  readonly allow: MatchedStatement | undefined;
  /** For policies with principals: what the strongest applicable Allow named. */
  readonly allowMatch: PrincipalMatch | 'principalArn' | undefined;
}

/**
 * How far a same-account resource-policy grant reaches on its own, by what it named:
 * 3 = past identity policies, boundary and session policy; 2 = past identity policies
 * and boundary (a user: no session policy); 1 = past identity policies only; 0 = not
 * at all (an account defers to its identity policies).
 */
export const GRANT_REACH: Readonly<Record<NonNullable<AllowScan['allowMatch']>, number>> = {
  session: 3,
  principalArn: 3,
  user: 2,
  role: 1,
  wildcard: 1,
  service: 1,
  federated: 1,
  account: 0,
};

const MAX_REACH = 3;

/** What a policy or group said when no Allow applied: shared, never written. */
export const NO_ALLOW: AllowScan = Object.freeze({ allow: undefined, allowMatch: undefined });

/** The first applicable Deny statement of `policy` for the request, if any. */
export function firstDeny(policy: CompiledPolicy, request: StatementRequest): MatchedStatement | undefined {
  const denies = policy.statementsFor(request.action).deny;
  for (let i = 0; i < denies.length; i++) {
    const s = denies[i] as CompiledStatement;
    if (applies(s, request) !== undefined) return s.matched;
  }
  return undefined;
}

/**
 * The Allow statements of a group of policies (or of one, given as `[policy]`): the first
 * that applies, and the strongest principal any of them named. Once an Allow is found,
 * only statements that name principals can add anything, so the others are not looked
 * at: for identity policies, the scan stops at the first Allow.
 */
export function scanAllows(policies: readonly CompiledPolicy[], request: StatementRequest): AllowScan {
  let allow: MatchedStatement | undefined;
  let allowMatch: AllowScan['allowMatch'];
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p] as CompiledPolicy;
    if (allow !== undefined && !policy.namesPrincipals) continue;
    const allows = policy.statementsFor(request.action).allow;
    for (let i = 0; i < allows.length; i++) {
      const s = allows[i] as CompiledStatement;
      if (allow !== undefined && s.principal === undefined) continue;
      const match = applies(s, request);
      if (match === undefined) continue;
      allow ??= s.matched;
      if (match !== true && (allowMatch === undefined || GRANT_REACH[match] > GRANT_REACH[allowMatch])) {
        allowMatch = match;
        if (GRANT_REACH[match] === MAX_REACH) return { allow, allowMatch };
      }
    }
  }
  return allow === undefined ? NO_ALLOW : { allow, allowMatch };
}

/**
 * undefined when the statement does not apply; true when it applies and names no
 * principal; otherwise what its Principal element named.
 */
export function applies(s: CompiledStatement, request: StatementRequest): true | PrincipalMatch | 'principalArn' | undefined {
  const match = reaches(s, request);
  if (match === undefined) return undefined;
  const conditions = s.conditions;
  for (let i = 0; i < conditions.length; i++) if (!conditionHolds(conditions[i] as CompiledCondition, request.context)) return undefined;
  return match;
}

/**
 * The statement's resource and principal tests, conditions aside (its action was matched
 * by the index): what `applies` answers before it reads any condition key. A simulation
 * asks this to know which statements' condition keys a request should have supplied.
 */
export function reaches(s: CompiledStatement, request: StatementRequest): true | PrincipalMatch | 'principalArn' | undefined {
  if (s.resources !== undefined && !resourceMatches(s, request)) return undefined;
  if (s.principal !== undefined) {
    const named = matchPrincipal(s.principal, request.principal);
    if (named === undefined) return undefined;
    return named === 'wildcard' && s.wildcardByPrincipalArn ? 'principalArn' : named;
  }
  if (s.notPrincipal !== undefined && !request.hasBoundary && !notPrincipalApplies(s.notPrincipal, request.principal)) return undefined;
  return true;
}

/** A pattern whose variable has no value matches nothing, so under NotResource it excludes nothing. */
function resourceMatches(s: CompiledStatement, request: StatementRequest): boolean {
  let any = false;
  const templates = s.resources as NonNullable<CompiledStatement['resources']>;
  for (let i = 0; i < templates.length; i++) {
    if ((templates[i] as TemplateGlob).matches(request.resource, request.context) === true) {
      any = true;
      break;
    }
  }
  return any !== s.notResource;
}
