/** IAM users: CreateUser, GetUser, ListUsers, DeleteUser, TagUser, UntagUser, ListUserTags. */
import { iamArn, uniqueId } from '../../arn/index.js';
import { userArn } from '../../auth/caller.js';
import { rootArn, type ContextValue } from '../../policy/index.js';
import { accessKeys, accounts, attachments, generation, groups, inlinePolicies, mfaDevices, serviceCredentials, UniqueViolation, users, type Queryable, type Tag, type UserRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { boundaryContext, checkBoundary } from './boundary.js';
import { userResource } from './arns.js';
import { deleteConflict, noSuchUser, userExists } from './errors.js';
import { authorizedOwner, OWNERS } from './owners.js';
import { paginate, type PageRequest } from './pagination.js';
import { authorizeSubject } from './subject.js';
import { mergeTags, removeTags, tagContext, tagKeysContext, type TagList, tagPage, tagsOrAbsent } from './tags.js';

export interface UserView {
  readonly Path: string;
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly Tags?: readonly Tag[] | undefined;
  /** IAM answers `Policy` here, although its API model's enum says `PermissionsBoundaryPolicy`. */
  readonly PermissionsBoundary?: { readonly PermissionsBoundaryType: 'Policy'; readonly PermissionsBoundaryArn: string } | undefined;
}

/** GetUser without a name, called by the root user: AWS gives no UserName and no Path. */
export interface RootUserView {
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
}

/**
 * A user as a response shows it. Listings leave out Tags and PermissionsBoundary ("IAM
 * resource-listing operations return a subset of the available attributes").
 */
export function userView(user: UserRecord, full: boolean): UserView {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: userArn(user),
    CreateDate: new Date(user.createdAt),
    Tags: full ? tagsOrAbsent(user.tags) : undefined,
    PermissionsBoundary:
      !full || user.boundaryArn === undefined ? undefined : { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: user.boundaryArn },
  };
}

