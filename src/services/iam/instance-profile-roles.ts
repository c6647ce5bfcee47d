/**
 * The role an instance profile holds: AddRoleToInstanceProfile,
 * RemoveRoleFromInstanceProfile, ListInstanceProfilesForRole. A profile holds one role at
 * most, a quota AWS does not raise; the check runs under a lock on the profile's row, so
 * two concurrent adds cannot both pass it.
 */
import { roleArn } from '../../auth/caller.js';
import { instanceProfiles, roles, type InstanceProfileRecord, type RoleRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { instanceProfileResource, roleResource } from './arns.js';
import { noSuchInstanceProfile, noSuchRole, rolesPerInstanceProfileQuota } from './errors.js';
import { authorizedInstanceProfile, instanceProfileArn, instanceProfilePage, type InstanceProfileList } from './instance-profiles.js';
import { authorizedOwner, OWNERS } from './owners.js';
import type { PageRequest } from './pagination.js';

type Empty = Record<string, never>;
type MembershipInput = { readonly InstanceProfileName: string; readonly RoleName: string };

/**
 * The context of the iam:PassRole check AddRoleToInstanceProfile makes. The API reference:
 * a policy restricting PassRole with iam:AssociatedResourceArn for this action must name
 * `arn:aws:ec2:*:CallerAccountId:instance/*`, which is therefore the value it is given;
 * the condition key reference gives the policy for it with iam:PassedToService
 * `ec2.amazonaws.com`, the service the role is passed to.
 */
const passRoleContext = (account: string): [string, string][] => [
  ['iam:PassedToService', 'ec2.amazonaws.com'],
  ['iam:AssociatedResourceArn', `arn:aws:ec2:*:${account}:instance/*`],
];

export async function addRoleToInstanceProfile(input: MembershipInput, ctx: ServiceContext): Promise<Empty> {
  const account = ctx.caller.accountId;
  const profile = await instanceProfiles.byName(ctx.deps.db, account, input.InstanceProfileName);
  const role = await roles.byName(ctx.deps.db, account, input.RoleName);
  // Both permissions are checked before either entity is said to exist: the action on the
  // profile, and PassRole on the role ("The caller of this operation must be granted the
  // PassRole permission on the IAM role by a permissions policy").
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:AddRoleToInstanceProfile',
    resource: profile === undefined ? instanceProfileResource(account, '/', input.InstanceProfileName) : instanceProfileArn(profile),
  });
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:PassRole',
    resource: role === undefined ? roleResource(account, '/', input.RoleName) : roleArn(role),
    context: passRoleContext(account),
  });
  if (profile === undefined) throw noSuchInstanceProfile(input.InstanceProfileName);
  if (role === undefined) throw noSuchRole(input.RoleName);

  await ctx.deps.db.transaction(async (tx) => {
    if (!(await instanceProfiles.lock(tx, profile.id))) throw noSuchInstanceProfile(input.InstanceProfileName);
    // The role's row too, so a DeleteRole under way cannot remove it from under the profile.
    if (!(await roles.lock(tx, role.id))) throw noSuchRole(input.RoleName);
    // The role already held counts against the quota too: AWS answers LimitExceeded then as well.
    if ((await instanceProfiles.roles(tx, profile.id)).length >= 1) throw rolesPerInstanceProfileQuota();
    await instanceProfiles.addRole(tx, profile.id, role.id);
  });
  return {};
}

export async function removeRoleFromInstanceProfile(input: MembershipInput, ctx: ServiceContext): Promise<Empty> {
  const { profile, role } = await authorizedMembership(input, 'iam:RemoveRoleFromInstanceProfile', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    // A role the profile does not hold is, for this profile, a role that cannot be found.
    if (!(await instanceProfiles.removeRole(tx, profile.id, role.id))) throw noSuchRole(input.RoleName);
  });
  return {};
}

export async function listInstanceProfilesForRole(input: PageRequest & { readonly RoleName: string }, ctx: ServiceContext): Promise<InstanceProfileList> {
  const role = await authorizedOwner(OWNERS.role, input.RoleName, 'iam:ListInstanceProfilesForRole', ctx);
  return instanceProfilePage(ctx.deps.db, await instanceProfiles.forRole(ctx.deps.db, role.id), input);
}

/** Authorized on the profile; then the profile and the role must exist. */
async function authorizedMembership(
  input: MembershipInput,
  action: string,
  ctx: ServiceContext,
): Promise<{ profile: InstanceProfileRecord; role: RoleRecord }> {
  const profile = await authorizedInstanceProfile(input.InstanceProfileName, action, [], ctx);
  const role = await roles.byName(ctx.deps.db, ctx.caller.accountId, input.RoleName);
  if (role === undefined) throw noSuchRole(input.RoleName);
  return { profile, role };
}
