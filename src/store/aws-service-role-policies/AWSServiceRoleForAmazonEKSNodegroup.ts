// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRoleForAmazonEKSNodegroup.md
// (its .md copy and AWS's ko_kr, de_de and pt_br copies: v11; created November 07, 2019, 01:34 UTC; edited February 17, 2026, 18:42 UTC. The .html copy still shows v10 of November 21, 2024).
// The document: the IAM API's GetPolicyVersion answer for v11 (the default), as
// zoph-io/MAMIP policies/AWSServiceRoleForAmazonEKSNodegroup keeps it at 1d7d4e8f2e605bb5f5b836c2d77020f898a901b5; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSServiceRoleForAmazonEKSNodegroup',
  description: 'Permissions required for managing nodegroups in the customer\'s account. These policies related to management of the following resources: AutoscalingGroups, SecurityGroups, LaunchTemplates and InstanceProfiles.',
  versionId: 'v11',
  created: '2019-11-07T01:34:26Z',
  updated: '2026-02-17T18:42:07Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:RevokeSecurityGroupIngress",
        "ec2:AuthorizeSecurityGroupEgress",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:DescribeInstances",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:DeleteSecurityGroup"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringLike": {
          "ec2:ResourceTag/eks": "*"
        }
      },
      "Sid": "SharedSecurityGroupRelatedPermissions"
    },
    {
      "Action": [
        "ec2:RevokeSecurityGroupIngress",
        "ec2:AuthorizeSecurityGroupEgress",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:DescribeInstances",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:DeleteSecurityGroup"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringLike": {
          "ec2:ResourceTag/eks:nodegroup-name": "*"
        }
      },
      "Sid": "EKSCreatedSecurityGroupRelatedPermissions"
    },
    {
      "Action": [
        "ec2:DeleteLaunchTemplate",
        "ec2:CreateLaunchTemplateVersion"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringLike": {
          "ec2:ResourceTag/eks:nodegroup-name": "*"
        }
      },
      "Sid": "LaunchTemplateRelatedPermissions"
    },
    {
      "Action": [
        "autoscaling:UpdateAutoScalingGroup",
        "autoscaling:DeleteAutoScalingGroup",
        "autoscaling:TerminateInstanceInAutoScalingGroup",
        "autoscaling:CompleteLifecycleAction",
        "autoscaling:PutLifecycleHook",
        "autoscaling:PutNotificationConfiguration",
        "autoscaling:EnableMetricsCollection",
        "autoscaling:PutScheduledUpdateGroupAction",
        "autoscaling:ResumeProcesses",
        "autoscaling:SuspendProcesses",
        "autoscaling:PutWarmPool",
        "autoscaling:DeleteWarmPool"
      ],
      "Resource": "arn:aws:autoscaling:*:*:*:autoScalingGroupName/eks-*",
      "Effect": "Allow",
      "Sid": "AutoscalingRelatedPermissions"
    },
    {
      "Action": "iam:CreateServiceLinkedRole",
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "iam:AWSServiceName": "autoscaling.amazonaws.com"
        }
      },
      "Sid": "AllowAutoscalingToCreateSLR"
    },
    {
      "Action": [
        "autoscaling:CreateOrUpdateTags",
        "autoscaling:CreateAutoScalingGroup"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "ForAnyValue:StringEquals": {
          "aws:TagKeys": [
            "eks",
            "eks:cluster-name",
            "eks:nodegroup-name"
          ]
        }
      },
      "Sid": "AllowASGCreationByEKS"
    },
    {
      "Action": "iam:PassRole",
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "autoscaling.amazonaws.com"
        }
      },
      "Sid": "AllowPassRoleToAutoscaling"
    },
    {
      "Action": "iam:PassRole",
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEqualsIfExists": {
          "iam:PassedToService": [
            "ec2.amazonaws.com"
          ]
        }
      },
      "Sid": "AllowPassRoleToEC2"
    },
    {
      "Action": [
        "iam:GetRole",
        "ec2:CreateLaunchTemplate",
        "ec2:DescribeInstances",
        "iam:GetInstanceProfile",
        "ec2:DescribeLaunchTemplates",
        "autoscaling:DescribeAutoScalingGroups",
        "ec2:CreateSecurityGroup",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:RunInstances",
        "ec2:DescribeSecurityGroups",
        "ec2:GetConsoleOutput",
        "ec2:DescribeRouteTables",
        "ec2:DescribeSubnets",
        "ec2:DescribeCapacityReservations",
        "autoscaling:DescribeWarmPool"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "PermissionsToManageResourcesForNodegroups"
    },
    {
      "Action": [
        "iam:CreateInstanceProfile",
        "iam:DeleteInstanceProfile",
        "iam:RemoveRoleFromInstanceProfile",
        "iam:AddRoleToInstanceProfile"
      ],
      "Resource": "arn:aws:iam::*:instance-profile/eks-*",
      "Effect": "Allow",
      "Sid": "PermissionsToCreateAndManageInstanceProfiles"
    },
    {
      "Action": [
        "ec2:DeleteTags"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "ForAnyValue:StringLike": {
          "aws:TagKeys": [
            "eks",
            "eks:cluster-name",
            "eks:nodegroup-name",
            "kubernetes.io/cluster/*"
          ]
        }
      },
      "Sid": "PermissionsToDeleteEKSAndKubernetesTags"
    },
    {
      "Action": [
        "ec2:RebootInstances"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringLike": {
          "ec2:ResourceTag/eks:nodegroup-name": "*"
        }
      },
      "Sid": "PermissionsForManagedNodegroupsAutoRepair"
    },
    {
      "Action": [
        "ec2:CreateTags"
      ],
      "Resource": [
        "arn:*:ec2:*:*:security-group/*",
        "arn:*:ec2:*:*:launch-template/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "ForAnyValue:StringLike": {
          "aws:TagKeys": [
            "eks",
            "eks:cluster-name",
            "eks:nodegroup-name",
            "kubernetes.io/cluster/*"
          ]
        }
      },
      "Sid": "PermissionsToCreateEKSAndKubernetesTags"
    },
    {
      "Action": [
        "ec2:CreateTags"
      ],
      "Resource": [
        "arn:*:ec2:*:*:instance/*",
        "arn:*:ec2:*:*:volume/*",
        "arn:*:ec2:*:*:network-interface/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "ec2:CreateAction": [
            "RunInstances"
          ]
        },
        "ForAnyValue:StringLike": {
          "aws:TagKeys": [
            "eks",
            "eks:cluster-name",
            "eks:nodegroup-name",
            "kubernetes.io/cluster/*"
          ]
        }
      },
      "Sid": "AllowTaggingEC2ResourcesOnlyDuringInstanceCreation"
    }
  ]
}`,
});
