/**
 * ListEntitiesForPolicy: the groups, users and roles of the caller's account that use a
 * managed policy, as a permissions policy (attached) or — users and roles only — as
 * their permissions boundary, filtered by kind, path and usage, and paged together:
 * groups, then users, then roles, each by name.
 */
import { attachments, awsManagedPolicies, groups, roles, users, type GroupRecord, type RoleRecord, type UserRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { authorizedPolicy, usageAccount } from './managed-policies.js';
import { paginate, type PageRequest } from './pagination.js';

export interface ListEntitiesForPolicyInput extends PageRequest {
  readonly PolicyArn: string;
  readonly EntityFilter?: string | undefined;
  readonly PathPrefix?: string | undefined;
  readonly PolicyUsageFilter?: string | undefined;
}

export interface EntitiesForPolicy {
  readonly PolicyGroups: { readonly GroupName: string; readonly GroupId: string }[];
  readonly PolicyUsers: { readonly UserName: string; readonly UserId: string }[];
  readonly PolicyRoles: { readonly RoleName: string; readonly RoleId: string }[];
  readonly IsTruncated: boolean;
  readonly Marker?: string | undefined;
}

type Entity =
  | { readonly kind: 'group'; readonly record: GroupRecord }
  | { readonly kind: 'user'; readonly record: UserRecord }
  | { readonly kind: 'role'; readonly record: RoleRecord };

/** The order AWS lists them in: groups, users, roles. */
const KIND_ORDER = { group: 0, user: 1, role: 2 } as const;

export async function listEntitiesForPolicy(input: ListEntitiesForPolicyInput, ctx: ServiceContext): Promise<EntitiesForPolicy> {
  const policy = await authorizedPolicy(input.PolicyArn, 'iam:ListEntitiesForPolicy', ctx);
  const db = ctx.deps.db;
  const account = usageAccount(policy, ctx);
  const byId = new Map<string, Entity>();
  if (input.PolicyUsageFilter !== 'PermissionsBoundary') {
    for (const { ownerId, ownerKind } of await attachments.ownersOf(db, policy.arn, account)) {
      if (ownerKind === 'user') {
        const record = await users.byId(db, ownerId);
        if (record !== undefined) byId.set(ownerId, { kind: 'user', record });
      } else if (ownerKind === 'role') {
        const record = await roles.byId(db, ownerId);
        if (record !== undefined) byId.set(ownerId, { kind: 'role', record });
      } else {
        const record = await groups.byId(db, ownerId);
        if (record !== undefined) byId.set(ownerId, { kind: 'group', record });
      }
    }
  }
  if (input.PolicyUsageFilter !== 'PermissionsPolicy') {
    for (const record of await users.withBoundary(db, policy.arn, account)) byId.set(record.id, { kind: 'user', record });
    for (const record of await roles.withBoundary(db, policy.arn, account)) byId.set(record.id, { kind: 'role', record });
  }
  const prefix = input.PathPrefix ?? '/';
  const awsManaged = awsManagedPolicies.owns(policy);
  const wanted = [...byId.values()].filter((e) => e.record.path.startsWith(prefix) && kindPasses(e.kind, input.EntityFilter, awsManaged));
  const page = paginate(wanted, (e) => `${KIND_ORDER[e.kind]}${e.record.name.toLowerCase()}`, input);
  const out: EntitiesForPolicy = { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], IsTruncated: page.IsTruncated, Marker: page.Marker };
  for (const e of page.items) {
    if (e.kind === 'group') out.PolicyGroups.push({ GroupName: e.record.name, GroupId: e.record.id });
    else if (e.kind === 'user') out.PolicyUsers.push({ UserName: e.record.name, UserId: e.record.id });
    else out.PolicyRoles.push({ RoleName: e.record.name, RoleId: e.record.id });
  }
  return out;
}

/** LocalManagedPolicy and AWSManagedPolicy filter by the policy's kind: all its entities or none. */
function kindPasses(kind: Entity['kind'], filter: string | undefined, awsManaged: boolean): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'LocalManagedPolicy':
      return !awsManaged;
    case 'AWSManagedPolicy':
      return awsManaged;
    case 'User':
      return kind === 'user';
    case 'Role':
      return kind === 'role';
    case 'Group':
      return kind === 'group';
    default:
      return false;
  }
}
