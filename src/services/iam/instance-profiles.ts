/**
 * IAM instance profiles: CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles,
 * DeleteInstanceProfile, TagInstanceProfile, UntagInstanceProfile, ListInstanceProfileTags.
 * The role a profile holds is added and removed in instance-profile-roles.ts.
 *
 * No write here moves the store generation: nothing a profile holds takes part in a
 * decision (no caller acts as an instance profile, and no policy reads its tags).
 */
import { iamArn, uniqueId } from '../../arn/index.js';
import type { ContextValue } from '../../policy/index.js';
import { instanceProfiles, UniqueViolation, type InstanceProfileRecord, type Queryable, type RoleRecord, type Tag } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { instanceProfileResource } from './arns.js';
import { deleteConflict, instanceProfileExists, noSuchInstanceProfile } from './errors.js';
import { paginate, type PageRequest } from './pagination.js';
import { roleView, type RoleView } from './roles.js';
import { mergeTags, removeTags, tagContext, tagKeysContext, type TagList, tagPage, tagsOrAbsent } from './tags.js';

type Empty = Record<string, never>;

/** A role as a profile shows it: the members of AWS's GetInstanceProfile example, no more. */
export type ProfileRoleView = Pick<RoleView, 'Path' | 'RoleName' | 'RoleId' | 'Arn' | 'CreateDate' | 'AssumeRolePolicyDocument'>;

export interface InstanceProfileView {
  readonly Path: string;
  readonly InstanceProfileName: string;
  readonly InstanceProfileId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly Roles: ProfileRoleView[];
  readonly Tags?: readonly Tag[] | undefined;
}

export const instanceProfileArn = (p: InstanceProfileRecord): string => instanceProfileResource(p.accountId, p.path, p.name);

/** Listings leave tags out, as the API reference says of ListInstanceProfiles. */
export async function instanceProfileView(q: Queryable, profile: InstanceProfileRecord, withTags: boolean): Promise<InstanceProfileView> {
  const roles: ProfileRoleView[] = [];
  for (const role of await instanceProfiles.roles(q, profile.id)) roles.push(await profileRoleView(q, role));
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: instanceProfileArn(profile),
    CreateDate: new Date(profile.createdAt),
    Roles: roles,
    Tags: withTags ? tagsOrAbsent(profile.tags) : undefined,
  };
}

async function profileRoleView(q: Queryable, role: RoleRecord): Promise<ProfileRoleView> {
  const { Path, RoleName, RoleId, Arn, CreateDate, AssumeRolePolicyDocument } = await roleView(q, role, 'list');
  return { Path, RoleName, RoleId, Arn, CreateDate, AssumeRolePolicyDocument };
}

export type InstanceProfileList = { InstanceProfiles: InstanceProfileView[]; IsTruncated: boolean; Marker?: string | undefined };

export async function instanceProfilePage(q: Queryable, found: readonly InstanceProfileRecord[], request: PageRequest): Promise<InstanceProfileList> {
  const page = paginate(found, (p) => p.name.toLowerCase(), request);
  const views: InstanceProfileView[] = [];
  for (const p of page.items) views.push(await instanceProfileView(q, p, false));
  return { InstanceProfiles: views, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function createInstanceProfile(
  input: { readonly InstanceProfileName: string; readonly Path?: string | undefined; readonly Tags?: readonly Tag[] | undefined },
  ctx: ServiceContext,
): Promise<{ InstanceProfile: InstanceProfileView }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:CreateInstanceProfile',
    resource: instanceProfileResource(account, path, input.InstanceProfileName),
    context: tagContext(input.Tags),
  });
  // A new entity's tags: no key twice, at most the quota (the same rule as adding tags later).
  const tags = mergeTags([], input.Tags ?? [], 'InstanceProfile');
  const profile: InstanceProfileRecord = {
    id: uniqueId('instanceProfile', ctx.deps.random(17)),
    accountId: account,
    name: input.InstanceProfileName,
    path,
    createdAt: ctx.deps.clock.now(),
    tags,
  };
  try {
    await instanceProfiles.insert(ctx.deps.db, profile);
  } catch (e) {
    if (e instanceof UniqueViolation) throw instanceProfileExists(input.InstanceProfileName);
    throw e;
  }
  return { InstanceProfile: await instanceProfileView(ctx.deps.db, profile, true) };
}

