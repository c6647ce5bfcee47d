// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSResourceAccessManagerServiceRolePolicy.html
// (v1, its only version; created and edited November 14, 2018, 19:28 UTC).
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/AWSResourceAccessManagerServiceRolePolicy keeps it at 24b649d3de6c701785bb4af34462aa8ee26f1528; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSResourceAccessManagerServiceRolePolicy',
  description: 'Policy containing Read-only AWS Resource Access Manager access to customers\' Organizations structure. It also contains IAM permissions to self-delete the role.',
  versionId: 'v1',
  created: '2018-11-14T19:28:28Z',
  updated: '2018-11-14T19:28:28Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "organizations:DescribeAccount",
        "organizations:DescribeOrganization",
        "organizations:DescribeOrganizationalUnit",
        "organizations:ListAccounts",
        "organizations:ListAccountsForParent",
        "organizations:ListChildren",
        "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListParents",
        "organizations:ListRoots"
      ],
      "Resource": "*"
    },
    {
      "Sid": "AllowDeletionOfServiceLinkedRoleForResourceAccessManager",
      "Effect": "Allow",
      "Action": [
        "iam:DeleteRole"
      ],
      "Resource": [
        "arn:aws:iam::*:role/aws-service-role/ram.amazonaws.com/*"
      ]
    }
  ]
}`,
});
