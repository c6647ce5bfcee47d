// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSShieldServiceRolePolicy.html
// (v1; created and edited November 17, 2021, 19:17 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSShieldServiceRolePolicy',
  description: 'Allows AWS Shield to access AWS resources on your behalf to provide DDoS protection.',
  versionId: 'v1',
  created: '2021-11-17T19:17:46Z',
  updated: '2021-11-17T19:17:46Z',
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
  
});
