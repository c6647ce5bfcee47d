/**
 * SimulateCustomPolicy and SimulatePrincipalPolicy: the engine's decision for actions and
 * resources under given policies, without performing anything.
 *
 * SimulatePrincipalPolicy gathers an entity's policies as the request path does (a
 * user's own and its groups', a group's, a role's, and its boundary; auth/entity-policies)
 * and names them as IAM's simulator does: an inline policy `role_NAME_POLICY` (recorded
 * for roles; `user_`/`group_` likewise), a managed policy by its name, the inputs
 * `PolicyInputList.N` and `PermissionsBoundaryPolicyInputList.1`, the resource policy
 * `ResourcePolicy`. A PermissionsBoundaryPolicyInputList replaces the entity's boundary
 * (the API reference: "the new permissions boundary policy is used for the simulation").
 */
import { parseArn, parseIamEntityArn } from '../../arn/index.js';
import { ownerPolicies, userPolicies, type EntityPolicies, type PolicyOwner, type StoredPolicy } from '../../auth/entity-policies.js';
import { compileStored } from '../../auth/policy-cache.js';
import { AwsError } from '../../errors.js';
import { compilePolicy, parsePolicy, requestPrincipal, type CompiledPolicy, type PolicyGrammar, type PolicySource, type RequestPrincipal } from '../../policy/index.js';
import { groups, roles, users } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { contextFromEntries, type ContextEntry } from './context-entries.js';
import { callerMustBeUser, invalidArn, invalidSimulationPolicy, noSuchGroup, noSuchRole, noSuchUser, oneBoundaryOnly } from './errors.js';
import type { PageRequest } from './pagination.js';
import { runSimulation, type SimulatePolicyResult, type SimulationPolicies } from './simulation.js';

interface SimulationInput extends PageRequest {
  readonly ActionNames: readonly string[];
  readonly PermissionsBoundaryPolicyInputList?: readonly string[] | undefined;
  readonly ResourceArns?: readonly string[] | undefined;
  readonly ResourcePolicy?: string | undefined;
  readonly ResourceOwner?: string | undefined;
  readonly CallerArn?: string | undefined;
  readonly ContextEntries?: readonly ContextEntry[] | undefined;
  /** Accepted; it selects EC2 resource sets rolegate does not model. */
  readonly ResourceHandlingOption?: string | undefined;
}

export async function simulateCustomPolicy(
  input: SimulationInput & { readonly PolicyInputList: readonly string[] },
  ctx: ServiceContext,
): Promise<SimulatePolicyResult> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:SimulateCustomPolicy', resource: '*' });
  const identity = input.PolicyInputList.map((text, i) => compileInput(text, 'identity', { id: `PolicyInputList.${i + 1}`, type: 'identity' }));
  const principal = simulatedCaller(input, undefined, ctx);
  return simulateWith(input, principal, { identity, boundary: inputBoundary(input), resource: resourcePolicy(input) });
}

export async function simulatePrincipalPolicy(
  input: SimulationInput & { readonly PolicySourceArn: string; readonly PolicyInputList?: readonly string[] | undefined },
  ctx: ServiceContext,
): Promise<SimulatePolicyResult> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:SimulatePrincipalPolicy', resource: input.PolicySourceArn });
  const source = await policySource(input.PolicySourceArn, ctx);
  const stored = source.owner.kind === 'user' ? await userPolicies(ctx.deps.db, source.owner, source.boundaryArn) : await ownerPolicies(ctx.deps.db, source.owner, source.boundaryArn);
  const added = (input.PolicyInputList ?? []).map((text, i) => compileInput(text, 'identity', { id: `PolicyInputList.${i + 1}`, type: 'identity' }));
  const policies: SimulationPolicies = {
    identity: [...stored.identity.map(compileEntityPolicy), ...added],
    boundary: inputBoundary(input) ?? entityBoundary(stored),
    resource: resourcePolicy(input),
  };
  const principal = simulatedCaller(input, source.owner.kind === 'user' ? source : undefined, ctx);
  return simulateWith(input, principal, policies);
}

function simulateWith(input: SimulationInput, principal: RequestPrincipal, policies: SimulationPolicies): SimulatePolicyResult {
  return runSimulation(
    {
      principal,
      actions: input.ActionNames,
      resources: input.ResourceArns,
      resourceOwner: input.ResourceOwner === undefined ? principal.accountId ?? '' : (parseArn(input.ResourceOwner)?.account ?? principal.accountId ?? ''),
      context: contextFromEntries(input.ContextEntries ?? []),
      Marker: input.Marker,
      MaxItems: input.MaxItems,
    },
    policies,
  );
}

