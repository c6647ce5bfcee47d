/**
 * STS AssumeRole: the role's trust policy and the caller's own policies decide, through
 * the engine; the new session gets a duration within the role's limits, its session
 * policies, tags and source identity, and is sealed into its token.
 */
import { parseArn, parseIamEntityArn } from '../../arn/index.js';
import { AwsError } from '../../errors.js';
import type { ContextValue } from '../../policy/index.js';
import type { RoleRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { mintRoleSession, type Credentials } from './mint.js';
import { checkPackedSize, packedPolicySize, sessionDuration, sessionTags } from './session-limits.js';
import { checkMfa } from './mfa.js';
import { checkSessionPolicies } from './session-policies.js';

export interface AssumeRoleInput {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly DurationSeconds?: number | undefined;
  readonly ExternalId?: string | undefined;
  readonly Policy?: string | undefined;
  readonly PolicyArns?: readonly { readonly arn?: string | undefined }[] | undefined;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[] | undefined;
  readonly TransitiveTagKeys?: readonly string[] | undefined;
  readonly SourceIdentity?: string | undefined;
  readonly SerialNumber?: string | undefined;
  readonly TokenCode?: string | undefined;
  readonly ProvidedContexts?: readonly unknown[] | undefined;
}

export interface AssumeRoleOutput {
  readonly Credentials: Credentials;
  readonly AssumedRoleUser: { readonly AssumedRoleId: string; readonly Arn: string };
  readonly PackedPolicySize?: number | undefined;
  readonly SourceIdentity?: string | undefined;
}

export async function assumeRole(input: AssumeRoleInput, ctx: ServiceContext): Promise<AssumeRoleOutput> {
  const { caller } = ctx;
  // seen: a RoleArn that is not an ARN at all.
  if (parseArn(input.RoleArn) === undefined) throw new AwsError('ValidationError', `${input.RoleArn} is invalid`);
  // seen
  if (caller.kind === 'root') throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.');

  // A role that does not exist is answered like one that does not trust the caller.
  const role = await findRole(input.RoleArn, ctx);
  if (role === undefined) throw denied(caller.arn, input.RoleArn);
  const parent = caller.kind === 'session' ? caller.session : undefined;

  // Context assertions are signed by AWS's identity providers, which rolegate cannot
  // check; refusing them is safer than issuing a session without what they assert.
  if ((input.ProvidedContexts ?? []).length > 0) {
    throw new AwsError('InvalidParameterValue', 'ProvidedContexts are not supported by this endpoint.');
  }
  const sourceIdentity = input.SourceIdentity ?? parent?.sourceIdentity;
  if (parent?.sourceIdentity !== undefined && input.SourceIdentity !== undefined && input.SourceIdentity !== parent.sourceIdentity) {
    // A source identity is set once and cannot change down the chain.
    throw denied(caller.arn, input.RoleArn);
  }
  const tags = sessionTags(input.Tags ?? [], input.TransitiveTagKeys ?? [], parent);

  // A code is checked (and used up) before the trust policy, which may ask for MFA.
  const mfaAt = await checkMfa(input, ctx);
  await authorizeTrust(input, role, mfaAt !== undefined, ctx);

  const chained = caller.kind === 'session';
  const seconds = sessionDuration(input.DurationSeconds, role.maxSessionDuration, chained);
  const policyArns = (input.PolicyArns ?? []).map((p) => p.arn ?? '');
  await checkSessionPolicies(input.Policy, policyArns, role.accountId, ctx);
  const hasSessionExtras = input.Policy !== undefined || policyArns.length > 0 || (input.Tags ?? []).length > 0;
  const packed = packedPolicySize(input.Policy, policyArns, tags.tags);
  checkPackedSize(packed, tags.tags.length > 0);

  const session = await mintRoleSession(
    {
      role,
      sessionName: input.RoleSessionName,
      sourceArn: caller.arn,
      issuedAt: ctx.deps.clock.now(),
      seconds,
      policy: input.Policy,
      policyArns,
      tags,
      sourceIdentity,
      // A chained session keeps the MFA of the session it came from, with its time.
      mfaAuthenticatedAt: mfaAt ?? parent?.mfaAuthenticatedAt,
      chainDepth: parent === undefined ? 0 : parent.chainDepth + 1,
    },
    ctx,
  );
  return {
    ...session,
    PackedPolicySize: hasSessionExtras ? packed : undefined,
    SourceIdentity: input.SourceIdentity,
  };
}

function denied(callerArn: string, roleArn: string): AwsError {
  return new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
}

async function findRole(arn: string, ctx: ServiceContext): Promise<RoleRecord | undefined> {
  const parsed = parseIamEntityArn(arn);
  if (parsed === undefined || parsed.type !== 'role') return undefined;
  const role = await ctx.entities.roleByName(parsed.account, parsed.name);
  // The path is part of the role's ARN: another path names another role.
  return role !== undefined && role.path === parsed.path ? role : undefined;
}

/**
 * The trust policy must allow the caller, and the caller's own policies must allow the
 * call, for sts:AssumeRole and for each extra it asks for (sts:TagSession for session
 * tags, sts:SetSourceIdentity for a source identity), as AWS checks them.
 */
async function authorizeTrust(input: AssumeRoleInput, role: RoleRecord, mfaNow: boolean, ctx: ServiceContext): Promise<void> {
  const trust = ctx.authorizer.trustPolicy(role);
  const context: [string, ContextValue][] = [['sts:RoleSessionName', input.RoleSessionName]];
  // A code checked by this call is MFA present now, whatever credentials made the call.
  if (mfaNow) context.push(['aws:MultiFactorAuthPresent', 'true'], ['aws:MultiFactorAuthAge', '0']);
  if (input.ExternalId !== undefined) context.push(['sts:ExternalId', input.ExternalId]);
  if (input.SourceIdentity !== undefined) context.push(['sts:SourceIdentity', input.SourceIdentity]);
  for (const t of input.Tags ?? []) context.push([`aws:RequestTag/${t.Key}`, t.Value]);
  if ((input.Tags ?? []).length > 0) context.push(['aws:TagKeys', (input.Tags ?? []).map((t) => t.Key)]);
  if ((input.TransitiveTagKeys ?? []).length > 0) context.push(['sts:TransitiveTagKeys', [...(input.TransitiveTagKeys ?? [])]]);
  const actions = ['sts:AssumeRole'];
  if ((input.Tags ?? []).length > 0) actions.push('sts:TagSession');
  if (input.SourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  for (const action of actions) {
    await ctx.authorizer.require(ctx.caller, ctx.facts, {
      action,
      resource: input.RoleArn,
      resourceAccount: role.accountId,
      resourcePolicy: trust,
      resourceMustAllow: true,
      context,
      terseDenial: true,
    });
  }
}
