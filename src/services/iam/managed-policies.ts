/**
 * Managed policies and their attachments: CreatePolicy, GetPolicy, DeletePolicy,
 * ListPolicies, Tag/Untag/ListPolicyTags, Attach/Detach/ListAttached{User,Role,Group}Policies. A policy is created with version `v1`
 * as its default; IAM's quota of 6144 characters without white space holds per version.
 * AWS managed policies (store/aws-managed-policies.ts) are read and attached like the
 * account's own, with their usage counted in the caller's account, and changed by no one.
 */
import { iamArn, parseArn, uniqueId } from '../../arn/index.js';
import { parsePolicy, policySize, POLICY_SIZE_QUOTA, type ContextValue } from '../../policy/index.js';
import {
  accounts, attachments, AWS_MANAGED_ACCOUNT, awsManagedPolicies, generation, managedPolicies, roles, UniqueViolation, users,
  type ManagedPolicyRecord, type Queryable, type Tag,
} from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { policyResource } from './arns.js';
import {
  attachedPolicyQuota, awsPolicyReadOnly, invalidArn, managedPolicyQuota, policyExists, policyHasVersions, policyInUse, policyNotAttachable, policyNotFound,
  policyTagsNotSupported, serviceRolePolicyNotAttachable,
} from './errors.js';
import { authorizedOwner, OWNERS, type OwnerKindSpec } from './owners.js';
import { paginate, type PageRequest } from './pagination.js';
import { refuseIfServiceLinked } from './protected-roles.js';
import { mergeTags, removeTags, tagContext, tagKeysContext, type TagList, tagPage, tagsOrAbsent } from './tags.js';

type Empty = Record<string, never>;

export interface PolicyView {
  readonly PolicyName: string;
  readonly PolicyId: string;
  readonly Arn: string;
  readonly Path: string;
  readonly DefaultVersionId: string;
  readonly AttachmentCount: number;
  readonly PermissionsBoundaryUsageCount: number;
  readonly IsAttachable: boolean;
  readonly Description?: string | undefined;
  readonly CreateDate: Date;
  readonly UpdateDate: Date;
  readonly Tags?: readonly Tag[] | undefined;
}

export interface AttachedPolicy {
  readonly PolicyName: string;
  readonly PolicyArn: string;
}

/** Usage is counted in `account`: see usageAccount. */
export async function policyView(q: Queryable, p: ManagedPolicyRecord, account: string, of: 'get' | 'list' = 'get'): Promise<PolicyView> {
  const full = of === 'get';
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersion,
    AttachmentCount: await attachments.count(q, p.arn, account),
    PermissionsBoundaryUsageCount: await boundaryUsage(q, p.arn, account),
    IsAttachable: true,
    // Listings leave out the description and the tags (ListPolicies' documentation).
    Description: full ? p.description : undefined,
    CreateDate: new Date(p.createdAt),
    UpdateDate: new Date(p.updatedAt),
    Tags: full ? tagsOrAbsent(p.tags) : undefined,
  };
}

export async function createPolicy(
  input: {
    readonly PolicyName: string;
    readonly PolicyDocument: string;
    readonly Path?: string | undefined;
    readonly Description?: string | undefined;
    readonly Tags?: readonly Tag[] | undefined;
  },
  ctx: ServiceContext,
): Promise<{ Policy: PolicyView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  const arn = policyResource(account, path, input.PolicyName);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreatePolicy', resource: arn, context: tagContext(input.Tags) });
  checkManagedDocument(input.PolicyDocument);
  // A new entity's tags: no key twice, at most the quota (the same rule as adding tags later).
  const tags = mergeTags([], input.Tags ?? [], 'Policy');
  const now = ctx.deps.clock.now();
  const policy: ManagedPolicyRecord = {
    id: uniqueId('policy', ctx.deps.random(17)),
    accountId: account,
    arn,
    name: input.PolicyName,
    path,
    description: input.Description,
    defaultVersion: 'v1',
    createdAt: now,
    updatedAt: now,
    tags,
  };
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      // Names are unique in the account whatever the path (and without regard to case);
      // the account lock makes the check hold under concurrent creates.
      await accounts.lock(tx, account);
      const taken = (await managedPolicies.list(tx, account)).some((p) => p.name.toLowerCase() === input.PolicyName.toLowerCase());
      if (taken) throw policyExists(input.PolicyName);
      await managedPolicies.insert(tx, policy, input.PolicyDocument);
      await generation.bump(tx);
      return { Policy: await policyView(tx, policy, account) };
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw policyExists(input.PolicyName);
    throw e;
  }
}

