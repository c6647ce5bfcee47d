/**
 * A decision as IAM's policy simulator reports it: the engine's own decision (from
 * `authorize`, so a simulation never disagrees with a real request), and besides it every
 * statement that decided, the condition keys the request should have supplied, and what
 * the permissions boundary says on its own. It looks at every statement the action
 * reaches, so it is slower than `authorize` and never on a request's path.
 *
 * What "the statements that decided" are, from the API reference (EvaluationResult,
 * MatchedStatements): for an explicit deny only the Deny statements ("the deny statement
 * is the only entry included in the result"); for an allow, every Allow statement of the
 * policy types that allowed ("even if multiple statements allow the operation"); for an
 * implicit deny none, as recorded IAM answers show.
 */
import { authorize, type AuthorizationRequest, type Decision, type PolicySet } from './authorize.js';
import type { CompiledPolicy, CompiledStatement, MatchedStatement, PolicyType } from './compile.js';
import { applies, firstDeny, reaches, scanAllows, statementRequest, type StatementRequest } from './statement.js';

export interface Simulation {
  readonly decision: Decision;
  /** The statements that decided, resource policy first, then identity, boundary, session. */
  readonly statements: readonly MatchedStatement[];
  /**
   * Condition keys, as the policies spell them, that a statement reaching this request
   * (its action, resource and principal match) reads and the context lacks.
   */
  readonly missingContextKeys: readonly string[];
  /** Whether the permissions boundary alone allows the request; undefined without one. */
  readonly allowedByBoundary: boolean | undefined;
}

/**
 * @example
 * const { decision, statements, missingContextKeys } = simulate(
 *   { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: new RequestContext({}) },
 *   { identity: [policy] },
 * );
 */
export function simulate(request: AuthorizationRequest, policies: PolicySet): Simulation {
  const decision = authorize(request, policies);
  const scan = statementRequest(request, policies);
  const all = inOrder(policies);
  return {
    decision,
    statements: decidingStatements(decision, all, scan),
    missingContextKeys: missingKeys(all, scan),
    allowedByBoundary:
      policies.boundary === undefined
        ? undefined
        : firstDeny(policies.boundary, scan) === undefined && scanAllows([policies.boundary], scan).allow !== undefined,
  };
}

/** Every policy of the set, in the order the simulator lists their statements. */
function inOrder(policies: PolicySet): CompiledPolicy[] {
  return [
    ...(policies.rcp ?? []).flat(),
    ...(policies.scp ?? []).flat(),
    ...(policies.resource === undefined ? [] : [policies.resource]),
    ...(policies.identity ?? []),
    ...(policies.boundary === undefined ? [] : [policies.boundary]),
    ...(policies.session ?? []),
  ];
}

function decidingStatements(decision: Decision, all: readonly CompiledPolicy[], scan: StatementRequest): MatchedStatement[] {
  if (decision.effect === 'ImplicitDeny') return [];
  const deny = decision.effect === 'ExplicitDeny';
  const types = new Set<PolicyType>(decision.statements.map((m) => m.policy.type));
  const out: MatchedStatement[] = [];
  for (const policy of all) {
    if (!deny && !types.has(policy.source.type)) continue;
    const found = policy.statementsFor(scan.action);
    for (const s of deny ? found.deny : found.allow) if (applies(s, scan) !== undefined) out.push(s.matched);
  }
  return out.sort(byPosition(all));
}

/** Statements keep their policy's order and, within it, the document's. */
function byPosition(all: readonly CompiledPolicy[]): (a: MatchedStatement, b: MatchedStatement) => number {
  const rank = new Map(all.map((p, i) => [p.source, i]));
  return (a, b) => (rank.get(a.policy) ?? 0) - (rank.get(b.policy) ?? 0) || a.statement.index - b.statement.index;
}

function missingKeys(all: readonly CompiledPolicy[], scan: StatementRequest): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (s: CompiledStatement): void => {
    if (reaches(s, scan) === undefined) return;
    for (const c of s.conditions) {
      if (scan.context.has(c.key) || seen.has(c.key)) continue;
      seen.add(c.key);
      out.push(c.keyText);
    }
  };
  for (const policy of all) {
    const found = policy.statementsFor(scan.action);
    const forAction = new Set([...found.deny, ...found.allow]);
    for (const s of policy.statements) if (forAction.has(s)) visit(s);
  }
  return out;
}
