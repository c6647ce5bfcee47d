/**
 * Permissions boundaries, given at creation or put later: a customer managed policy of
 * the same account, or an AWS managed policy.
 */
import { parseArn } from '../../arn/index.js';
import type { ContextValue } from '../../policy/index.js';
import { awsManagedPolicies, managedPolicies, type Queryable } from '../../store/index.js';
import { boundaryNotFound } from './errors.js';

export async function checkBoundary(q: Queryable, account: string, arn: string): Promise<void> {
  const parsed = parseArn(arn);
  const policy = parsed === undefined ? undefined : await managedPolicies.resolve(q, arn);
  if (policy === undefined || !(awsManagedPolicies.owns(policy) || policy.accountId === account)) throw boundaryNotFound(arn);
}

/** The `iam:PermissionsBoundary` condition key of a call, when there is a boundary to name. */
export function boundaryContext(arn: string | undefined): [string, ContextValue][] {
  return arn === undefined ? [] : [['iam:PermissionsBoundary', arn]];
}
