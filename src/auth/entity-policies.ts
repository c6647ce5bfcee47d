/**
 * The stored policies of an IAM entity, as text: a user's own inline and attached
 * policies followed by those of each group it belongs to, a group's or a role's own, and
 * the entity's permissions boundary. One gathering serves both the request path (which
 * compiles them into its cache) and the policy simulator (which names them as IAM's
 * simulator does), so the two can never disagree about what an entity acts with.
 */
import { AwsError } from '../errors.js';
import { iamArn } from '../arn/index.js';
import { attachments, groups, inlinePolicies, managedPolicies, type Queryable } from '../store/index.js';

/** The entity an inline policy is embedded in. */
export interface PolicyOwner {
  readonly id: string;
  readonly kind: 'user' | 'group' | 'role';
  readonly name: string;
  readonly arn: string;
}

export type StoredPolicy =
  | { readonly kind: 'inline'; readonly owner: PolicyOwner; readonly name: string; readonly document: string }
  | { readonly kind: 'managed'; readonly arn: string; readonly document: string };

export interface EntityPolicies {
  readonly identity: readonly StoredPolicy[];
  readonly boundary: { readonly arn: string; readonly document: string } | undefined;
}

/** A user acts with its own policies and with those of every group it belongs to. */
export async function userPolicies(db: Queryable, user: PolicyOwner, boundaryArn: string | undefined): Promise<EntityPolicies> {
  const own = await ownerPolicies(db, user, boundaryArn);
  const identity = [...own.identity];
  for (const group of await groups.forUser(db, user.id)) {
    const owner: PolicyOwner = { id: group.id, kind: 'group', name: group.name, arn: iamArn(group.accountId, 'group', group.path, group.name) };
    identity.push(...(await ownerPolicies(db, owner, undefined)).identity);
  }
  return { identity, boundary: own.boundary };
}

/** An entity's own inline policies, then its attached managed policies, and its boundary. */
export async function ownerPolicies(db: Queryable, owner: PolicyOwner, boundaryArn: string | undefined): Promise<EntityPolicies> {
  const identity: StoredPolicy[] = [];
  for (const inline of await inlinePolicies.forOwner(db, owner.id)) identity.push({ kind: 'inline', owner, name: inline.name, document: inline.document });
  const attached = await managedPolicies.defaultDocuments(db, await attachments.forOwner(db, owner.id));
  for (const [arn, { document }] of attached) identity.push({ kind: 'managed', arn, document });
  if (boundaryArn === undefined) return { identity, boundary: undefined };
  // IAM refuses to delete a policy in use as a boundary; if one is missing anyway, fail closed.
  const doc = (await managedPolicies.defaultDocuments(db, [boundaryArn])).get(boundaryArn);
  if (doc === undefined) throw internalFailure();
  return { identity, boundary: { arn: boundaryArn, document: doc.document } };
}

export const internalFailure = (): AwsError =>
  new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', { status: 500, fault: 'Receiver' });
