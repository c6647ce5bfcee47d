// The document as AWS published it in the Amazon EFS User Guide (awsdocs/amazon-efs-user-guide,
// doc_source/using-service-linked-roles.md at 767cd53e39dbca7cf80864746c7072037f577172): the policy after the guide's last
// logged update (January 25, 2022, replication permissions; doc_source/security-iam-awsmanpol.md at the same commit, where
// AWS began tracking the policy on October 8, 2021). The guide's earlier copy of the page (at
// d67810f822a018610186e666cc9afa893b941913) lists only six ec2 actions, so AWS also changed the policy before tracking began.
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonElasticFileSystemServiceRolePolicy.html now shows v5
// (edited November 7, 2024, 19:19 UTC), but the searched copies of it (English .md, zh_cn, zh_tw, fr_fr, it_it, de_de, id_id)
// hold only the beginning of that document, so rolegate serves the published one. Version: rolegate's 'v2' counts the
// creation and the one logged update (AWS made more versions: changes before tracking began are not logged); created: the
// reference's creation time (November 5, 2019, 16:52 UTC, to the minute); updated: January 25, 2022, the day only, from the
// guide's log. Description from the reference.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonElasticFileSystemServiceRolePolicy',
  description: 'Allows Amazon Elastic File System to manage AWS resources on your behalf',
  versionId: 'v2',
  created: '2019-11-05T16:52:00Z',
  updated: '2022-01-25T00:00:00Z',
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
                "elasticfilesystem:DeleteReplicationConfiguration"
            ],
            "Resource": "*"
        }
    ]
}`,
  
});
