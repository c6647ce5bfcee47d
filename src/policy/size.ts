/**
 * Policy sizes as IAM counts them, and the quotas they are held to (IAM User Guide,
 * "IAM and AWS STS quotas"). IAM does not count white space in managed and inline
 * policies; the trust-policy and session-policy limits are counted the same way here.
 * The service that stores a policy turns an excess into AWS's error for that call.
 */

export type PolicyUse = 'managed' | 'inline-user' | 'inline-group' | 'inline-role' | 'trust' | 'session';

/** Characters, without white space: per version for managed, summed over all inline policies of the entity. */
export const POLICY_SIZE_QUOTA: Readonly<Record<PolicyUse, number>> = {
  managed: 6144,
  'inline-user': 2048,
  'inline-group': 5120,
  'inline-role': 10240,
  trust: 2048,
  session: 2048,
};

/** The length of a policy text without its white space (space, tab, CR, LF). */
export function policySize(text: string): number {
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) size++;
  }
  return size;
}
