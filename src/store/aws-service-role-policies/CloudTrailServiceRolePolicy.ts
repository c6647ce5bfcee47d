// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudTrailServiceRolePolicy.html
// (v3; created October 24, 2018, 21:21 UTC, the second from v1 as MAMIP kept it at
// 0f12eb66806dca82cc0288bdb158b17f758f1a96; edited November 27, 2023, 01:18 UTC).
// The document: the IAM API's GetPolicyVersion answer for v3 (the default), as
// zoph-io/MAMIP policies/CloudTrailServiceRolePolicy keeps it at 24b649d3de6c701785bb4af34462aa8ee26f1528; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'CloudTrailServiceRolePolicy',
  description: 'Permission policy for CloudTrail ServiceLinkedRole',
  versionId: 'v3',
  created: '2018-10-24T21:21:44Z',
  updated: '2023-11-27T01:18:10Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CloudTrailFullAccess",
      "Effect": "Allow",
      "Action": [
        "cloudtrail:*"
      ],
      "Resource": "*"
    },
    {
      "Sid": "AwsOrgsAccess",
      "Effect": "Allow",
      "Action": [
        "organizations:DescribeAccount",
        "organizations:DescribeOrganization",
        "organizations:ListAccounts",
        "organizations:ListAWSServiceAccessForOrganization"
      ],
      "Resource": [
        "*"
      ]
    },
    {
      "Sid": "AwsOrgsDelegatedAdminAccess",
      "Effect": "Allow",
      "Action": "organizations:ListDelegatedAdministrators",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "organizations:ServicePrincipal": [
            "cloudtrail.amazonaws.com"
          ]
        }
      }
    },
    {
      "Sid": "DeleteTableAccess",
      "Effect": "Allow",
      "Action": "glue:DeleteTable",
      "Resource": [
        "arn:*:glue:*:*:catalog",
        "arn:*:glue:*:*:database/aws:cloudtrail",
        "arn:*:glue:*:*:table/aws:cloudtrail/*"
      ],
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      }
    },
    {
      "Sid": "DeregisterResourceAccess",
      "Effect": "Allow",
      "Action": "lakeformation:DeregisterResource",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      }
    }
  ]
}`,
});
