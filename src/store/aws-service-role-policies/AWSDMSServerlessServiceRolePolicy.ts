// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDMSServerlessServiceRolePolicy.html
// (v10; created May 18, 2023, 20:28 UTC; edited February 12, 2026, 17:58 UTC).
// The document: v10 as the IAM API returns it, kept by iann0036/iam-dataset aws/managedpolicies/AWSDMSServerlessServiceRolePolicy.json
// at 102657ea03bc938a9db28b0df2e130a2120c69e4 (with the time of that version, the policy's UpdateDate); that
// copy sorts keys, so they are in the order AWS's reference prints them.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSDMSServerlessServiceRolePolicy',
  description: 'Grants AWS DMS Serverless permissions to create and manage DMS resources in your account on your behalf',
  versionId: 'v10',
  created: '2023-05-18T20:28:05Z',
  updated: '2026-02-12T17:58:40Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "id0",
      "Effect": "Allow",
      "Action": [
        "dms:CreateReplicationInstance",
        "dms:CreateReplicationTask"
      ],
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "dms:req-tag/ResourceCreatedBy": "DMSServerless"
        }
      }
    },
    {
      "Sid": "id1",
      "Effect": "Allow",
      "Action": [
        "dms:DescribeReplicationInstances",
        "dms:DescribeReplicationTasks"
      ],
      "Resource": "*"
    },
    {
      "Sid": "id2",
      "Effect": "Allow",
      "Action": [
        "dms:StartReplicationTask",
        "dms:StopReplicationTask",
        "dms:ModifyReplicationTask",
        "dms:DeleteReplicationTask",
        "dms:ModifyReplicationInstance",
        "dms:DeleteReplicationInstance"
      ],
      "Resource": [
        "arn:aws:dms:*:*:rep:*",
        "arn:aws:dms:*:*:task:*"
      ],
      "Condition": {
        "StringEqualsIgnoreCase": {
          "aws:ResourceTag/ResourceCreatedBy": "DMSServerless"
        }
      }
    },
    {
      "Sid": "id3",
      "Effect": "Allow",
      "Action": [
        "dms:TestConnection",
        "dms:DeleteConnection"
      ],
      "Resource": [
        "arn:aws:dms:*:*:rep:*",
        "arn:aws:dms:*:*:endpoint:*"
      ]
    },
    {
      "Sid": "id4",
      "Effect": "Allow",
      "Action": [
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:GetObject",
        "s3:PutObjectTagging"
      ],
      "Resource": [
        "arn:aws:s3:::dms-serverless-premigration-results-*",
        "arn:aws:s3:::dms-premigration-results-*"
      ],
      "Condition": {
        "StringEquals": {
          "s3:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      }
    },
    {
      "Sid": "id5",
      "Effect": "Allow",
      "Action": [
        "s3:PutBucketPolicy",
        "s3:ListBucket",
        "s3:GetBucketLocation",
        "s3:CreateBucket"
      ],
      "Resource": [
        "arn:aws:s3:::dms-serverless-premigration-results-*",
        "arn:aws:s3:::dms-premigration-results-*"
      ],
      "Condition": {
        "StringEquals": {
          "s3:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      }
    },
    {
      "Sid": "id6",
      "Effect": "Allow",
      "Action": [
        "dms:StartReplicationTaskAssessmentRun"
      ],
      "Resource": [
        "arn:aws:dms:*:*:task:*"
      ],
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      }
    }
  ]
}`,
});
