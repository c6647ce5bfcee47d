// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonFISServiceRolePolicy.html
// (v7; created December 21, 2020, 21:18 UTC; edited October 25, 2022).
// The document: the IAM API's GetPolicyVersion answer for v7 (the default), as
// zoph-io/MAMIP policies/AmazonFISServiceRolePolicy keeps it at 33de13643f97d8fbcaabba033b6899da2d110256; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonFISServiceRolePolicy',
  description: 'Policy to enable AWS FIS to manage monitoring and resource selection for experiments.',
  versionId: 'v7',
  created: '2020-12-21T21:18:19Z',
  updated: '2022-10-25T09:05:23Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EventBridge",
      "Effect": "Allow",
      "Action": [
        "events:PutRule",
        "events:DeleteRule",
        "events:PutTargets",
        "events:RemoveTargets"
      ],
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "events:ManagedBy": "fis.amazonaws.com"
        }
      }
    },
    {
      "Sid": "EventBridgeDescribe",
      "Effect": "Allow",
      "Action": [
        "events:DescribeRule"
      ],
      "Resource": "*"
    },
    {
      "Sid": "Tagging",
      "Effect": "Allow",
      "Action": [
        "tag:GetResources"
      ],
      "Resource": "*"
    },
    {
      "Sid": "CloudWatch",
      "Effect": "Allow",
      "Action": [
        "cloudwatch:DescribeAlarms",
        "cloudwatch:DescribeAlarmHistory"
      ],
      "Resource": "*"
    },
    {
      "Sid": "DescribeUserResources",
      "Effect": "Allow",
      "Action": [
        "ec2:DescribeInstances",
        "ec2:DescribeSubnets",
        "iam:GetUser",
        "iam:GetRole",
        "iam:ListUsers",
        "iam:ListRoles",
        "rds:DescribeDBClusters",
        "rds:DescribeDBInstances",
        "ecs:DescribeClusters",
        "ecs:DescribeTasks",
        "ecs:ListTasks",
        "eks:DescribeNodegroup",
        "eks:DescribeCluster"
      ],
      "Resource": "*"
    }
  ]
}`,
});