interface PolicySourceEntity {
  readonly owner: PolicyOwner;
  readonly boundaryArn: string | undefined;
}

/** The user, group or role a PolicySourceArn names, in the caller's account. */
async function policySource(arn: string, ctx: ServiceContext): Promise<PolicySourceEntity> {
  const parsed = parseIamEntityArn(arn);
  if (parsed === undefined || !['user', 'group', 'role'].includes(parsed.type)) throw invalidArn();
  const db = ctx.deps.db;
  const account = ctx.caller.accountId;
  const own = parsed.account === account;
  if (parsed.type === 'user') {
    const user = own ? await users.byName(db, account, parsed.name) : undefined;
    if (user === undefined) throw noSuchUser(parsed.name);
    return { owner: { id: user.id, kind: 'user', name: user.name, arn }, boundaryArn: user.boundaryArn };
  }
  if (parsed.type === 'group') {
    const group = own ? await groups.byName(db, account, parsed.name) : undefined;
    if (group === undefined) throw noSuchGroup(parsed.name);
    return { owner: { id: group.id, kind: 'group', name: group.name, arn }, boundaryArn: undefined };
  }
  const role = own ? await roles.byName(db, account, parsed.name) : undefined;
  if (role === undefined) throw noSuchRole(parsed.name);
  return { owner: { id: role.id, kind: 'role', name: role.name, arn }, boundaryArn: role.boundaryArn };
}

/**
 * Who the simulation acts as: CallerArn (an IAM user, as the API reference requires), else
 * the user whose policies are simulated. A resource policy needs one of them to match
 * its Principal against; without, IAM answers "Caller must be an IAM user".
 */
function simulatedCaller(input: SimulationInput, sourceUser: PolicySourceEntity | undefined, ctx: ServiceContext): RequestPrincipal {
  if (input.CallerArn !== undefined) {
    const caller = parseIamEntityArn(input.CallerArn);
    if (caller?.type !== 'user') throw callerMustBeUser();
    return requestPrincipal({ type: 'User', arn: input.CallerArn, accountId: caller.account });
  }
  if (sourceUser !== undefined) {
    return requestPrincipal({ type: 'User', arn: sourceUser.owner.arn, accountId: ctx.caller.accountId, uniqueId: sourceUser.owner.id });
  }
  if (input.ResourcePolicy !== undefined) throw callerMustBeUser();
  // Identity policies alone do not ask who the caller is: the request's own caller stands in.
  return requestPrincipal({ type: 'User', arn: ctx.caller.arn, accountId: ctx.caller.accountId });
}

function inputBoundary(input: SimulationInput): CompiledPolicy | undefined {
  const list = input.PermissionsBoundaryPolicyInputList ?? [];
  if (list.length > 1) throw oneBoundaryOnly();
  const text = list[0];
  return text === undefined ? undefined : compileInput(text, 'identity', { id: 'PermissionsBoundaryPolicyInputList.1', type: 'boundary' });
}

function resourcePolicy(input: SimulationInput): CompiledPolicy | undefined {
  return input.ResourcePolicy === undefined ? undefined : compileInput(input.ResourcePolicy, 'resource', { id: 'ResourcePolicy', type: 'resource' });
}

/** A policy given in the request; one the engine refuses is the caller's InvalidInput. */
function compileInput(text: string, grammar: PolicyGrammar, source: PolicySource): CompiledPolicy {
  try {
    return compilePolicy(parsePolicy(text, grammar), source);
  } catch (e) {
    if (e instanceof AwsError && e.code === 'MalformedPolicyDocument') throw invalidSimulationPolicy(e.message);
    throw e;
  }
}

/** An entity's stored policy, under the name IAM's simulator gives it. */
function compileEntityPolicy(p: StoredPolicy): CompiledPolicy {
  const id = p.kind === 'inline' ? `${p.owner.kind}_${p.owner.name}_${p.name}` : nameOf(p.arn);
  return compileStored(p.document, 'identity', { id, type: 'identity' });
}

function entityBoundary(stored: EntityPolicies): CompiledPolicy | undefined {
  const b = stored.boundary;
  return b === undefined ? undefined : compileStored(b.document, 'identity', { id: nameOf(b.arn), type: 'boundary' });
}

const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