export async function getInstanceProfile(input: { readonly InstanceProfileName: string }, ctx: ServiceContext): Promise<{ InstanceProfile: InstanceProfileView }> {
  const profile = await authorizedInstanceProfile(input.InstanceProfileName, 'iam:GetInstanceProfile', [], ctx);
  return { InstanceProfile: await instanceProfileView(ctx.deps.db, profile, true) };
}

export async function listInstanceProfiles(input: PageRequest & { readonly PathPrefix?: string | undefined }, ctx: ServiceContext): Promise<InstanceProfileList> {
  const account = ctx.caller.accountId;
  const prefix = input.PathPrefix ?? '/';
  // As ListUsers: the path prefix is the resource.
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListInstanceProfiles', resource: iamArn(account, 'instance-profile', prefix, '') });
  return instanceProfilePage(ctx.deps.db, await instanceProfiles.list(ctx.deps.db, account, prefix), input);
}

export async function deleteInstanceProfile(input: { readonly InstanceProfileName: string }, ctx: ServiceContext): Promise<Empty> {
  const profile = await authorizedInstanceProfile(input.InstanceProfileName, 'iam:DeleteInstanceProfile', [], ctx);
  await ctx.deps.db.transaction(async (tx) => {
    // The lock orders this after any AddRoleToInstanceProfile under way.
    if (!(await instanceProfiles.lock(tx, profile.id))) throw noSuchInstanceProfile(input.InstanceProfileName);
    if ((await instanceProfiles.roles(tx, profile.id)).length > 0) throw deleteConflict('remove roles from instance profile');
    await instanceProfiles.remove(tx, profile.id);
  });
  return {};
}

export async function tagInstanceProfile(input: { readonly InstanceProfileName: string; readonly Tags: readonly Tag[] }, ctx: ServiceContext): Promise<Empty> {
  const name = input.InstanceProfileName;
  const profile = await authorizedInstanceProfile(name, 'iam:TagInstanceProfile', tagContext(input.Tags), ctx);
  mergeTags(profile.tags, input.Tags, 'InstanceProfile'); // bad input fails here, before the transaction
  await changeTags(profile, name, ctx, (tags) => mergeTags(tags, input.Tags, 'InstanceProfile'));
  return {};
}

export async function untagInstanceProfile(input: { readonly InstanceProfileName: string; readonly TagKeys: readonly string[] }, ctx: ServiceContext): Promise<Empty> {
  const name = input.InstanceProfileName;
  const profile = await authorizedInstanceProfile(name, 'iam:UntagInstanceProfile', tagKeysContext(input.TagKeys), ctx);
  await changeTags(profile, name, ctx, (tags) => removeTags(tags, input.TagKeys));
  return {};
}

export async function listInstanceProfileTags(
  input: PageRequest & { readonly InstanceProfileName: string },
  ctx: ServiceContext,
): Promise<TagList> {
  const profile = await authorizedInstanceProfile(input.InstanceProfileName, 'iam:ListInstanceProfileTags', [], ctx);
  return tagPage(profile.tags, input);
}

/**
 * Looks the profile up, authorizes the action on its ARN, then says whether it exists (in
 * that order, so a denied caller learns nothing; the ARN carries the stored spelling, as
 * for users and roles).
 */
export async function authorizedInstanceProfile(
  name: string,
  action: string,
  context: Iterable<readonly [string, ContextValue]>,
  ctx: ServiceContext,
): Promise<InstanceProfileRecord> {
  const account = ctx.caller.accountId;
  const profile = await instanceProfiles.byName(ctx.deps.db, account, name);
  const resource = instanceProfileResource(account, profile?.path ?? '/', profile?.name ?? name);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource, context });
  if (profile === undefined) throw noSuchInstanceProfile(name);
  return profile;
}

/** One transaction: lock the profile, re-read its tags, write what `change` makes of them. */
async function changeTags(profile: InstanceProfileRecord, name: string, ctx: ServiceContext, change: (tags: readonly Tag[]) => Tag[]): Promise<void> {
  await ctx.deps.db.transaction(async (tx) => {
    await instanceProfiles.lock(tx, profile.id);
    const current = await instanceProfiles.byId(tx, profile.id);
    if (current === undefined) throw noSuchInstanceProfile(name);
    await instanceProfiles.setTags(tx, profile.id, change(current.tags));
  });
}
