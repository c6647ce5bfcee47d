/**
 * STS AssumeRoleWithWebIdentity: the one call nobody signs. The token stands in for a
 * signature (web-identity-token.ts verifies it); the role's trust policy alone decides,
 * for the provider as a Federated principal, with the token's claims as the
 * `ISSUER:sub` / `ISSUER:aud` condition keys. Session tags come from the token's
 * `https://aws.amazon.com/tags` claim, a source identity from
 * `https://aws.amazon.com/source_identity` (IAM User Guide, "Pass session tags using
 * AssumeRoleWithWebIdentity" and "Monitor and control actions taken with assumed roles").
 */
import { parseIamEntityArn } from '../../arn/index.js';
import { timeContext } from '../../auth/request-context.js';
import { AwsError } from '../../errors.js';
import { RequestContext, requestPrincipal, type ContextValue } from '../../policy/index.js';
import type { RoleRecord } from '../../store/index.js';
import type { UnsignedContext } from '../context.js';
import { mintRoleSession, type Credentials } from './mint.js';
import { checkPackedSize, packedPolicySize, sessionDuration, sessionTags } from './session-limits.js';
import { checkSessionPolicies } from './session-policies.js';
import { verifyWebIdentityToken, type VerifiedToken } from './web-identity-token.js';

export interface AssumeRoleWithWebIdentityInput {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly WebIdentityToken: string;
  readonly ProviderId?: string | undefined;
  readonly DurationSeconds?: number | undefined;
  readonly Policy?: string | undefined;
  readonly PolicyArns?: readonly { readonly arn?: string | undefined }[] | undefined;
}

export interface AssumeRoleWithWebIdentityOutput {
  readonly Credentials: Credentials;
  readonly SubjectFromWebIdentityToken: string;
  readonly AssumedRoleUser: { readonly AssumedRoleId: string; readonly Arn: string };
  readonly PackedPolicySize?: number | undefined;
  readonly Provider: string;
  readonly Audience: string;
  readonly SourceIdentity?: string | undefined;
}

const TAGS_CLAIM = 'https://aws.amazon.com/tags';
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

/** seen (AccessDenied, 403); AWS names neither the role nor the principal here. */
const denied = (): AwsError => new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');

export async function assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityInput, ctx: UnsignedContext): Promise<AssumeRoleWithWebIdentityOutput> {
  // ProviderId names OAuth 2.0 providers (Facebook, Login with Amazon) whose tokens are not JWTs; rolegate verifies OIDC tokens only.
  if (input.ProviderId !== undefined) throw new AwsError('InvalidParameterValue', 'ProviderId is not supported by this endpoint; use an OpenID Connect ID token.');
  const parsed = parseIamEntityArn(input.RoleArn);
  // seen (AssumeRole's text for a RoleArn that is not a role's ARN).
  if (parsed === undefined || parsed.type !== 'role') throw new AwsError('ValidationError', `${input.RoleArn} is invalid`);
  const now = ctx.deps.clock.now();
  const token = await verifyWebIdentityToken(input.WebIdentityToken, parsed.account, ctx.deps.db, ctx.oidcKeys, now);

  const role = await ctx.entities.roleByName(parsed.account, parsed.name);
  if (role === undefined || role.path !== parsed.path) throw denied();
  const claimed = claimedTags(token);
  const sourceIdentity = claimedSourceIdentity(token);
  const tags = sessionTags(claimed.tags, claimed.transitive, undefined);
  authorizeTrust(input, role, token, claimed.tags, sourceIdentity, ctx, now);

  const seconds = sessionDuration(input.DurationSeconds, role.maxSessionDuration, false);
  const policyArns = (input.PolicyArns ?? []).map((p) => p.arn ?? '');
  await checkSessionPolicies(input.Policy, policyArns, role.accountId, ctx);
  const hasSessionExtras = input.Policy !== undefined || policyArns.length > 0 || tags.tags.length > 0;
  const packed = packedPolicySize(input.Policy, policyArns, tags.tags);
  checkPackedSize(packed, tags.tags.length > 0);

  const session = await mintRoleSession(
    {
      role,
      sessionName: input.RoleSessionName,
      sourceArn: token.provider.arn,
      issuedAt: now,
      seconds,
      policy: input.Policy,
      policyArns,
      tags,
      sourceIdentity,
      chainDepth: 0,
    },
    ctx,
  );
  return {
    Credentials: session.Credentials,
    SubjectFromWebIdentityToken: token.subject,
    AssumedRoleUser: session.AssumedRoleUser,
    PackedPolicySize: hasSessionExtras ? packed : undefined,
    // AWS answers with the provider's URL as registered, without the scheme.
    Provider: token.provider.url,
    Audience: token.audience,
    SourceIdentity: sourceIdentity,
  };
}

