// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/MemoryDBServiceRolePolicy.html
// (v3; created August 17, 2021, 22:34 UTC; edited December 01, 2024).
// The document: v3 as the IAM API returns it, kept by iann0036/iam-dataset aws/managedpolicies/MemoryDBServiceRolePolicy.json
// at 2592275d820a771efe7956f0303d554532003c59 (with the time of that version, the policy's UpdateDate); that
// copy sorts keys, so they are in the order AWS's reference prints them.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'MemoryDBServiceRolePolicy',
  description: 'This policy allows MemoryDB to manage AWS resources on your behalf as necessary for managing your resources.',
  versionId: 'v3',
  created: '2021-08-17T22:34:59Z',
  updated: '2024-12-01T16:21:07Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CreateMemoryDBTagsOnNetworkInterfaces",
      "Effect": "Allow",
      "Action": [
        "ec2:CreateTags"
      ],
      "Resource": "arn:aws:ec2:*:*:network-interface/*",
      "Condition": {
        "ForAllValues:StringEquals": {
          "aws:TagKeys": [
            "AmazonMemoryDBManaged"
          ]
        },
        "StringEquals": {
          "ec2:CreateAction": "CreateNetworkInterface"
        }
      }
    },
    {
      "Sid": "CreateNetworkInterfaces",
      "Effect": "Allow",
      "Action": [
        "ec2:CreateNetworkInterface"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:network-interface/*",
        "arn:aws:ec2:*:*:subnet/*",
        "arn:aws:ec2:*:*:security-group/*"
      ]
    },
    {
      "Sid": "DeleteMemoryDBTaggedNetworkInterfaces",
      "Effect": "Allow",
      "Action": [
        "ec2:DeleteNetworkInterface",
        "ec2:ModifyNetworkInterfaceAttribute"
      ],
      "Resource": "arn:aws:ec2:*:*:network-interface/*",
      "Condition": {
        "StringEquals": {
          "ec2:ResourceTag/AmazonMemoryDBManaged": "true"
        }
      }
    },
    {
      "Sid": "DeleteNetworkInterfaces",
      "Effect": "Allow",
      "Action": [
        "ec2:DeleteNetworkInterface",
        "ec2:ModifyNetworkInterfaceAttribute"
      ],
      "Resource": "arn:aws:ec2:*:*:security-group/*"
    },
    {
      "Sid": "DescribeEC2Resources",
      "Effect": "Allow",
      "Action": [
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs"
      ],
      "Resource": "*"
    },
    {
      "Sid": "PutCloudWatchMetricData",
      "Effect": "Allow",
      "Action": [
        "cloudwatch:PutMetricData"
      ],
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "cloudwatch:namespace": "AWS/MemoryDB"
        }
      }
    },
    {
      "Sid": "ReplicateMemoryDBMultiRegionClusterData",
      "Effect": "Allow",
      "Action": [
        "memorydb:ReplicateMultiRegionClusterData"
      ],
      "Resource": "arn:aws:memorydb:*:*:cluster/*"
    }
  ]
}`,
});
