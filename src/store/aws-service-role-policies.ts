/**
 * The AWS managed policies that service-linked roles attach (path `/aws-service-role/`),
 * served like the others in aws-managed-policies.ts. AWS's reference says of each: "This
 * policy is attached to a service-linked role … You cannot attach this policy to your
 * users, groups, or roles."
 *
 * A policy is here only when the AWS managed policy reference publishes its whole
 * document; see service-linked-role-catalog.ts (services/iam) for the roles that use them.
 *
 * The reference gives no policy ids. rolegate derives one from the ARN (a hash, in the
 * form of IAM's `ANPA` ids) so it is stable across restarts and nodes; it is rolegate's
 * own and will not equal the id AWS shows.
 */
import { createHash } from 'node:crypto';
import type { AwsManagedPolicyEntry } from './aws-managed-policies.js';

export const SERVICE_ROLE_POLICY_PATH = '/aws-service-role/';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `ANPA` and 17 base-32 characters of the ARN's SHA-256. */
function derivedId(name: string): string {
  const digest = createHash('sha256').update(`arn:aws:iam::aws:policy${SERVICE_ROLE_POLICY_PATH}${name}`).digest();
  let id = 'ANPA';
  for (let i = 0; id.length < 21; i++) id += BASE32[digest[i]! % 32];
  return id;
}

export const SERVICE_ROLE_POLICY_ENTRIES: readonly AwsManagedPolicyEntry[] = [
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSShieldServiceRolePolicy.html
    // (v1; created and edited November 17, 2021, 19:17 UTC, to the minute only).
    name: 'AWSShieldServiceRolePolicy',
    id: derivedId('AWSShieldServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Allows AWS Shield to access AWS resources on your behalf to provide DDoS protection.',
    versionId: 'v1',
    created: '2021-11-17T19:17:00Z',
    updated: '2021-11-17T19:17:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "AWSShield",
      "Effect" : "Allow",
      "Action" : [
        "wafv2:GetWebACL",
        "wafv2:UpdateWebACL",
        "wafv2:GetWebACLForResource",
        "wafv2:ListResourcesForWebACL",
        "cloudfront:ListDistributions",
        "cloudfront:GetDistribution"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
];
