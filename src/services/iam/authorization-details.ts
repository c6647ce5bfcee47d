/**
 * GetAccountAuthorizationDetails: a snapshot of the account's IAM configuration — every
 * user (with its inline policies, groups, attached policies, boundary, tags), group,
 * role (with its trust policy and instance profiles) and managed policy (with every
 * version's document): the account's own, and the AWS managed policies the account uses.
 * `Filter` keeps the entity types named; one page spans all four lists, in the order
 * users, groups, roles, policies.
 */
import { attachments, awsManagedPolicies, groups, inlinePolicies, instanceProfiles, managedPolicies, roles, users, type ManagedPolicyRecord, type Queryable } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { groupView, type GroupView } from './groups.js';
import { instanceProfileView, type InstanceProfileView } from './instance-profiles.js';
import { policyView, type AttachedPolicy, type PolicyView } from './managed-policies.js';
import { paginate, type PageRequest } from './pagination.js';
import { versionsOf, versionView, type PolicyVersionView } from './policy-versions.js';
import { roleView, type RoleView } from './roles.js';
import { userView, type UserView } from './users.js';

type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

interface PolicyDetail {
  readonly PolicyName: string;
  readonly PolicyDocument: string;
}

export interface UserDetail extends UserView {
  readonly UserPolicyList: PolicyDetail[];
  readonly GroupList: string[];
  readonly AttachedManagedPolicies: AttachedPolicy[];
}

export interface GroupDetail extends GroupView {
  readonly GroupPolicyList: PolicyDetail[];
  readonly AttachedManagedPolicies: AttachedPolicy[];
}

export interface RoleDetail extends Pick<RoleView, 'Path' | 'RoleName' | 'RoleId' | 'Arn' | 'CreateDate' | 'AssumeRolePolicyDocument' | 'PermissionsBoundary' | 'Tags' | 'RoleLastUsed'> {
  /** The profiles holding the role, each with its roles and tags, as GetInstanceProfile shows them. */
  readonly InstanceProfileList: InstanceProfileView[];
  readonly RolePolicyList: PolicyDetail[];
  readonly AttachedManagedPolicies: AttachedPolicy[];
}

export interface ManagedPolicyDetail extends Omit<PolicyView, 'Tags'> {
  readonly PolicyVersionList: PolicyVersionView[];
}

export interface AuthorizationDetails {
  UserDetailList: UserDetail[];
  GroupDetailList: GroupDetail[];
  RoleDetailList: RoleDetail[];
  Policies: ManagedPolicyDetail[];
  IsTruncated: boolean;
  Marker?: string | undefined;
}

/** One entry of the page: what it is and how to build its detail. */
type Entry =
  | { readonly key: string; readonly kind: 'user'; readonly build: (q: Queryable) => Promise<UserDetail> }
  | { readonly key: string; readonly kind: 'group'; readonly build: (q: Queryable) => Promise<GroupDetail> }
  | { readonly key: string; readonly kind: 'role'; readonly build: (q: Queryable) => Promise<RoleDetail> }
  | { readonly key: string; readonly kind: 'policy'; readonly build: (q: Queryable) => Promise<ManagedPolicyDetail> };

