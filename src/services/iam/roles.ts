/**
 * IAM roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy,
 * DeleteRole, TagRole, UntagRole, ListRoleTags. A role's trust policy is stored with its
 * IAM principals bound to their unique ids (trust-principals.ts) and shown with them
 * read back; its text is otherwise kept as written and returned as is (the protocol
 * layer URL-encodes it, as IAM does on the wire).
 */
import { iamArn, uniqueId } from '../../arn/index.js';
import { roleArn } from '../../auth/caller.js';
import { parsePolicy, policySize, POLICY_SIZE_QUOTA, type ContextValue } from '../../policy/index.js';
import { attachments, generation, inlinePolicies, instanceProfiles, roles, UniqueViolation, type Queryable, type RoleRecord, type Tag } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { boundaryContext, checkBoundary } from './boundary.js';
import { roleResource } from './arns.js';
import { constraintViolation, deleteConflict, noSuchRole, roleExists, trustPolicyQuota } from './errors.js';
import { paginate, type PageRequest } from './pagination.js';
import { refuseIfServiceLinked } from './protected-roles.js';
import { mergeTags, removeTags, tagContext, tagKeysContext, type TagList, tagPage, tagsOrAbsent } from './tags.js';
import { bindTrustPrincipals, showTrustPrincipals } from './trust-principals.js';

const MIN_SESSION = 3600;
const MAX_SESSION = 43200;

export interface RoleView {
  readonly Path: string;
  readonly RoleName: string;
  readonly RoleId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  /** The text as stored (principals shown as ARNs while they exist), CreateRole's as sent; not URL-encoded here. */
  readonly AssumeRolePolicyDocument: string;
  readonly Description?: string | undefined;
  readonly MaxSessionDuration?: number | undefined;
  readonly PermissionsBoundary?: { readonly PermissionsBoundaryType: 'Policy'; readonly PermissionsBoundaryArn: string } | undefined;
  readonly Tags?: readonly Tag[] | undefined;
  readonly RoleLastUsed?: { readonly LastUsedDate?: Date | undefined; readonly Region?: string | undefined } | undefined;
}

/**
 * Which members each response carries, as recorded from AWS: CreateRole leaves out
 * MaxSessionDuration and RoleLastUsed; GetRole has everything, RoleLastUsed `{}` for a
 * role never used; ListRoles leaves out Tags, PermissionsBoundary and RoleLastUsed.
 */
type ViewOf = 'create' | 'get' | 'list';

export async function roleView(q: Queryable, role: RoleRecord, of: ViewOf): Promise<RoleView> {
  const boundary = role.boundaryArn === undefined ? undefined : { PermissionsBoundaryType: 'Policy' as const, PermissionsBoundaryArn: role.boundaryArn };
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: roleArn(role),
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: await showTrustPrincipals(q, role.trustPolicy),
    Description: role.description,
    MaxSessionDuration: of === 'create' ? undefined : role.maxSessionDuration,
    PermissionsBoundary: of === 'list' ? undefined : boundary,
    Tags: of === 'list' ? undefined : tagsOrAbsent(role.tags),
    RoleLastUsed:
      of !== 'get'
        ? undefined
        : role.lastUsedAt === undefined
          ? {}
          : { LastUsedDate: new Date(role.lastUsedAt), Region: role.lastUsedRegion },
  };
}

export interface CreateRoleInput {
  readonly RoleName: string;
  readonly AssumeRolePolicyDocument: string;
  readonly Path?: string | undefined;
  readonly Description?: string | undefined;
  readonly MaxSessionDuration?: number | undefined;
  readonly PermissionsBoundary?: string | undefined;
  readonly Tags?: readonly Tag[] | undefined;
}

