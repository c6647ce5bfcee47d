/**
 * IAM OpenID Connect providers: CreateOpenIDConnectProvider, Get, List, Delete,
 * UpdateOpenIDConnectProviderThumbprint, Add/RemoveClientIDFrom…Provider and the
 * provider's tags. A provider is what AssumeRoleWithWebIdentity trusts: its URL is the
 * token issuer, its client ids the audiences it accepts, its thumbprints the certificate
 * that may serve its keys. No policy names a provider by id, so nothing is cached on it.
 */
import type { ContextValue } from '../../policy/index.js';
import { oidcProviders, UniqueViolation, type OidcProviderRecord, type Tag } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { clientIdQuota, invalidOidcUrl, invalidThumbprint, noSuchOidcProvider, oidcProviderExists, thumbprintQuota } from './errors.js';
import { paginate, type PageRequest } from './pagination.js';
import { mergeTags, removeTags, tagContext, tagKeysContext, tagsOrAbsent } from './tags.js';

type Empty = Record<string, never>;
type ArnInput = { readonly OpenIDConnectProviderArn: string };

/** IAM's quotas per provider (IAM User Guide, "IAM and AWS STS quotas"). */
const MAX_CLIENT_IDS = 100;
const MAX_THUMBPRINTS = 5;

/** The provider's ARN: `oidc-provider/` and its URL without the scheme. */
export const oidcProviderArn = (account: string, url: string): string => `arn:aws:iam::${account}:oidc-provider/${url}`;

/**
 * The URL as IAM keeps it (without `https://`), or InvalidInput. Only https is
 * accepted, as in AWS: the issuer's keys are fetched from it.
 */
export function providerUrl(url: string): string {
  if (!url.toLowerCase().startsWith('https://')) throw invalidOidcUrl();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidOidcUrl();
  }
  if (parsed.hostname === '' || parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') throw invalidOidcUrl();
  return url.slice('https://'.length);
}

function checkThumbprints(list: readonly string[]): string[] {
  if (list.length > MAX_THUMBPRINTS) throw thumbprintQuota(MAX_THUMBPRINTS);
  if (!list.every((t) => /^[0-9a-fA-F]{40}$/.test(t))) throw invalidThumbprint();
  return [...new Set(list)];
}

function checkClientIds(list: readonly string[]): string[] {
  const ids = [...new Set(list)];
  if (ids.length > MAX_CLIENT_IDS) throw clientIdQuota(MAX_CLIENT_IDS);
  return ids;
}

export async function createOpenIDConnectProvider(
  input: { readonly Url: string; readonly ClientIDList?: readonly string[] | undefined; readonly ThumbprintList: readonly string[]; readonly Tags?: readonly Tag[] | undefined },
  ctx: ServiceContext,
): Promise<{ OpenIDConnectProviderArn: string; Tags?: readonly Tag[] | undefined }> {
  const account = ctx.caller.accountId;
  const url = providerUrl(input.Url);
  const arn = oidcProviderArn(account, url);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreateOpenIDConnectProvider', resource: arn, context: tagContext(input.Tags) });
  const provider: OidcProviderRecord = {
    arn,
    accountId: account,
    url,
    clientIds: checkClientIds(input.ClientIDList ?? []),
    thumbprints: checkThumbprints(input.ThumbprintList),
    tags: mergeTags([], input.Tags ?? [], 'OpenIDConnectProvider'),
    createdAt: ctx.deps.clock.now(),
  };
  try {
    await oidcProviders.insert(ctx.deps.db, provider);
  } catch (e) {
    if (e instanceof UniqueViolation) throw oidcProviderExists(input.Url);
    throw e;
  }
  return { OpenIDConnectProviderArn: arn, Tags: tagsOrAbsent(provider.tags) };
}

export async function getOpenIDConnectProvider(
  input: ArnInput,
  ctx: ServiceContext,
): Promise<{ Url: string; ClientIDList: readonly string[]; ThumbprintList: readonly string[]; CreateDate: Date; Tags?: readonly Tag[] | undefined }> {
  const p = await authorizedProvider(input.OpenIDConnectProviderArn, 'iam:GetOpenIDConnectProvider', [], ctx);
  return { Url: p.url, ClientIDList: p.clientIds, ThumbprintList: p.thumbprints, CreateDate: new Date(p.createdAt), Tags: tagsOrAbsent(p.tags) };
}

