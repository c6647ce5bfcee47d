// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonElasticFileSystemServiceRolePolicy.md
// (v5; created November 05, 2019, 16:52 UTC; edited November 07, 2024, 19:19 UTC;
// AWS's translations of the page show the same).
// The document: v5 as the IAM API returns it, kept by iann0036/iam-dataset aws/managedpolicies/AmazonElasticFileSystemServiceRolePolicy.json
// at 13926783cfde2c6d9f242eed29c070b3524a2145 (with the time of that version, the policy's UpdateDate); that
// copy sorts keys, so they are in the order AWS's reference prints them.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonElasticFileSystemServiceRolePolicy',
  description: 'Allows Amazon Elastic File System to manage AWS resources on your behalf',
  versionId: 'v5',
  created: '2019-11-05T16:52:41Z',
  updated: '2024-11-07T19:19:50Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "backup-storage:MountCapsule",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeNetworkInterfaceAttribute",
        "ec2:ModifyNetworkInterfaceAttribute",
        "tag:GetResources"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "kms:DescribeKey"
      ],
      "Resource": "arn:aws:kms:*:*:key/*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "backup:CreateBackupVault",
        "backup:PutBackupVaultAccessPolicy"
      ],
      "Resource": [
        "arn:aws:backup:*:*:backup-vault:aws/efs/automatic-backup-vault"
      ]
    },
    {
      "Effect": "Allow",
      "Action": [
        "backup:CreateBackupPlan",
        "backup:CreateBackupSelection"
      ],
      "Resource": [
        "arn:aws:backup:*:*:backup-plan:*"
      ]
    },
    {
      "Effect": "Allow",
      "Action": [
        "iam:CreateServiceLinkedRole"
      ],
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "iam:AWSServiceName": [
            "backup.amazonaws.com"
          ]
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": [
        "iam:PassRole"
      ],
      "Resource": [
        "arn:aws:iam::*:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup"
      ],
      "Condition": {
        "StringLike": {
          "iam:PassedToService": "backup.amazonaws.com"
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": [
        "elasticfilesystem:DescribeFileSystems",
        "elasticfilesystem:CreateReplicationConfiguration",
        "elasticfilesystem:DescribeReplicationConfigurations",
        "elasticfilesystem:DeleteReplicationConfiguration",
        "elasticfilesystem:ReplicationRead",
        "elasticfilesystem:ReplicationWrite"
      ],
      "Resource": "*"
    }
  ]
}`,
});