export async function createUser(
  input: {
    readonly UserName: string;
    readonly Path?: string | undefined;
    readonly PermissionsBoundary?: string | undefined;
    readonly Tags?: readonly Tag[] | undefined;
  },
  ctx: ServiceContext,
): Promise<{ User: UserView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  const context = tagContext(input.Tags);
  if (input.PermissionsBoundary !== undefined) context.push(['iam:PermissionsBoundary', input.PermissionsBoundary]);
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:CreateUser',
    resource: userResource(account, path, input.UserName),
    context,
  });
  // A new entity's tags: no key twice, at most the quota (the same rule as adding tags later).
  const tags = mergeTags([], input.Tags ?? [], 'User');
  const user: UserRecord = {
    id: uniqueId('user', ctx.deps.random(17)),
    accountId: account,
    name: input.UserName,
    path,
    createdAt: ctx.deps.clock.now(),
    boundaryArn: input.PermissionsBoundary,
    tags,
  };
  try {
    await ctx.deps.db.transaction(async (tx) => {
      if (input.PermissionsBoundary !== undefined) await checkBoundary(tx, account, input.PermissionsBoundary);
      await users.insert(tx, user);
      await generation.bump(tx);
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw userExists(input.UserName);
    throw e;
  }
  return { User: userView(user, true) };
}

/** The named user, or without a name the caller's own user (for root, the root identity). */
export async function getUser(input: { readonly UserName?: string | undefined }, ctx: ServiceContext): Promise<{ User: UserView | RootUserView }> {
  const subject = await authorizeSubject(input.UserName, 'iam:GetUser', ctx);
  if (subject.kind === 'user') return { User: userView(subject.user, true) };
  const account = ctx.caller.accountId;
  const record = await accounts.get(ctx.deps.db, account);
  return { User: { UserId: account, Arn: rootArn(account), CreateDate: new Date(record?.createdAt ?? 0) } };
}

export async function listUsers(
  input: PageRequest & { readonly PathPrefix?: string | undefined },
  ctx: ServiceContext,
): Promise<{ Users: UserView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const account = ctx.caller.accountId;
  const prefix = input.PathPrefix ?? '/';
  // AWS names the path prefix as the resource: "…iam:ListUsers on resource: arn:aws:iam::ACCT:user/".
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListUsers', resource: iamArn(account, 'user', prefix, '') });
  const page = paginate(await users.list(ctx.deps.db, account, prefix), (u) => u.name.toLowerCase(), input);
  return { Users: page.items.map((u) => userView(u, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function deleteUser(input: { readonly UserName: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  const account = ctx.caller.accountId;
  const user = await authorizedUser(input.UserName, 'iam:DeleteUser', [], ctx);
  await ctx.deps.db.transaction(async (tx) => {
    // IAM refuses to delete a user that still has anything attached, in this order.
    if ((await accessKeys.forOwner(tx, account, user.id)).length > 0) throw deleteConflict('delete access keys');
    if ((await serviceCredentials.forUser(tx, user.id)).length > 0) throw deleteConflict('remove referenced objects');
    if ((await mfaDevices.forUser(tx, user.id)).length > 0) throw deleteConflict('delete MFA device');
    if ((await inlinePolicies.forOwner(tx, user.id)).length > 0) throw deleteConflict('delete policies');
    if ((await attachments.forOwner(tx, user.id)).length > 0) throw deleteConflict('detach all policies');
    if ((await groups.forUser(tx, user.id)).length > 0) throw deleteConflict('remove users from group');
    if (!(await users.remove(tx, user.id))) throw noSuchUser(input.UserName);
    await generation.bump(tx);
  });
  return {};
}

export async function putUserPermissionsBoundary(
  input: { readonly UserName: string; readonly PermissionsBoundary: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const user = await authorizedUser(input.UserName, 'iam:PutUserPermissionsBoundary', boundaryContext(input.PermissionsBoundary), ctx);
  await changeUser(user, input.UserName, ctx, async (current, tx) => {
    await checkBoundary(tx, current.accountId, input.PermissionsBoundary);
    return { ...current, boundaryArn: input.PermissionsBoundary };
  });
  return {};
}

export async function deleteUserPermissionsBoundary(input: { readonly UserName: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  // The condition key names the boundary being removed, so it is read before authorizing.
  const existing = await users.byName(ctx.deps.db, ctx.caller.accountId, input.UserName);
  const user = await authorizedUser(input.UserName, 'iam:DeleteUserPermissionsBoundary', boundaryContext(existing?.boundaryArn), ctx);
  await changeUser(user, input.UserName, ctx, async (current) => ({ ...current, boundaryArn: undefined }));
  return {};
}

export async function tagUser(input: { readonly UserName: string; readonly Tags: readonly Tag[] }, ctx: ServiceContext): Promise<Record<string, never>> {
  await changeTags(input.UserName, 'iam:TagUser', tagContext(input.Tags), (tags) => mergeTags(tags, input.Tags, 'User'), ctx);
  return {};
}

export async function untagUser(
  input: { readonly UserName: string; readonly TagKeys: readonly string[] },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  await changeTags(input.UserName, 'iam:UntagUser', tagKeysContext(input.TagKeys), (tags) => removeTags(tags, input.TagKeys), ctx);
  return {};
}

export async function listUserTags(
  input: PageRequest & { readonly UserName: string },
  ctx: ServiceContext,
): Promise<TagList> {
  const user = await authorizedUser(input.UserName, 'iam:ListUserTags', [], ctx);
  return tagPage(user.tags, input);
}

const authorizedUser = (name: string, action: string, context: Iterable<readonly [string, ContextValue]>, ctx: ServiceContext): Promise<UserRecord> =>
  authorizedOwner(OWNERS.user, name, action, ctx, context);

async function changeTags(
  name: string,
  action: string,
  context: Iterable<readonly [string, ContextValue]>,
  change: (tags: readonly Tag[]) => Tag[],
  ctx: ServiceContext,
): Promise<void> {
  const user = await authorizedUser(name, action, context, ctx);
  change(user.tags); // bad input fails here, before the transaction
  await changeUser(user, name, ctx, async (current) => ({ ...current, tags: change(current.tags) }));
}

/** One transaction: lock the user, re-read it, write what `change` makes of it. */
async function changeUser(
  user: UserRecord,
  name: string,
  ctx: ServiceContext,
  change: (current: UserRecord, tx: Queryable) => Promise<UserRecord>,
): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await users.lock(tx, user.id);
    const current = await users.byId(tx, user.id);
    if (current === undefined) throw noSuchUser(name);
    await users.update(tx, await change(current, tx));
    await generation.bump(tx);
  });
}