export async function listOpenIDConnectProviders(_input: unknown, ctx: ServiceContext): Promise<{ OpenIDConnectProviderList: { Arn: string }[] }> {
  const account = ctx.caller.accountId;
  // The action names no resource type (Service Authorization Reference): the resource is `*`.
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListOpenIDConnectProviders', resource: '*' });
  const found = await oidcProviders.list(ctx.deps.db, account);
  return { OpenIDConnectProviderList: found.map((p) => ({ Arn: p.arn })) };
}

export async function deleteOpenIDConnectProvider(input: ArnInput, ctx: ServiceContext): Promise<Empty> {
  const p = await authorizedProvider(input.OpenIDConnectProviderArn, 'iam:DeleteOpenIDConnectProvider', [], ctx);
  if (!(await oidcProviders.remove(ctx.deps.db, p.arn))) throw noSuchOidcProvider(p.arn);
  return {};
}

export async function updateOpenIDConnectProviderThumbprint(input: ArnInput & { readonly ThumbprintList: readonly string[] }, ctx: ServiceContext): Promise<Empty> {
  const thumbprints = checkThumbprints(input.ThumbprintList);
  return change(input, 'iam:UpdateOpenIDConnectProviderThumbprint', [], ctx, (p) => ({ ...p, thumbprints }));
}

export async function addClientIDToOpenIDConnectProvider(input: ArnInput & { readonly ClientID: string }, ctx: ServiceContext): Promise<Empty> {
  return change(input, 'iam:AddClientIDToOpenIDConnectProvider', [], ctx, (p) => ({ ...p, clientIds: checkClientIds([...p.clientIds, input.ClientID]) }));
}

/** Removing a client id the provider does not have succeeds and changes nothing (API reference). */
export async function removeClientIDFromOpenIDConnectProvider(input: ArnInput & { readonly ClientID: string }, ctx: ServiceContext): Promise<Empty> {
  return change(input, 'iam:RemoveClientIDFromOpenIDConnectProvider', [], ctx, (p) => ({ ...p, clientIds: p.clientIds.filter((id) => id !== input.ClientID) }));
}

export async function tagOpenIDConnectProvider(input: ArnInput & { readonly Tags: readonly Tag[] }, ctx: ServiceContext): Promise<Empty> {
  return change(input, 'iam:TagOpenIDConnectProvider', tagContext(input.Tags), ctx, (p) => ({ ...p, tags: mergeTags(p.tags, input.Tags, 'OpenIDConnectProvider') }));
}

export async function untagOpenIDConnectProvider(input: ArnInput & { readonly TagKeys: readonly string[] }, ctx: ServiceContext): Promise<Empty> {
  return change(input, 'iam:UntagOpenIDConnectProvider', tagKeysContext(input.TagKeys), ctx, (p) => ({ ...p, tags: removeTags(p.tags, input.TagKeys) }));
}

export async function listOpenIDConnectProviderTags(
  input: PageRequest & ArnInput,
  ctx: ServiceContext,
): Promise<{ Tags: Tag[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const p = await authorizedProvider(input.OpenIDConnectProviderArn, 'iam:ListOpenIDConnectProviderTags', [], ctx);
  const page = paginate(p.tags, (t) => t.Key.toLowerCase(), input);
  return { Tags: [...page.items], IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** Authorizes the action on the ARN as given, then says whether the caller's account has it. */
async function authorizedProvider(arn: string, action: string, context: Iterable<readonly [string, ContextValue]>, ctx: ServiceContext): Promise<OidcProviderRecord> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: arn, context });
  const p = await oidcProviders.byArn(ctx.deps.db, arn);
  if (p === undefined || p.accountId !== ctx.caller.accountId) throw noSuchOidcProvider(arn);
  return p;
}

/** Read, change and write in one transaction, so two concurrent changes cannot lose one. */
async function change(
  input: ArnInput,
  action: string,
  context: Iterable<readonly [string, ContextValue]>,
  ctx: ServiceContext,
  apply: (p: OidcProviderRecord) => OidcProviderRecord,
): Promise<Empty> {
  await authorizedProvider(input.OpenIDConnectProviderArn, action, context, ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const current = await oidcProviders.byArn(tx, input.OpenIDConnectProviderArn);
    if (current === undefined || !(await oidcProviders.update(tx, apply(current)))) throw noSuchOidcProvider(input.OpenIDConnectProviderArn);
  });
  return {};
}
