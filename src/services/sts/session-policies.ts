/**
 * The session policies a caller passes to AssumeRole or GetFederationToken: the inline
 * one must be a valid identity policy, and each managed one must exist (STS API
 * reference, MalformedPolicyDocument).
 */
import { AwsError } from '../../errors.js';
import { parsePolicy } from '../../policy/index.js';
import { managedPolicies } from '../../store/index.js';
import type { ServiceContext } from '../context.js';

export async function checkSessionPolicies(policy: string | undefined, arns: readonly string[], ctx: Pick<ServiceContext, 'deps'>): Promise<void> {
  if (policy !== undefined) parsePolicy(policy, 'identity');
  if (arns.length === 0) return;
  const found = await managedPolicies.defaultDocuments(ctx.deps.db, arns);
  for (const arn of arns) {
    if (!found.has(arn)) throw new AwsError('MalformedPolicyDocument', `Policy ${arn} does not exist or is not attachable.`);
  }
}
