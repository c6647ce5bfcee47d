/**
 * STS GetFederationToken: temporary credentials for a federated user named by the
 * caller, from an IAM user's (or root's) long-term keys. The session acts with the
 * intersection of the user's policies and the session policies passed here; with no
 * session policy it may do nothing (STS API reference, GetFederationToken, "Permissions").
 * Durations: 900 to 129,600 s, 12 hours by default; a root caller's session lasts at most
 * an hour, longer requests being cut to one ("DurationSeconds").
 */
import { federatedUserArn } from '../../arn/index.js';
import { AwsError } from '../../errors.js';
import type { ContextValue } from '../../policy/index.js';
import type { ServiceContext } from '../context.js';
import { mint, type Credentials, type SessionDraft } from './mint.js';
import { checkPackedSize, packedPolicySize, sessionTags } from './session-limits.js';
import { checkSessionPolicies } from './session-policies.js';

export interface GetFederationTokenInput {
  readonly Name: string;
  readonly Policy?: string | undefined;
  readonly PolicyArns?: readonly { readonly arn?: string | undefined }[] | undefined;
  readonly DurationSeconds?: number | undefined;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[] | undefined;
}

export interface GetFederationTokenOutput {
  readonly Credentials: Credentials;
  readonly FederatedUser: { readonly FederatedUserId: string; readonly Arn: string };
  readonly PackedPolicySize: number;
}

const DEFAULT_SECONDS = 43_200;
const ROOT_MAX_SECONDS = 3600;

export async function getFederationToken(input: GetFederationTokenInput, ctx: ServiceContext): Promise<GetFederationTokenOutput> {
  const { caller } = ctx;
  // seen (AWS output quoted in hashicorp/vault#4108 and fwdcloudsec/granted#151)
  if (caller.kind === 'session') throw new AwsError('AccessDenied', 'Cannot call GetFederationToken with session credentials');

  const arn = federatedUserArn(caller.accountId, input.Name);
  const requested = input.Tags ?? [];
  const tags = sessionTags(requested, [], undefined);
  await authorize(input, arn, ctx);

  const policyArns = (input.PolicyArns ?? []).map((p) => p.arn ?? '');
  await checkSessionPolicies(input.Policy, policyArns, ctx.caller.accountId, ctx);
  const packed = packedPolicySize(input.Policy, policyArns, tags.tags);
  checkPackedSize(packed, tags.tags.length > 0);

  const asked = input.DurationSeconds ?? DEFAULT_SECONDS;
  const seconds = caller.kind === 'root' ? Math.min(asked, ROOT_MAX_SECONDS) : asked;
  const now = ctx.deps.clock.now();
  const draft: SessionDraft = {
    kind: 'FederatedUser',
    accountId: caller.accountId,
    arn,
    // The IAM user whose policies bound the session; none for root, which needs none.
    principalId: caller.kind === 'user' ? caller.user.id : undefined,
    sessionName: input.Name,
    sourceArn: caller.arn,
    issuedAt: now,
    expiresAt: now + seconds * 1000,
    policy: input.Policy,
    policyArns: policyArns.length > 0 ? policyArns : undefined,
    tags: tags.tags.length > 0 ? tags.tags : undefined,
    chainDepth: 0,
  };
  const { credentials } = await mint(draft, ctx);
  return {
    Credentials: credentials,
    FederatedUser: { FederatedUserId: `${caller.accountId}:${input.Name}`, Arn: arn },
    // AWS answers 0 when nothing was packed (recorded: LocalStack's test_get_federation_token).
    PackedPolicySize: packed,
  };
}

/**
 * `sts:GetFederationToken` on the federated user's ARN, and `sts:TagSession` as well when
 * session tags are passed, both with the request's tags as condition keys (IAM User Guide,
 * "Permissions for GetFederationToken", "Passing session tags in AWS STS").
 */
async function authorize(input: GetFederationTokenInput, arn: string, ctx: ServiceContext): Promise<void> {
  const requested = input.Tags ?? [];
  const context: [string, ContextValue][] = requested.map((t) => [`aws:RequestTag/${t.Key}`, t.Value]);
  if (requested.length > 0) context.push(['aws:TagKeys', requested.map((t) => t.Key)]);
  const actions = requested.length > 0 ? ['sts:GetFederationToken', 'sts:TagSession'] : ['sts:GetFederationToken'];
  for (const action of actions) await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: arn, context });
}