export async function getAccountAuthorizationDetails(
  input: PageRequest & { readonly Filter?: readonly string[] | undefined },
  ctx: ServiceContext,
): Promise<AuthorizationDetails> {
  const account = ctx.caller.accountId;
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:GetAccountAuthorizationDetails', resource: '*' });
  const db = ctx.deps.db;
  // No filter, or an empty one, means every type.
  const wanted = (type: EntityType): boolean => input.Filter === undefined || input.Filter.length === 0 || input.Filter.includes(type);

  const entries: Entry[] = [];
  if (wanted('User')) {
    for (const u of await users.list(db, account)) entries.push({ key: `1${u.name.toLowerCase()}`, kind: 'user', build: (q) => userDetail(q, u) });
  }
  if (wanted('Group')) {
    for (const g of await groups.list(db, account)) entries.push({ key: `2${g.name.toLowerCase()}`, kind: 'group', build: (q) => groupDetail(q, g) });
  }
  if (wanted('Role')) {
    for (const r of await roles.list(db, account)) entries.push({ key: `3${r.name.toLowerCase()}`, kind: 'role', build: (q) => roleDetail(q, r) });
  }
  const policies: ManagedPolicyRecord[] = wanted('LocalManagedPolicy') ? await managedPolicies.list(db, account) : [];
  if (wanted('AWSManagedPolicy')) {
    // Of AWS's policies, those in use here: attached, or a boundary, in this account.
    for (const { policy } of awsManagedPolicies.list()) {
      const view = await policyView(db, policy, account, 'list');
      if (view.AttachmentCount > 0 || view.PermissionsBoundaryUsageCount > 0) policies.push(policy);
    }
  }
  for (const p of policies) entries.push({ key: `4${p.name.toLowerCase()} ${p.arn}`, kind: 'policy', build: (q) => policyDetail(q, p, account) });

  const page = paginate(entries, (e) => e.key, input);
  const out: AuthorizationDetails = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: page.IsTruncated, Marker: page.Marker };
  for (const e of page.items) {
    if (e.kind === 'user') out.UserDetailList.push(await e.build(db));
    else if (e.kind === 'group') out.GroupDetailList.push(await e.build(db));
    else if (e.kind === 'role') out.RoleDetailList.push(await e.build(db));
    else out.Policies.push(await e.build(db));
  }
  return out;
}

async function inlineDetails(q: Queryable, ownerId: string): Promise<PolicyDetail[]> {
  return (await inlinePolicies.forOwner(q, ownerId)).map((p) => ({ PolicyName: p.name, PolicyDocument: p.document }));
}

async function attachedDetails(q: Queryable, ownerId: string): Promise<AttachedPolicy[]> {
  const out: AttachedPolicy[] = [];
  for (const arn of await attachments.forOwner(q, ownerId)) {
    const policy = await managedPolicies.resolve(q, arn);
    if (policy !== undefined) out.push({ PolicyName: policy.name, PolicyArn: policy.arn });
  }
  return out;
}

async function userDetail(q: Queryable, user: Parameters<typeof userView>[0]): Promise<UserDetail> {
  return {
    ...userView(user, true),
    UserPolicyList: await inlineDetails(q, user.id),
    GroupList: (await groups.forUser(q, user.id)).map((g) => g.name),
    AttachedManagedPolicies: await attachedDetails(q, user.id),
  };
}

async function groupDetail(q: Queryable, group: Parameters<typeof groupView>[0]): Promise<GroupDetail> {
  return { ...groupView(group), GroupPolicyList: await inlineDetails(q, group.id), AttachedManagedPolicies: await attachedDetails(q, group.id) };
}

async function roleDetail(q: Queryable, role: Parameters<typeof roleView>[1]): Promise<RoleDetail> {
  const view = await roleView(q, role, 'get');
  return {
    Path: view.Path,
    RoleName: view.RoleName,
    RoleId: view.RoleId,
    Arn: view.Arn,
    CreateDate: view.CreateDate,
    AssumeRolePolicyDocument: view.AssumeRolePolicyDocument,
    InstanceProfileList: await profilesOf(q, role.id),
    RolePolicyList: await inlineDetails(q, role.id),
    AttachedManagedPolicies: await attachedDetails(q, role.id),
    PermissionsBoundary: view.PermissionsBoundary,
    Tags: view.Tags,
    RoleLastUsed: view.RoleLastUsed,
  };
}

async function profilesOf(q: Queryable, roleId: string): Promise<InstanceProfileView[]> {
  const out: InstanceProfileView[] = [];
  for (const p of await instanceProfiles.forRole(q, roleId)) out.push(await instanceProfileView(q, p, true));
  return out;
}

async function policyDetail(q: Queryable, policy: ManagedPolicyRecord, account: string): Promise<ManagedPolicyDetail> {
  // The detail has every field of GetPolicy's answer but the tags.
  const { Tags: _tags, ...view } = await policyView(q, policy, account, 'get');
  const versions = await versionsOf(q, policy);
  return { ...view, PolicyVersionList: versions.map((v) => versionView(policy, v, true)) };
}
