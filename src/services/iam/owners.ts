/**
 * The IAM entities that own policies (users, roles and groups), as one table, so the
 * inline and managed policy operations are written once for all three.
 */
import type { AwsError } from '../../errors.js';
import { POLICY_SIZE_QUOTA, type ContextValue } from '../../policy/index.js';
import { groups, roles, users, type GroupRecord, type OwnerKind, type Queryable, type RoleRecord, type UserRecord } from '../../store/index.js';
import { groupResource, roleResource, userResource } from './arns.js';
import type { ServiceContext } from '../context.js';
import { noSuchGroup, noSuchGroupPolicy, noSuchRole, noSuchRolePolicy, noSuchUser, noSuchUserPolicy } from './errors.js';

export interface PolicyOwner {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  /** Set for a service-linked role only. */
  readonly linkedService?: string | undefined;
}

export interface OwnerKindSpec<R extends PolicyOwner = PolicyOwner> {
  readonly kind: OwnerKind;
  /** `User` / `Role` / `Group`, as IAM's action names and quota names spell it. */
  readonly title: 'User' | 'Role' | 'Group';
  find(q: Queryable, account: string, name: string): Promise<R | undefined>;
  lock(q: Queryable, id: string): Promise<boolean>;
  resource(account: string, path: string, name: string): string;
  noSuchOwner(name: string): AwsError;
  noSuchInlinePolicy(name: string): AwsError;
  /** Characters without white space, summed over the owner's inline policies. */
  readonly inlineQuota: number;
  /** Managed policies attached at most. */
  readonly attachedQuota: number;
}

export const OWNERS: {
  readonly user: OwnerKindSpec<UserRecord>;
  readonly role: OwnerKindSpec<RoleRecord>;
  readonly group: OwnerKindSpec<GroupRecord>;
} = {
  user: {
    kind: 'user',
    title: 'User',
    find: (q, account, name) => users.byName(q, account, name),
    lock: (q, id) => users.lock(q, id),
    resource: userResource,
    noSuchOwner: noSuchUser,
    noSuchInlinePolicy: noSuchUserPolicy,
    inlineQuota: POLICY_SIZE_QUOTA['inline-user'],
    attachedQuota: 10,
  },
  role: {
    kind: 'role',
    title: 'Role',
    find: (q, account, name) => roles.byName(q, account, name),
    lock: (q, id) => roles.lock(q, id),
    resource: roleResource,
    noSuchOwner: noSuchRole,
    noSuchInlinePolicy: noSuchRolePolicy,
    inlineQuota: POLICY_SIZE_QUOTA['inline-role'],
    attachedQuota: 10,
  },
  group: {
    kind: 'group',
    title: 'Group',
    find: (q, account, name) => groups.byName(q, account, name),
    lock: (q, id) => groups.lock(q, id),
    resource: groupResource,
    noSuchOwner: noSuchGroup,
    noSuchInlinePolicy: noSuchGroupPolicy,
    inlineQuota: POLICY_SIZE_QUOTA['inline-group'],
    attachedQuota: 10,
  },
};

/**
 * Looks the owner up, authorizes the action on its ARN, then says whether it exists (in
 * that order, so a denied caller learns nothing). The ARN carries the stored name, not
 * the request's spelling: names match without regard to case, ARNs in policies do not,
 * and `carol` must not slip past a Deny on `user/Carol`.
 */
export async function authorizedOwner<R extends PolicyOwner>(
  spec: OwnerKindSpec<R>,
  name: string,
  action: string,
  ctx: ServiceContext,
  context: Iterable<readonly [string, ContextValue]> = [],
): Promise<R> {
  const account = ctx.caller.accountId;
  const owner = await spec.find(ctx.deps.db, account, name);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: spec.resource(account, owner?.path ?? '/', owner?.name ?? name), context });
  if (owner === undefined) throw spec.noSuchOwner(name);
  return owner;
}