/**
 * The trust policy must allow the provider (as a Federated principal) to call
 * sts:AssumeRoleWithWebIdentity, and sts:TagSession / sts:SetSourceIdentity when the
 * token carries tags or a source identity. The web identity has no identity policies.
 */
function authorizeTrust(
  input: AssumeRoleWithWebIdentityInput,
  role: RoleRecord,
  token: VerifiedToken,
  tags: readonly { Key: string; Value: string }[],
  sourceIdentity: string | undefined,
  ctx: UnsignedContext,
  now: number,
): void {
  const issuer = token.provider.url;
  const context: [string, ContextValue][] = [
    [`${issuer}:sub`, token.subject],
    [`${issuer}:aud`, token.audience],
    ['aws:FederatedProvider', token.provider.arn],
    ['sts:RoleSessionName', input.RoleSessionName],
    ...timeContext(now),
    ['aws:SourceIp', ctx.facts.sourceIp],
    ['aws:SecureTransport', String(ctx.facts.secureTransport)],
  ];
  if (ctx.facts.userAgent !== undefined) context.push(['aws:UserAgent', ctx.facts.userAgent]);
  for (const t of tags) context.push([`aws:RequestTag/${t.Key}`, t.Value]);
  if (tags.length > 0) context.push(['aws:TagKeys', tags.map((t) => t.Key)]);
  if (sourceIdentity !== undefined) context.push(['sts:SourceIdentity', sourceIdentity]);
  const actions = ['sts:AssumeRoleWithWebIdentity'];
  if (tags.length > 0) actions.push('sts:TagSession');
  if (sourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  const principal = requestPrincipal({ type: 'WebIdentity', arn: token.provider.arn });
  for (const action of actions) {
    const decision = ctx.authorizer.decideTrust({ principal, action, resource: input.RoleArn, resourceAccount: role.accountId, context: new RequestContext(context) }, role);
    if (decision.effect !== 'Allow') throw denied();
  }
}

/** The token's session tags claim: `principal_tags` (each a one-string list) and `transitive_tag_keys`. */
function claimedTags(token: VerifiedToken): { tags: { Key: string; Value: string }[]; transitive: string[] } {
  const claim = token.claims[TAGS_CLAIM];
  if (claim === undefined) return { tags: [], transitive: [] };
  const malformed = (): AwsError => new AwsError('InvalidIdentityToken', 'The session tags claim of the web identity token is malformed.');
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw malformed();
  const record = claim as Record<string, unknown>;
  const principalTags = record['principal_tags'] ?? {};
  const transitive = record['transitive_tag_keys'] ?? [];
  if (typeof principalTags !== 'object' || principalTags === null || Array.isArray(principalTags)) throw malformed();
  if (!Array.isArray(transitive) || !transitive.every((k): k is string => typeof k === 'string')) throw malformed();
  const tags: { Key: string; Value: string }[] = [];
  for (const [key, value] of Object.entries(principalTags as Record<string, unknown>)) {
    const v: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (typeof v !== 'string') throw malformed();
    tags.push({ Key: key, Value: v });
  }
  // The limits of AssumeRole's Tags (STS API model): 50 tags, keys 1–128, values 0–256 characters.
  if (tags.length > 50 || tags.some((t) => t.Key.length < 1 || t.Key.length > 128 || t.Value.length > 256)) throw malformed();
  return { tags, transitive };
}

function claimedSourceIdentity(token: VerifiedToken): string | undefined {
  const value = token.claims[SOURCE_IDENTITY_CLAIM];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\w+=,.@-]{2,64}$/u.test(value)) {
    throw new AwsError('InvalidIdentityToken', 'The source identity claim of the web identity token is malformed.');
  }
  return value;
}