export async function createRole(input: CreateRoleInput, ctx: ServiceContext): Promise<{ Role: RoleView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  const context: [string, ContextValue][] = tagContext(input.Tags);
  if (input.PermissionsBoundary !== undefined) context.push(['iam:PermissionsBoundary', input.PermissionsBoundary]);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreateRole', resource: roleResource(account, path, input.RoleName), context });

  const maxSessionDuration = checkSessionDuration(input.MaxSessionDuration) ?? MIN_SESSION;
  checkTrustPolicy(input.AssumeRolePolicyDocument);
  // A new entity's tags: no key twice, at most the quota (the same rule as adding tags later).
  const tags = mergeTags([], input.Tags ?? [], 'Role');

  try {
    return await ctx.deps.db.transaction(async (tx) => {
      if (input.PermissionsBoundary !== undefined) await checkBoundary(tx, account, input.PermissionsBoundary);
      const role: RoleRecord = {
        id: uniqueId('role', ctx.deps.random(17)),
        accountId: account,
        name: input.RoleName,
        path,
        trustPolicy: await bindTrustPrincipals(tx, input.AssumeRolePolicyDocument),
        description: input.Description,
        maxSessionDuration,
        createdAt: ctx.deps.clock.now(),
        boundaryArn: input.PermissionsBoundary,
        tags,
        lastUsedAt: undefined,
        lastUsedRegion: undefined,
      };
      await roles.insert(tx, role);
      await generation.bump(tx);
      // AWS answers CreateRole with the trust policy as sent, before its principals are
      // bound: a bare account id stays one (LocalStack's recording of real AWS,
      // TestSTSIntegrations::test_assume_role). Reads show the stored, bound form.
      return { Role: { ...(await roleView(tx, role, 'create')), AssumeRolePolicyDocument: input.AssumeRolePolicyDocument } };
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw roleExists(input.RoleName);
    throw e;
  }
}

export async function getRole(input: { readonly RoleName: string }, ctx: ServiceContext): Promise<{ Role: RoleView }> {
  const role = await authorizedRole(input.RoleName, 'iam:GetRole', [], ctx);
  return { Role: await roleView(ctx.deps.db, role, 'get') };
}

export async function listRoles(
  input: PageRequest & { readonly PathPrefix?: string | undefined },
  ctx: ServiceContext,
): Promise<{ Roles: RoleView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const account = ctx.caller.accountId;
  const prefix = input.PathPrefix ?? '/';
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListRoles', resource: iamArn(account, 'role', prefix, '') });
  const page = paginate(await roles.list(ctx.deps.db, account, prefix), (r) => r.name.toLowerCase(), input);
  const views: RoleView[] = [];
  for (const role of page.items) views.push(await roleView(ctx.deps.db, role, 'list'));
  return { Roles: views, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function updateRole(
  input: { readonly RoleName: string; readonly Description?: string | undefined; readonly MaxSessionDuration?: number | undefined },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:UpdateRole', [], ctx);
  const duration = checkSessionDuration(input.MaxSessionDuration);
  await changeRole(role, input.RoleName, ctx, async (current) => ({
    ...current,
    description: input.Description === undefined ? current.description : input.Description,
    maxSessionDuration: duration ?? current.maxSessionDuration,
  }));
  return {};
}

export async function updateAssumeRolePolicy(
  input: { readonly RoleName: string; readonly PolicyDocument: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:UpdateAssumeRolePolicy', [], ctx);
  refuseIfServiceLinked(role);
  checkTrustPolicy(input.PolicyDocument);
  await changeRole(role, input.RoleName, ctx, async (current, tx) => ({
    ...current,
    trustPolicy: await bindTrustPrincipals(tx, input.PolicyDocument),
  }));
  return {};
}

export async function putRolePermissionsBoundary(
  input: { readonly RoleName: string; readonly PermissionsBoundary: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:PutRolePermissionsBoundary', boundaryContext(input.PermissionsBoundary), ctx);
  refuseIfServiceLinked(role);
  await changeRole(role, input.RoleName, ctx, async (current, tx) => {
    await checkBoundary(tx, current.accountId, input.PermissionsBoundary);
    return { ...current, boundaryArn: input.PermissionsBoundary };
  });
  return {};
}

export async function deleteRolePermissionsBoundary(input: { readonly RoleName: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  // The condition key names the boundary being removed, so it is read before authorizing.
  const existing = await roles.byName(ctx.deps.db, ctx.caller.accountId, input.RoleName);
  const role = await authorizedRole(input.RoleName, 'iam:DeleteRolePermissionsBoundary', boundaryContext(existing?.boundaryArn), ctx);
  refuseIfServiceLinked(role);
  await changeRole(role, input.RoleName, ctx, async (current) => ({ ...current, boundaryArn: undefined }));
  return {};
}

export async function deleteRole(input: { readonly RoleName: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:DeleteRole', [], ctx);
  refuseIfServiceLinked(role);
  await ctx.deps.db.transaction(async (tx) => {
    // Locked first, so an AddRoleToInstanceProfile under way (which locks it too) either
    // finishes before the check below or finds the role gone.
    if (!(await roles.lock(tx, role.id))) throw noSuchRole(input.RoleName);
    // As for users, then a role still in an instance profile: the order DeleteRole's
    // documentation lists what to remove in.
    if ((await inlinePolicies.forOwner(tx, role.id)).length > 0) throw deleteConflict('delete policies');
    if ((await attachments.forOwner(tx, role.id)).length > 0) throw deleteConflict('detach all policies');
    if ((await instanceProfiles.forRole(tx, role.id)).length > 0) throw deleteConflict('remove roles from instance profile');
    await roles.remove(tx, role.id);
    await generation.bump(tx);
  });
  return {};
}

export async function tagRole(input: { readonly RoleName: string; readonly Tags: readonly Tag[] }, ctx: ServiceContext): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:TagRole', tagContext(input.Tags), ctx);
  mergeTags(role.tags, input.Tags, 'Role');
  await changeRole(role, input.RoleName, ctx, async (current) => ({ ...current, tags: mergeTags(current.tags, input.Tags, 'Role') }));
  return {};
}

export async function untagRole(
  input: { readonly RoleName: string; readonly TagKeys: readonly string[] },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const role = await authorizedRole(input.RoleName, 'iam:UntagRole', tagKeysContext(input.TagKeys), ctx);
  await changeRole(role, input.RoleName, ctx, async (current) => ({ ...current, tags: removeTags(current.tags, input.TagKeys) }));
  return {};
}

export async function listRoleTags(
  input: PageRequest & { readonly RoleName: string },
  ctx: ServiceContext,
): Promise<TagList> {
  const role = await authorizedRole(input.RoleName, 'iam:ListRoleTags', [], ctx);
  return tagPage(role.tags, input);
}

/** Looks the role up, authorizes the action on its ARN, then says whether it exists. */
async function authorizedRole(name: string, action: string, context: Iterable<readonly [string, ContextValue]>, ctx: ServiceContext): Promise<RoleRecord> {
  const account = ctx.caller.accountId;
  const role = await roles.byName(ctx.deps.db, account, name);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: roleResource(account, role?.path ?? '/', role?.name ?? name), context });
  if (role === undefined) throw noSuchRole(name);
  return role;
}

/** One transaction: lock the role, re-read it, write what `change` makes of it. */
async function changeRole(
  role: RoleRecord,
  name: string,
  ctx: ServiceContext,
  change: (current: RoleRecord, tx: Queryable) => Promise<RoleRecord>,
): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await roles.lock(tx, role.id);
    const current = await roles.byId(tx, role.id);
    if (current === undefined) throw noSuchRole(name);
    await roles.update(tx, await change(current, tx));
    await generation.bump(tx);
  });
}

function checkTrustPolicy(text: string): void {
  parsePolicy(text, 'trust');
  if (policySize(text) > POLICY_SIZE_QUOTA.trust) throw trustPolicyQuota();
}

function checkSessionDuration(seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  if (!Number.isInteger(seconds) || seconds < MIN_SESSION) {
    throw constraintViolation('maxSessionDuration', seconds, `Member must have value greater than or equal to ${MIN_SESSION}`);
  }
  if (seconds > MAX_SESSION) throw constraintViolation('maxSessionDuration', seconds, `Member must have value less than or equal to ${MAX_SESSION}`);
  return seconds;
}

/** A permissions boundary must be a managed policy of the account that exists. */
