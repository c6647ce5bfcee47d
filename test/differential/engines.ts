/**
 * One case through each engine, both answers mapped to rolegate's three outcomes.
 *
 * iam-simulate (AGPL) is imported here, under test/, and never from src/. Its public
 * `runSimulation` is used as is: it validates and loads the policies, drops context
 * keys it does not know for the action, and picks the service authorizer, which is all
 * part of the behaviour we compare against. At about 0.3 ms a case it is fast enough.
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import {
  authorize,
  compilePolicy,
  parsePolicy,
  RequestContext,
  requestPrincipal,
  type CompiledPolicy,
  type Decision,
  type DecisionEffect,
  type PolicySet,
  type PolicyType,
} from '../../src/policy/index.js';
import type { PolicyGrammar } from '../../src/policy/document.js';
import type { DiffCase, PolicyJson } from './generate.js';

/** RCPFullAWSAccess: AWS attaches it to every root, OU and account, and it cannot be detached. */
export const RCP_FULL_ACCESS: PolicyJson = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};

function compiled(policy: PolicyJson, grammar: PolicyGrammar, type: PolicyType, id: string): CompiledPolicy {
  return compilePolicy(parsePolicy(JSON.stringify(policy), grammar), { id, type });
}

export function policySetOf(c: DiffCase): PolicySet {
  const resourceGrammar: PolicyGrammar = c.trust ? 'trust' : 'resource';
  return {
    identity: c.identity.map((p, i) => compiled(p, 'identity', 'identity', `identity-${i}`)),
    resource: c.resourcePolicy === undefined ? undefined : compiled(c.resourcePolicy, resourceGrammar, 'resource', 'resource'),
    resourceMustAllow: c.trust,
    boundary: c.boundary === undefined ? undefined : compiled(c.boundary, 'identity', 'boundary', 'boundary'),
    session: c.session === undefined ? undefined : [compiled(c.session, 'identity', 'session', 'session')],
    scp: c.scp?.map((level, l) => level.map((p, i) => compiled(p, 'scp', 'scp', `scp-${l}-${i}`))),
    rcp: c.rcp?.map((level, l) => [RCP_FULL_ACCESS, ...level].map((p, i) => compiled(p, 'rcp', 'rcp', `rcp-${l}-${i}`))),
  };
}

export function runRolegate(c: DiffCase): Decision {
  const p = c.principal;
  const principal = requestPrincipal(
    p.kind === 'user'
      ? { type: 'User', arn: p.arn, accountId: p.accountId, uniqueId: p.uniqueId }
      : { type: 'AssumedRole', arn: p.arn, accountId: p.accountId, uniqueId: p.uniqueId, roleArn: p.roleArn },
  );
  return authorize(
    { principal, action: c.action, resource: c.resource, resourceAccount: c.resourceAccount, context: new RequestContext(c.context) },
    policySetOf(c),
  );
}

/** What a classifier may read of iam-simulate's answer. */
export interface OracleAnswer {
  readonly effect: DecisionEffect;
  readonly session: string | undefined;
  readonly boundary: string | undefined;
  readonly identity: string | undefined;
  readonly resource: string | undefined;
  /** How each applicable resource-policy Allow statement matched the principal. */
  readonly resourceAllowMatches: readonly string[];
  readonly ignoredContextKeys: readonly string[];
}

export class OracleError extends Error {}

const EFFECTS: Readonly<Record<string, DecisionEffect>> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
};

export function simulationOf(c: DiffCase): Simulation {
  const simulation: Simulation = {
    identityPolicies: c.identity.map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: (c.scp ?? []).map((level, l) => ({ orgIdentifier: `ou-${l}`, policies: level.map((policy, i) => ({ name: `scp-${l}-${i}`, policy })) })),
    resourceControlPolicies: (c.rcp ?? []).map((level, l) => ({ orgIdentifier: `ou-${l}`, policies: level.map((policy, i) => ({ name: `rcp-${l}-${i}`, policy })) })),
    request: {
      principal: c.principal.arn,
      action: c.action,
      resource: { resource: c.resource, accountId: c.resourceAccount },
      contextVariables: c.context,
    },
  };
  if (c.resourcePolicy !== undefined) simulation.resourcePolicy = c.resourcePolicy;
  if (c.boundary !== undefined) simulation.permissionBoundaryPolicies = [{ name: 'boundary', policy: c.boundary }];
  if (c.session !== undefined) simulation.sessionPolicy = c.session;
  return simulation;
}

export async function runOracle(c: DiffCase): Promise<OracleAnswer> {
  const result = await runSimulation(simulationOf(c), { simulationMode: 'Strict' });
  if (result.resultType !== 'single') {
    throw new OracleError(`iam-simulate gave a ${result.resultType} result: ${JSON.stringify(result.resultType === 'error' ? result.errors : result.overallResult)}`);
  }
  const a = result.result.analysis;
  const effect = EFFECTS[a.result];
  if (effect === undefined) throw new OracleError(`iam-simulate gave result ${a.result}`);
  return {
    effect,
    session: a.sessionAnalysis?.result,
    boundary: a.permissionBoundaryAnalysis?.result,
    identity: a.identityAnalysis?.result,
    resource: a.resourceAnalysis?.result,
    resourceAllowMatches: (a.resourceAnalysis?.allowStatements ?? []).map((s) => String(s.principalMatch)),
    ignoredContextKeys: result.result.ignoredContextKeys ?? [],
  };
}
