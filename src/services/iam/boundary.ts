/** Permissions boundaries given at creation: a customer managed policy of the same account. */
import { parseArn } from '../../arn/index.js';
import { managedPolicies, type Queryable } from '../../store/index.js';
import { boundaryNotFound } from './errors.js';

export async function checkBoundary(q: Queryable, account: string, arn: string): Promise<void> {
  const parsed = parseArn(arn);
  const policy = parsed === undefined ? undefined : await managedPolicies.byArn(q, arn);
  if (policy === undefined || policy.accountId !== account) throw boundaryNotFound(arn);
}
