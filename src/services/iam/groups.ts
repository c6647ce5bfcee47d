/**
 * IAM groups: CreateGroup, GetGroup (with its members), ListGroups, UpdateGroup,
 * DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. A group's
 * policies are the owner-generic inline and managed policy operations (owners.ts); its
 * members act with them (auth/policy-cache.ts), so every membership change bumps the
 * store generation.
 */
import { iamArn, uniqueId } from '../../arn/index.js';
import { attachments, generation, groups, inlinePolicies, UniqueViolation, users, type GroupRecord, type UserRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { groupResource } from './arns.js';
import { deleteConflict, groupExists, groupsPerUserQuota, noSuchGroup, noSuchUser } from './errors.js';
import { authorizedOwner, OWNERS } from './owners.js';
import { paginate, type PageRequest } from './pagination.js';
import { userView, type UserView } from './users.js';

type Empty = Record<string, never>;

/** IAM's default quota of groups a user belongs to. */
export const GROUPS_PER_USER = 10;

export interface GroupView {
  readonly Path: string;
  readonly GroupName: string;
  readonly GroupId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
}

export const groupArn = (g: GroupRecord): string => groupResource(g.accountId, g.path, g.name);

export function groupView(g: GroupRecord): GroupView {
  return { Path: g.path, GroupName: g.name, GroupId: g.id, Arn: groupArn(g), CreateDate: new Date(g.createdAt) };
}

type GroupList = { Groups: GroupView[]; IsTruncated: boolean; Marker?: string | undefined };

export async function createGroup(input: { readonly GroupName: string; readonly Path?: string | undefined }, ctx: ServiceContext): Promise<{ Group: GroupView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreateGroup', resource: groupResource(account, path, input.GroupName) });
  const group: GroupRecord = { id: uniqueId('group', ctx.deps.random(17)), accountId: account, name: input.GroupName, path, createdAt: ctx.deps.clock.now() };
  try {
    await groups.insert(ctx.deps.db, group);
  } catch (e) {
    if (e instanceof UniqueViolation) throw groupExists(input.GroupName);
    throw e;
  }
  return { Group: groupView(group) };
}

export async function getGroup(
  input: PageRequest & { readonly GroupName: string },
  ctx: ServiceContext,
): Promise<{ Group: GroupView; Users: UserView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const group = await authorizedGroup(input.GroupName, 'iam:GetGroup', ctx);
  const page = paginate(await groups.members(ctx.deps.db, group.id), (u) => u.name.toLowerCase(), input);
  return { Group: groupView(group), Users: page.items.map((u) => userView(u, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function listGroups(input: PageRequest & { readonly PathPrefix?: string | undefined }, ctx: ServiceContext): Promise<GroupList> {
  const account = ctx.caller.accountId;
  const prefix = input.PathPrefix ?? '/';
  // As ListUsers: the path prefix is the resource.
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListGroups', resource: iamArn(account, 'group', prefix, '') });
  return groupPage(await groups.list(ctx.deps.db, account, prefix), input);
}

/**
 * Renames or moves a group. The caller needs iam:UpdateGroup on the group under its old
 * name and under its new one (UpdateGroup's documentation).
 */
export async function updateGroup(
  input: { readonly GroupName: string; readonly NewGroupName?: string | undefined; readonly NewPath?: string | undefined },
  ctx: ServiceContext,
): Promise<Empty> {
  const group = await authorizedGroup(input.GroupName, 'iam:UpdateGroup', ctx);
  const renamed: GroupRecord = { ...group, name: input.NewGroupName ?? group.name, path: input.NewPath ?? group.path };
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:UpdateGroup', resource: groupArn(renamed) });
  try {
    await ctx.deps.db.transaction(async (tx) => {
      if (!(await groups.lock(tx, group.id))) throw noSuchGroup(input.GroupName);
      await groups.update(tx, renamed);
      // Policies name their groups by ARN: a renamed group's members may decide differently.
      await generation.bump(tx);
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw groupExists(renamed.name);
    throw e;
  }
  return {};
}

export async function deleteGroup(input: { readonly GroupName: string }, ctx: ServiceContext): Promise<Empty> {
  const group = await authorizedGroup(input.GroupName, 'iam:DeleteGroup', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await groups.lock(tx, group.id))) throw noSuchGroup(input.GroupName);
    // IAM refuses to delete a group that still has anything in it, in this order.
    if ((await groups.memberCount(tx, group.id)) > 0) throw deleteConflict('remove users from group');
    if ((await inlinePolicies.forOwner(tx, group.id)).length > 0) throw deleteConflict('delete policies');
    if ((await attachments.forOwner(tx, group.id)).length > 0) throw deleteConflict('detach all policies');
    await groups.remove(tx, group.id);
    await generation.bump(tx);
  });
  return {};
}

export async function addUserToGroup(input: { readonly GroupName: string; readonly UserName: string }, ctx: ServiceContext): Promise<Empty> {
  const { group, user } = await authorizedMembership(input, 'iam:AddUserToGroup', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    // The user's row is locked so two concurrent adds cannot both pass the quota.
    if (!(await users.lock(tx, user.id))) throw noSuchUser(input.UserName);
    if (!(await groups.lock(tx, group.id))) throw noSuchGroup(input.GroupName);
    const current = await groups.forUser(tx, user.id);
    if (current.some((g) => g.id === group.id)) return;
    if (current.length >= GROUPS_PER_USER) throw groupsPerUserQuota(GROUPS_PER_USER);
    await groups.addMember(tx, group.id, user.id);
    await generation.bump(tx);
  });
  return {};
}

export async function removeUserFromGroup(input: { readonly GroupName: string; readonly UserName: string }, ctx: ServiceContext): Promise<Empty> {
  const { group, user } = await authorizedMembership(input, 'iam:RemoveUserFromGroup', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    // A user who is not a member is, for this group, a user that cannot be found.
    if (!(await groups.removeMember(tx, group.id, user.id))) throw noSuchUser(input.UserName);
    await generation.bump(tx);
  });
  return {};
}

export async function listGroupsForUser(input: PageRequest & { readonly UserName: string }, ctx: ServiceContext): Promise<GroupList> {
  const user = await authorizedOwner(OWNERS.user, input.UserName, 'iam:ListGroupsForUser', ctx);
  return groupPage(await groups.forUser(ctx.deps.db, user.id), input);
}

function groupPage(found: readonly GroupRecord[], request: PageRequest): GroupList {
  const page = paginate(found, (g) => g.name.toLowerCase(), request);
  return { Groups: page.items.map(groupView), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

const authorizedGroup = (name: string, action: string, ctx: ServiceContext): Promise<GroupRecord> => authorizedOwner(OWNERS.group, name, action, ctx);

/** Membership changes are authorized on the group; then the group and the user must exist. */
async function authorizedMembership(
  input: { readonly GroupName: string; readonly UserName: string },
  action: string,
  ctx: ServiceContext,
): Promise<{ group: GroupRecord; user: UserRecord }> {
  const group = await authorizedGroup(input.GroupName, action, ctx);
  const user = await users.byName(ctx.deps.db, ctx.caller.accountId, input.UserName);
  if (user === undefined) throw noSuchUser(input.UserName);
  return { group, user };
}