export async function getPolicy(input: { readonly PolicyArn: string }, ctx: ServiceContext): Promise<{ Policy: PolicyView }> {
  const policy = await authorizedPolicy(input.PolicyArn, 'iam:GetPolicy', ctx);
  return { Policy: await policyView(ctx.deps.db, policy, usageAccount(policy, ctx)) };
}

export async function deletePolicy(input: { readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> {
  await authorizePolicyChange(input.PolicyArn, 'iam:DeletePolicy', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const policy = await managedPolicies.byArn(tx, input.PolicyArn);
    if (policy === undefined) throw policyNotFound(input.PolicyArn);
    if ((await attachments.count(tx, policy.arn, policy.accountId)) > 0 || (await boundaryUsage(tx, policy.arn, policy.accountId)) > 0) throw policyInUse();
    if ((await managedPolicies.versions(tx, policy.id)).length > 1) throw policyHasVersions();
    await managedPolicies.remove(tx, policy.id);
    await generation.bump(tx);
  });
  return {};
}

/**
 * Managed policies by name: AWS's and the account's (`Scope=All`, the default), AWS's
 * alone (`AWS`) or the account's alone (`Local`), paged together. `OnlyAttached` keeps
 * those attached to a user or role of the account; `PolicyUsageFilter` those attached as
 * permissions policies (`PermissionsPolicy`) or used as a permissions boundary
 * (`PermissionsBoundary`) in the account.
 */
export async function listPolicies(
  input: PageRequest & {
    readonly Scope?: string | undefined;
    readonly OnlyAttached?: boolean | undefined;
    readonly PathPrefix?: string | undefined;
    readonly PolicyUsageFilter?: string | undefined;
  },
  ctx: ServiceContext,
): Promise<{ Policies: PolicyView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const account = ctx.caller.accountId;
  const prefix = input.PathPrefix ?? '/';
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListPolicies', resource: iamArn(account, 'policy', prefix, '') });
  const db = ctx.deps.db;
  const aws = input.Scope === 'Local' ? [] : awsManagedPolicies.list().map((p) => p.policy);
  const local = input.Scope === 'AWS' ? [] : await managedPolicies.list(db, account);
  // Usage is counted only when a filter asks; views are built for the page alone.
  const attachedOnly = input.OnlyAttached === true || input.PolicyUsageFilter === 'PermissionsPolicy';
  const kept: ManagedPolicyRecord[] = [];
  for (const p of [...aws, ...local]) {
    if (!p.path.startsWith(prefix)) continue;
    if (attachedOnly && (await attachments.count(db, p.arn, account)) === 0) continue;
    if (input.PolicyUsageFilter === 'PermissionsBoundary' && (await boundaryUsage(db, p.arn, account)) === 0) continue;
    kept.push(p);
  }
  // An account may name a policy like one of AWS's: the ARN keeps the keys unique.
  const page = paginate(kept, (p) => `${p.name.toLowerCase()}\u0000${p.arn}`, input);
  const views: PolicyView[] = [];
  for (const p of page.items) views.push(await policyView(db, p, account, 'list'));
  return { Policies: views, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function tagPolicy(input: { readonly PolicyArn: string; readonly Tags: readonly Tag[] }, ctx: ServiceContext): Promise<Empty> {
  await authorizePolicy(input.PolicyArn, 'iam:TagPolicy', ctx, tagContext(input.Tags));
  await changePolicyTags(input.PolicyArn, (tags) => mergeTags(tags, input.Tags, 'Policy'), ctx);
  return {};
}

export async function untagPolicy(input: { readonly PolicyArn: string; readonly TagKeys: readonly string[] }, ctx: ServiceContext): Promise<Empty> {
  await authorizePolicy(input.PolicyArn, 'iam:UntagPolicy', ctx, tagKeysContext(input.TagKeys));
  await changePolicyTags(input.PolicyArn, (tags) => removeTags(tags, input.TagKeys), ctx);
  return {};
}

export async function listPolicyTags(
  input: PageRequest & { readonly PolicyArn: string },
  ctx: ServiceContext,
): Promise<TagList> {
  const policy = await authorizedPolicy(input.PolicyArn, 'iam:ListPolicyTags', ctx);
  return tagPage(policy.tags, input);
}

/** One transaction: lock the policy, re-read its tags, write what `change` makes of them. */
async function changePolicyTags(arn: string, change: (tags: readonly Tag[]) => Tag[], ctx: ServiceContext): Promise<void> {
  if (awsManagedPolicies.byArn(arn) !== undefined) throw policyTagsNotSupported();
  await ctx.deps.db.transaction(async (tx) => {
    const found = await managedPolicies.byArn(tx, arn);
    if (found === undefined) throw policyNotFound(arn);
    await managedPolicies.lock(tx, found.id);
    const current = await managedPolicies.byArn(tx, arn);
    if (current === undefined) throw policyNotFound(arn);
    await managedPolicies.setTags(tx, current.id, change(current.tags));
    await generation.bump(tx);
  });
}

export const attachUserPolicy = (input: { readonly UserName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  attach(OWNERS.user, input.UserName, input.PolicyArn, ctx);
export const attachRolePolicy = (input: { readonly RoleName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  attach(OWNERS.role, input.RoleName, input.PolicyArn, ctx);
export const attachGroupPolicy = (input: { readonly GroupName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  attach(OWNERS.group, input.GroupName, input.PolicyArn, ctx);
export const detachUserPolicy = (input: { readonly UserName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  detach(OWNERS.user, input.UserName, input.PolicyArn, ctx);
export const detachRolePolicy = (input: { readonly RoleName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  detach(OWNERS.role, input.RoleName, input.PolicyArn, ctx);
export const detachGroupPolicy = (input: { readonly GroupName: string; readonly PolicyArn: string }, ctx: ServiceContext): Promise<Empty> =>
  detach(OWNERS.group, input.GroupName, input.PolicyArn, ctx);

type AttachedList = { AttachedPolicies: AttachedPolicy[]; IsTruncated: boolean; Marker?: string | undefined };
type ListAttachedInput = PageRequest & { readonly PathPrefix?: string | undefined };

export const listAttachedUserPolicies = (input: ListAttachedInput & { readonly UserName: string }, ctx: ServiceContext): Promise<AttachedList> =>
  listAttached(OWNERS.user, input.UserName, input, ctx);
export const listAttachedRolePolicies = (input: ListAttachedInput & { readonly RoleName: string }, ctx: ServiceContext): Promise<AttachedList> =>
  listAttached(OWNERS.role, input.RoleName, input, ctx);
export const listAttachedGroupPolicies = (input: ListAttachedInput & { readonly GroupName: string }, ctx: ServiceContext): Promise<AttachedList> =>
  listAttached(OWNERS.group, input.GroupName, input, ctx);

async function attach(spec: OwnerKindSpec, ownerName: string, policyArn: string, ctx: ServiceContext): Promise<Empty> {
  const owner = await authorizedOwner(spec, ownerName, `iam:Attach${spec.title}Policy`, ctx, [['iam:PolicyARN', policyArn]]);
  refuseIfServiceLinked(owner);
  if (parseArn(policyArn) === undefined) throw invalidArn();
  if (awsManagedPolicies.isServiceRolePolicy(policyArn)) throw serviceRolePolicyNotAttachable();
  await ctx.deps.db.transaction(async (tx) => {
    const policy = await managedPolicies.resolve(tx, policyArn);
    // Another account's customer managed policy is not attachable here; AWS's are, everywhere.
    if (policy === undefined || usageAccount(policy, ctx) !== ctx.caller.accountId) throw policyNotAttachable(policyArn);
    if (!(await spec.lock(tx, owner.id))) throw spec.noSuchOwner(ownerName);
    const attached = await attachments.forOwner(tx, owner.id);
    if (!attached.includes(policyArn) && attached.length >= spec.attachedQuota) throw attachedPolicyQuota(spec.title, spec.attachedQuota);
    await attachments.attach(tx, policyArn, owner.id, spec.kind);
    await generation.bump(tx);
  });
  return {};
}

async function detach(spec: OwnerKindSpec, ownerName: string, policyArn: string, ctx: ServiceContext): Promise<Empty> {
  const owner = await authorizedOwner(spec, ownerName, `iam:Detach${spec.title}Policy`, ctx, [['iam:PolicyARN', policyArn]]);
  refuseIfServiceLinked(owner);
  if (parseArn(policyArn) === undefined) throw invalidArn();
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await attachments.detach(tx, policyArn, owner.id))) throw policyNotFound(policyArn);
    await generation.bump(tx);
  });
  return {};
}

async function listAttached(spec: OwnerKindSpec, ownerName: string, request: ListAttachedInput, ctx: ServiceContext): Promise<AttachedList> {
  const owner = await authorizedOwner(spec, ownerName, `iam:ListAttached${spec.title}Policies`, ctx);
  const prefix = request.PathPrefix ?? '/';
  const found: ManagedPolicyRecord[] = [];
  for (const arn of await attachments.forOwner(ctx.deps.db, owner.id)) {
    const policy = await managedPolicies.resolve(ctx.deps.db, arn);
    if (policy !== undefined && policy.path.startsWith(prefix)) found.push(policy);
  }
  const page = paginate(found, (p) => p.arn, request);
  return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** A policy read for an operation authorized on it; NoSuchEntity when there is none. */
export async function authorizedPolicy(arn: string, action: string, ctx: ServiceContext): Promise<ManagedPolicyRecord> {
  await authorizePolicy(arn, action, ctx);
  const policy = await managedPolicies.resolve(ctx.deps.db, arn);
  if (policy === undefined) throw policyNotFound(arn);
  return policy;
}

/**
 * Authorizes a change to a policy (a delete or a version operation), which no caller
 * may make to an AWS managed policy, however broad its permissions.
 */
export async function authorizePolicyChange(arn: string, action: string, ctx: ServiceContext): Promise<void> {
  await authorizePolicy(arn, action, ctx);
  if (awsManagedPolicies.byArn(arn) !== undefined) throw awsPolicyReadOnly(ctx.caller.arn, action, arn);
}

/** A managed policy's document (any version): an identity policy within IAM's size quota. */
export function checkManagedDocument(text: string): void {
  parsePolicy(text, 'identity');
  if (policySize(text) > POLICY_SIZE_QUOTA.managed) throw managedPolicyQuota();
}

/**
 * The ARN is the resource: it must parse before anything is authorized on it. AWS's
 * policies (account `aws`) are no other account's resource: IAM decides calls on them
 * by the caller's identity policies alone, so they are authorized as the caller's own.
 * That opens nothing: there is no resource policy to grant, and account `aws` holds
 * nothing but AWS's read-only policies (accounts are twelve digits).
 */
export async function authorizePolicy(arn: string, action: string, ctx: ServiceContext, context: Iterable<readonly [string, ContextValue]> = []): Promise<void> {
  const parsed = parseArn(arn);
  if (parsed === undefined) throw invalidArn();
  const resourceAccount = parsed.account === AWS_MANAGED_ACCOUNT ? undefined : parsed.account;
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: arn, resourceAccount, context });
}

/** The account a policy's usage is counted in: its own, or for AWS's, the caller's. */
export function usageAccount(policy: ManagedPolicyRecord, ctx: ServiceContext): string {
  return awsManagedPolicies.owns(policy) ? ctx.caller.accountId : policy.accountId;
}

async function boundaryUsage(q: Queryable, arn: string, account: string): Promise<number> {
  return (await users.countWithBoundary(q, arn, account)) + (await roles.countWithBoundary(q, arn, account));
}
