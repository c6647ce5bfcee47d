/**
 * The session policies a caller passes to AssumeRole, AssumeRoleWithWebIdentity or
 * GetFederationToken: the inline one must be a valid identity policy, and each managed
 * one must exist in `account` — the role's, or the federating user's ("The policies must
 * exist in the same account as the role", STS API reference, PolicyArns) — or be an AWS
 * managed policy, which every account has. A policy of another account is answered as
 * one that does not exist, so the call cannot tell whether it does.
 */
import { parseArn } from '../../arn/index.js';
import { AwsError } from '../../errors.js';
import { parsePolicy } from '../../policy/index.js';
import { managedPolicies } from '../../store/index.js';
import type { ServiceContext } from '../context.js';

export async function checkSessionPolicies(policy: string | undefined, arns: readonly string[], account: string, ctx: Pick<ServiceContext, 'deps'>): Promise<void> {
  if (policy !== undefined) parsePolicy(policy, 'identity');
  if (arns.length === 0) return;
  const found = await managedPolicies.defaultDocuments(ctx.deps.db, arns);
  for (const arn of arns) {
    const owner = parseArn(arn)?.account;
    if (!found.has(arn) || (owner !== account && owner !== 'aws')) throw new AwsError('MalformedPolicyDocument', `Policy ${arn} does not exist or is not attachable.`);
  }
}
