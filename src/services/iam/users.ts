/** IAM users: CreateUser, GetUser, ListUsers, DeleteUser. */
import { uniqueId } from '../../arn/index.js';
import { userArn } from '../../auth/caller.js';
import { accessKeys, attachments, inlinePolicies, generation, UniqueViolation, users, type Tag, type UserRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { userResource } from './arns.js';
import { deleteConflict, noSuchUser, userExists } from './errors.js';

export interface UserView {
  readonly Path: string;
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly Tags?: readonly Tag[] | undefined;
  readonly PermissionsBoundary?: { readonly PermissionsBoundaryType: 'Policy'; readonly PermissionsBoundaryArn: string } | undefined;
}

export function userView(user: UserRecord, withTags: boolean): UserView {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: userArn(user),
    CreateDate: new Date(user.createdAt),
    Tags: withTags && user.tags.length > 0 ? user.tags : undefined,
    PermissionsBoundary: user.boundaryArn === undefined ? undefined : { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: user.boundaryArn },
  };
}

export async function createUser(
  input: { readonly UserName: string; readonly Path?: string | undefined; readonly Tags?: readonly Tag[] | undefined },
  ctx: ServiceContext,
): Promise<{ User: UserView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:CreateUser',
    resource: userResource(account, path, input.UserName),
    context: tagContext(input.Tags),
  });
  const user: UserRecord = {
    id: uniqueId('user', ctx.deps.random(17)),
    accountId: account,
    name: input.UserName,
    path,
    createdAt: ctx.deps.clock.now(),
    boundaryArn: undefined,
    tags: input.Tags ?? [],
  };
  try {
    await ctx.deps.db.transaction(async (tx) => {
      await users.insert(tx, user);
      await generation.bump(tx);
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw userExists(input.UserName);
    throw e;
  }
  return { User: userView(user, true) };
}

export async function deleteUser(input: { readonly UserName: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  const account = ctx.caller.accountId;
  const user = await users.byName(ctx.deps.db, account, input.UserName);
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:DeleteUser',
    resource: userResource(account, user?.path ?? '/', input.UserName),
  });
  if (user === undefined) throw noSuchUser(input.UserName);
  await ctx.deps.db.transaction(async (tx) => {
    // IAM refuses to delete a user that still has anything attached, in this order.
    if ((await accessKeys.forOwner(tx, account, user.id)).length > 0) throw deleteConflict('delete access keys');
    if ((await inlinePolicies.forOwner(tx, user.id)).length > 0) throw deleteConflict('delete policies');
    if ((await attachments.forOwner(tx, user.id)).length > 0) throw deleteConflict('detach all policies');
    if (!(await users.remove(tx, user.id))) throw noSuchUser(input.UserName);
    await generation.bump(tx);
  });
  return {};
}

/** aws:RequestTag/… and aws:TagKeys for an operation that sets tags. */
export function tagContext(tags: readonly Tag[] | undefined): [string, string | string[]][] {
  if (tags === undefined || tags.length === 0) return [];
  return [...tags.map((t): [string, string] => [`aws:RequestTag/${t.Key}`, t.Value]), ['aws:TagKeys', tags.map((t) => t.Key)]];
}
