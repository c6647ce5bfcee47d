/**
 * The AWS managed policies that service-linked roles attach (path `/aws-service-role/`),
 * served like the others in aws-managed-policies.ts. AWS's reference says of each: "This
 * policy is attached to a service-linked role … You cannot attach this policy to your
 * users, groups, or roles."
 *
 * A policy is here only when AWS publishes its whole document: the AWS managed policy
 * reference, or else the service's own guide as AWS keeps it in its awsdocs repositories,
 * whose copy may be an older version than the reference's default — the entry then says so
 * and how its version and dates were read. See service-linked-role-catalog.ts
 * (services/iam) for the roles that use them.
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
  {
    // The document as AWS published it in the AWS Batch User Guide (awsdocs/aws-batch-user-guide,
    // doc_source/security-iam-awsmanpol.md at 12935139048555c7aa688e09ce27ba592d48dd07): the policy after the
    // guide's last logged update (December 6, 2021; earlier: created March 10, 2021, updated March 26, 2021).
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/BatchServiceRolePolicy.html now shows v8
    // (edited August 5, 2026), but the searched copy of it holds only the beginning of that document, so
    // rolegate serves the published one. Version: rolegate's 'v3' counts the creation and the two logged updates
    // (AWS may have made more versions in between); created: the reference's creation time (to the minute);
    // updated: December 6, 2021, the day only, from the guide's log. Description from the reference.
    name: 'BatchServiceRolePolicy',
    id: derivedId('BatchServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Provides access for the AWS Batch service to manage the required resources, including Amazon EC2 and Amazon ECS resources.',
    versionId: 'v3',
    created: '2021-03-10T06:55:00Z',
    updated: '2021-12-06T00:00:00Z',
    document: `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ec2:DescribeAccountAttributes",
                "ec2:DescribeInstances",
                "ec2:DescribeInstanceStatus",
                "ec2:DescribeInstanceAttribute",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeKeyPairs",
                "ec2:DescribeImages",
                "ec2:DescribeImageAttribute",
                "ec2:DescribeSpotInstanceRequests",
                "ec2:DescribeSpotFleetInstances",
                "ec2:DescribeSpotFleetRequests",
                "ec2:DescribeSpotPriceHistory",
                "ec2:DescribeVpcClassicLink",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:RequestSpotFleet",
                "autoscaling:DescribeAccountLimits",
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeAutoScalingInstances",
                "ecs:DescribeClusters",
                "ecs:DescribeContainerInstances",
                "ecs:DescribeTaskDefinition",
                "ecs:DescribeTasks",
                "ecs:ListClusters",
                "ecs:ListContainerInstances",
                "ecs:ListTaskDefinitionFamilies",
                "ecs:ListTaskDefinitions",
                "ecs:ListTasks",
                "ecs:DeregisterTaskDefinition",
                "ecs:TagResource",
                "ecs:ListAccountSettings",
                "logs:DescribeLogGroups",
                "iam:GetInstanceProfile",
                "iam:GetRole"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "logs:CreateLogGroup",
                "logs:CreateLogStream"
            ],
            "Resource": "arn:aws:logs:*:*:log-group:/aws/batch/job*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "logs:PutLogEvents"
            ],
            "Resource": "arn:aws:logs:*:*:log-group:/aws/batch/job*:log-stream:*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "autoscaling:CreateOrUpdateTags"
            ],
            "Resource": "*",
            "Condition": {
                "Null": {
                    "aws:RequestTag/AWSBatchServiceTag": "false"
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": [
                "*"
            ],
            "Condition": {
                "StringEquals": {
                    "iam:PassedToService": [
                        "ec2.amazonaws.com",
                        "ec2.amazonaws.com.cn",
                        "ecs-tasks.amazonaws.com"
                    ]
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": "iam:CreateServiceLinkedRole",
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "iam:AWSServiceName": [
                        "spot.amazonaws.com",
                        "spotfleet.amazonaws.com",
                        "autoscaling.amazonaws.com",
                        "ecs.amazonaws.com"
                    ]
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "ec2:CreateLaunchTemplate"
            ],
            "Resource": "*",
            "Condition": {
                "Null": {
                    "aws:RequestTag/AWSBatchServiceTag": "false"
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "ec2:TerminateInstances",
                "ec2:CancelSpotFleetRequests",
                "ec2:ModifySpotFleetRequest",
                "ec2:DeleteLaunchTemplate"
            ],
            "Resource": "*",
            "Condition": {
                "Null": {
                    "aws:ResourceTag/AWSBatchServiceTag": "false"
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "autoscaling:CreateLaunchConfiguration",
                "autoscaling:DeleteLaunchConfiguration"
            ],
            "Resource": "arn:aws:autoscaling:*:*:launchConfiguration:*:launchConfigurationName/AWSBatch*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "autoscaling:CreateAutoScalingGroup",
                "autoscaling:UpdateAutoScalingGroup",
                "autoscaling:SetDesiredCapacity",
                "autoscaling:DeleteAutoScalingGroup",
                "autoscaling:SuspendProcesses",
                "autoscaling:PutNotificationConfiguration",
                "autoscaling:TerminateInstanceInAutoScalingGroup"
            ],
            "Resource": "arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/AWSBatch*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ecs:DeleteCluster",
                "ecs:DeregisterContainerInstance",
                "ecs:RunTask",
                "ecs:StartTask",
                "ecs:StopTask"
            ],
            "Resource": "arn:aws:ecs:*:*:cluster/AWSBatch*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ecs:RunTask",
                "ecs:StartTask",
                "ecs:StopTask"
            ],
            "Resource": "arn:aws:ecs:*:*:task-definition/*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ecs:StopTask"
            ],
            "Resource": "arn:aws:ecs:*:*:task/*/*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "ecs:CreateCluster",
                "ecs:RegisterTaskDefinition"
            ],
            "Resource": "*",
            "Condition": {
                "Null": {
                    "aws:RequestTag/AWSBatchServiceTag": "false"
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": "ec2:RunInstances",
            "Resource": [
                "arn:aws:ec2:*::image/*",
                "arn:aws:ec2:*::snapshot/*",
                "arn:aws:ec2:*:*:subnet/*",
                "arn:aws:ec2:*:*:network-interface/*",
                "arn:aws:ec2:*:*:security-group/*",
                "arn:aws:ec2:*:*:volume/*",
                "arn:aws:ec2:*:*:key-pair/*",
                "arn:aws:ec2:*:*:launch-template/*",
                "arn:aws:ec2:*:*:placement-group/*",
                "arn:aws:ec2:*:*:capacity-reservation/*",
                "arn:aws:ec2:*:*:elastic-gpu/*",
                "arn:aws:elastic-inference:*:*:elastic-inference-accelerator/*"
            ]
        },
        {
            "Effect": "Allow",
            "Action": "ec2:RunInstances",
            "Resource": "arn:aws:ec2:*:*:instance/*",
            "Condition": {
                "Null": {
                    "aws:RequestTag/AWSBatchServiceTag": "false"
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "ec2:CreateTags"
            ],
            "Resource": [
                "*"
            ],
            "Condition": {
                "StringEquals": {
                    "ec2:CreateAction": [
                        "RunInstances",
                        "CreateLaunchTemplate",
                        "RequestSpotFleet"
                    ]
                }
            }
        }
    ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CertificateManagerServiceRolePolicy.html
    // (v1; created and edited June 25, 2020, 17:56 UTC, to the minute only).
    name: 'CertificateManagerServiceRolePolicy',
    id: derivedId('CertificateManagerServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Amazon Certificate Manager Service Role Policy',
    versionId: 'v1',
    created: '2020-06-25T17:56:00Z',
    updated: '2020-06-25T17:56:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "acm-pca:IssueCertificate",
        "acm-pca:GetCertificate"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ECRTemplateServiceRolePolicy.html
    // (v1; created and edited June 19, 2024, 23:11 UTC, to the minute only).
    name: 'ECRTemplateServiceRolePolicy',
    id: derivedId('ECRTemplateServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Allows actions to be performed when using AWS ECR repository creation templates',
    versionId: 'v1',
    created: '2024-06-19T23:11:00Z',
    updated: '2024-06-19T23:11:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "CreateRepositoryWithTemplate",
      "Effect" : "Allow",
      "Action" : [
        "ecr:CreateRepository"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy.html
    // (v2; created June 16, 2021, 15:37 UTC, edited November 13, 2024, 22:53 UTC, to the minute only).
    name: 'AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy',
    id: derivedId('AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Enables AWS KMS to synchronize the shared properties of multi-Region keys.',
    versionId: 'v2',
    created: '2021-06-16T15:37:00Z',
    updated: '2024-11-13T22:53:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "KMSSynchronizeMultiRegionKey",
      "Effect" : "Allow",
      "Action" : [
        "kms:SynchronizeMultiRegionKey"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSForFargateServiceRolePolicy.html
    // (v1; created and edited November 22, 2019, 04:36 UTC, to the minute only).
    name: 'AmazonEKSForFargateServiceRolePolicy',
    id: derivedId('AmazonEKSForFargateServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'This policy grants necessary permissions to Amazon EKS to run fargate tasks',
    versionId: 'v1',
    created: '2019-11-22T04:36:00Z',
    updated: '2019-11-22T04:36:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeRouteTables"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSMOpsInsightsServiceRolePolicy.html
    // (v1; created and edited June 16, 2021, 20:12 UTC, to the minute only).
    name: 'AWSSSMOpsInsightsServiceRolePolicy',
    id: derivedId('AWSSSMOpsInsightsServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Policy for Service Linked Role AWSServiceRoleForAmazonSSM_OpsInsights',
    versionId: 'v1',
    created: '2021-06-16T20:12:00Z',
    updated: '2021-06-16T20:12:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "AllowCreateOpsItem",
      "Effect" : "Allow",
      "Action" : [
        "ssm:CreateOpsItem",
        "ssm:AddTagsToResource"
      ],
      "Resource" : "*"
    },
    {
      "Sid" : "AllowAccessOpsItem",
      "Effect" : "Allow",
      "Action" : [
        "ssm:UpdateOpsItem",
        "ssm:GetOpsItem"
      ],
      "Resource" : "*",
      "Condition" : {
        "StringEquals" : {
          "aws:ResourceTag/SsmOperationalInsight" : "true"
        }
      }
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDMSFleetAdvisorServiceRolePolicy.html
    // (v1; created and edited March 06, 2023, 09:10 UTC, to the minute only). Its Statement is one object, not a list.
    name: 'AWSDMSFleetAdvisorServiceRolePolicy',
    id: derivedId('AWSDMSFleetAdvisorServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Allows DMS Fleet Advisor to manage CloudWatch metrics on your behalf.',
    versionId: 'v1',
    created: '2023-03-06T09:10:00Z',
    updated: '2023-03-06T09:10:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : {
    "Effect" : "Allow",
    "Action" : "cloudwatch:PutMetricData",
    "Resource" : "*",
    "Condition" : {
      "StringEquals" : {
        "cloudwatch:namespace" : "AWS/DMS/FleetAdvisor"
      }
    }
  }
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAutoScalingPlansEC2AutoScalingPolicy.html
    // (v1; created and edited August 23, 2018, 22:46 UTC, to the minute only).
    name: 'AWSAutoScalingPlansEC2AutoScalingPolicy',
    id: derivedId('AWSAutoScalingPlansEC2AutoScalingPolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Policy granting permissions to AWS Auto Scaling to periodically forecast capacity and generate scheduled scaling actions for Auto Scaling groups in a scaling plan',
    versionId: 'v1',
    created: '2018-08-23T22:46:00Z',
    updated: '2018-08-23T22:46:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "cloudwatch:GetMetricData",
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeScheduledActions",
        "autoscaling:BatchPutScheduledUpdateGroupAction",
        "autoscaling:BatchDeleteScheduledAction"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // The document as AWS published it in the Amazon EC2 Auto Scaling User Guide (awsdocs/amazon-ec2-auto-scaling-user-guide,
    // doc_source/autoscaling-service-linked-role.md at 1f3fe75f65736dbeb817e507db781ca9f7646dba): the policy after the
    // guide's last logged update (December 6, 2022, VPC Lattice; earlier logged: May 19, 2021 and March 28, 2022, in
    // doc_source/security-iam-awsmanpol.md at the same commit, where AWS began tracking on May 19, 2021).
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AutoScalingServiceRolePolicy.html now shows v10
    // (edited November 12, 2025), but the searched copies of it hold only the beginning of that document, so rolegate
    // serves the published one. Version: rolegate's 'v4' counts the creation and the three logged updates (AWS made
    // more versions: changes before tracking began are not logged); created: the reference's creation time (to the
    // minute); updated: December 6, 2022, the day only, from the guide's log. Description from the reference.
    name: 'AutoScalingServiceRolePolicy',
    id: derivedId('AutoScalingServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Enables access to AWS services and Resources used or managed by Auto Scaling',
    versionId: 'v4',
    created: '2018-01-08T23:10:00Z',
    updated: '2022-12-06T00:00:00Z',
    document: `{
  "Version":"2012-10-17",
  "Statement":[
    {
      "Sid":"EC2InstanceManagement",
      "Effect":"Allow",
      "Action":[
        "ec2:AttachClassicLinkVpc",
        "ec2:CancelSpotInstanceRequests",
        "ec2:CreateFleet",
        "ec2:CreateTags",
        "ec2:DeleteTags",
        "ec2:Describe*",
        "ec2:DetachClassicLinkVpc",
        "ec2:ModifyInstanceAttribute",
        "ec2:RequestSpotInstances",
        "ec2:RunInstances",
        "ec2:StartInstances",
        "ec2:StopInstances",
        "ec2:TerminateInstances"
      ],
      "Resource":"*"
    },
    {
      "Sid":"EC2InstanceProfileManagement",
      "Effect":"Allow",
      "Action":[
        "iam:PassRole"
      ],
      "Resource":"*",
      "Condition":{
        "StringLike":{
          "iam:PassedToService":"ec2.amazonaws.com*"
        }
      }
    },
    {
      "Sid":"EC2SpotManagement",
      "Effect":"Allow",
      "Action":[
        "iam:CreateServiceLinkedRole"
      ],
      "Resource":"*",
      "Condition":{
        "StringEquals":{
          "iam:AWSServiceName":"spot.amazonaws.com"
        }
      }
    },
    {
      "Sid":"ELBManagement",
      "Effect":"Allow",
      "Action":[
        "elasticloadbalancing:Register*",
        "elasticloadbalancing:Deregister*",
        "elasticloadbalancing:Describe*"
      ],
      "Resource":"*"
    },
    {
      "Sid":"CWManagement",
      "Effect":"Allow",
      "Action":[
        "cloudwatch:DeleteAlarms",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:GetMetricData",
        "cloudwatch:PutMetricAlarm"
      ],
      "Resource":"*"
    },
    {
      "Sid":"SNSManagement",
      "Effect":"Allow",
      "Action":[
        "sns:Publish"
      ],
      "Resource":"*"
    },
    {
      "Sid":"EventBridgeRuleManagement",
      "Effect":"Allow",
      "Action":[
        "events:PutRule",
        "events:PutTargets",
        "events:RemoveTargets",
        "events:DeleteRule",
        "events:DescribeRule"
      ],
      "Resource":"*",
      "Condition":{
        "StringEquals":{
          "events:ManagedBy":"autoscaling.amazonaws.com"
        }
      }
    },
    {
      "Sid":"SystemsManagerParameterManagement",
      "Effect":"Allow",
      "Action":[
        "ssm:GetParameters"
      ],
      "Resource": "*"
    },
    {
      "Sid":"VpcLatticeManagement",
      "Effect":"Allow",
      "Action":[
        "vpc-lattice:DeregisterTargets",
        "vpc-lattice:GetTargetGroup",
        "vpc-lattice:ListTargets",
        "vpc-lattice:ListTargetGroups",
        "vpc-lattice:RegisterTargets"
      ],
      "Resource": "*"
    }
  ]
}`,
  },
  {
    // The document as AWS published it in the AWS DMS User Guide (awsdocs/aws-dms-user-guide,
    // doc_source/slr-services-sl.md at d0f781f1aaffa73e9ad23aa640078d433b2d4bb5): "The following code example shows the
    // AWSDMSServerlessServiceRolePolicy policy that you use to create the AWSServiceRoleForDMSServerless role".
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDMSServerlessServiceRolePolicy.html now shows v10
    // (created May 18, 2023, 20:28 UTC; edited February 12, 2026, 17:58 UTC), but the searched copies hold only the beginning
    // of that document, so rolegate serves the published one. Version: the reference's zh_tw copy shows v2 as default
    // (edited January 17, 2025, 08:37 UTC), which adds dms:ModifyReplicationTask and dms:ModifyReplicationInstance to
    // statement id2. The guide's copy lacks both, so it is read as v1: created and edited at the reference's creation time
    // (May 18, 2023, 20:28 UTC, to the minute). Description from the reference.
    name: 'AWSDMSServerlessServiceRolePolicy',
    id: derivedId('AWSDMSServerlessServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Grants AWS DMS Serverless permissions to create and manage DMS resources in your account on your behalf',
    versionId: 'v1',
    created: '2023-05-18T20:28:00Z',
    updated: '2023-05-18T20:28:00Z',
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
                "dms:DeleteReplicationTask",
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
        }
    ]
}`,
  },
  {
    // The document as AWS published it in the Amazon EKS User Guide (awsdocs/amazon-eks-user-guide,
    // doc_source/security-iam-awsmanpol.md at 00e72f61be821bcdcac5ce9bfd68c93684ffe780): the policy after the guide's only
    // logged update to it (December 13, 2021, "Added autoscaling:EnableMetricsCollection"; Amazon EKS began tracking on June
    // 17, 2021). The guide's later copy of that page (at d3e1c50c162e0da69ebe1d9a8cbe0683aa501a1a, log running to March 4,
    // 2024) logs no further change to it and links to the reference instead of showing the document.
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRoleForAmazonEKSNodegroup.html now shows v10
    // (edited November 21, 2024, 00:07 UTC; its .md copy shows v11, edited February 17, 2026, 18:42 UTC), but the searched
    // copies hold only the beginning of that document, so rolegate serves the published one. Version: rolegate's 'v2' counts
    // the creation and the one logged update (AWS made more versions: changes before tracking began are not logged);
    // created: the reference's creation time (November 07, 2019, 01:34 UTC, to the minute); updated: December 13, 2021, the
    // day only, from the guide's log. Description from the reference.
    name: 'AWSServiceRoleForAmazonEKSNodegroup',
    id: derivedId('AWSServiceRoleForAmazonEKSNodegroup'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: "Permissions required for managing nodegroups in the customer's account. These policies related to management of the following resources: AutoscalingGroups, SecurityGroups, LaunchTemplates and InstanceProfiles.",
    versionId: 'v2',
    created: '2019-11-07T01:34:00Z',
    updated: '2021-12-13T00:00:00Z',
    document: `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "SharedSecurityGroupRelatedPermissions",
            "Effect": "Allow",
            "Action": [
                "ec2:RevokeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupEgress",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:DescribeInstances",
                "ec2:RevokeSecurityGroupEgress",
                "ec2:DeleteSecurityGroup"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/eks": "*"
                }
            }
        },
        {
            "Sid": "EKSCreatedSecurityGroupRelatedPermissions",
            "Effect": "Allow",
            "Action": [
                "ec2:RevokeSecurityGroupIngress",
                "ec2:AuthorizeSecurityGroupEgress",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:DescribeInstances",
                "ec2:RevokeSecurityGroupEgress",
                "ec2:DeleteSecurityGroup"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/eks:nodegroup-name": "*"
                }
            }
        },
        {
            "Sid": "LaunchTemplateRelatedPermissions",
            "Effect": "Allow",
            "Action": [
                "ec2:DeleteLaunchTemplate",
                "ec2:CreateLaunchTemplateVersion"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ec2:ResourceTag/eks:nodegroup-name": "*"
                }
            }
        },
        {
            "Sid": "AutoscalingRelatedPermissions",
            "Effect": "Allow",
            "Action": [
                "autoscaling:UpdateAutoScalingGroup",
                "autoscaling:DeleteAutoScalingGroup",
                "autoscaling:TerminateInstanceInAutoScalingGroup",
                "autoscaling:CompleteLifecycleAction",
                "autoscaling:PutLifecycleHook",
                "autoscaling:PutNotificationConfiguration",
                "autoscaling:EnableMetricsCollection"
            ],
            "Resource": "arn:aws:autoscaling:*:*:*:autoScalingGroupName/eks-*"
        },
        {
            "Sid": "AllowAutoscalingToCreateSLR",
            "Effect": "Allow",
            "Condition": {
                "StringEquals": {
                    "iam:AWSServiceName": "autoscaling.amazonaws.com"
                }
            },
            "Action": "iam:CreateServiceLinkedRole",
            "Resource": "*"
        },
        {
            "Sid": "AllowASGCreationByEKS",
            "Effect": "Allow",
            "Action": [
                "autoscaling:CreateOrUpdateTags",
                "autoscaling:CreateAutoScalingGroup"
            ],
            "Resource": "*",
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "aws:TagKeys": [
                        "eks",
                        "eks:cluster-name",
                        "eks:nodegroup-name"
                    ]
                }
            }
        },
        {
            "Sid": "AllowPassRoleToAutoscaling",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "iam:PassedToService": "autoscaling.amazonaws.com"
                }
            }
        },
        {
            "Sid": "AllowPassRoleToEC2",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "*",
            "Condition": {
                "StringEqualsIfExists": {
                    "iam:PassedToService": [
                        "ec2.amazonaws.com",
                        "ec2.amazonaws.com.cn"
                    ]
                }
            }
        },
        {
            "Sid": "PermissionsToManageResourcesForNodegroups",
            "Effect": "Allow",
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
                "ec2:DescribeSubnets"
            ],
            "Resource": "*"
        },
        {
            "Sid": "PermissionsToCreateAndManageInstanceProfiles",
            "Effect": "Allow",
            "Action": [
                "iam:CreateInstanceProfile",
                "iam:DeleteInstanceProfile",
                "iam:RemoveRoleFromInstanceProfile",
                "iam:AddRoleToInstanceProfile"
            ],
            "Resource": "arn:aws:iam::*:instance-profile/eks-*"
        },
        {
            "Sid": "PermissionsToManageEKSAndKubernetesTags",
            "Effect": "Allow",
            "Action": [
                "ec2:CreateTags",
                "ec2:DeleteTags"
            ],
            "Resource": "*",
            "Condition": {
                "ForAnyValue:StringLike": {
                    "aws:TagKeys": [
                        "eks",
                        "eks:cluster-name",
                        "eks:nodegroup-name",
                        "kubernetes.io/cluster/*"
                    ]
                }
            }
        }
    ]
}`,
  },
  {
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
    name: 'AmazonElasticFileSystemServiceRolePolicy',
    id: derivedId('AmazonElasticFileSystemServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
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
  },
  {
    // The document as AWS published it in the Amazon API Gateway Developer Guide (awsdocs/amazon-api-gateway-developer-guide,
    // doc_source/using-service-linked-roles.md at 32e149d833f773ae1684bf57165c093f8f39e0b7): the policy after the guide's
    // logged update "Added acm:GetCertificate support" of July 12, 2021 (the day API Gateway began tracking changes).
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/APIGatewayServiceRolePolicy.html shows v9 (created
    // October 20, 2017, 17:23 UTC, edited July 12, 2021, 22:24 UTC, to the minute only), made the day of that update; the
    // searched copies of the reference hold only the beginning of its document, which agrees with the guide's through the
    // Firehose statement, so the reference's v9 and times are taken as this document's (should v9 differ after that point,
    // this is the guide's version). Layout as the guide prints it. Description from the reference.
    name: 'APIGatewayServiceRolePolicy',
    id: derivedId('APIGatewayServiceRolePolicy'),
    path: SERVICE_ROLE_POLICY_PATH,
    description: 'Allows API Gateway to manage associated AWS Resources on behalf of the customer.',
    versionId: 'v9',
    created: '2017-10-20T17:23:00Z',
    updated: '2021-07-12T22:24:00Z',
    document: `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "elasticloadbalancing:AddListenerCertificates",
                "elasticloadbalancing:RemoveListenerCertificates",
                "elasticloadbalancing:ModifyListener",
                "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeLoadBalancers",
                "xray:PutTraceSegments",
                "xray:PutTelemetryRecords",
                "xray:GetSamplingTargets",
                "xray:GetSamplingRules",
                "logs:CreateLogDelivery",
                "logs:GetLogDelivery",
                "logs:UpdateLogDelivery",
                "logs:DeleteLogDelivery",
                "logs:ListLogDeliveries",
                "servicediscovery:DiscoverInstances"
            ],
            "Resource": [
                "*"
            ]
        },
        {
            "Effect": "Allow",
            "Action": [
                "firehose:DescribeDeliveryStream",
                "firehose:PutRecord",
                "firehose:PutRecordBatch"
            ],
            "Resource": "arn:aws:firehose:*:*:deliverystream/amazon-apigateway-*"
        },
        {
            "Effect": "Allow",
            "Action": [
                "acm:DescribeCertificate",
                "acm:GetCertificate"
            ],
            "Resource": "arn:aws:acm:*:*:certificate/*"
        },
        {
            "Effect": "Allow",
            "Action": "ec2:CreateNetworkInterfacePermission",
            "Resource": "arn:aws:ec2:*:*:network-interface/*"
        },
        {
            "Effect": "Allow",
            "Action": "ec2:CreateTags",
            "Resource": "arn:aws:ec2:*:*:network-interface/*",
            "Condition": {
                "ForAllValues:StringEquals": {
                    "aws:TagKeys": [
                        "Owner",
                        "VpcLinkId"
                    ]
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "ec2:ModifyNetworkInterfaceAttribute",
                "ec2:DeleteNetworkInterface",
                "ec2:AssignPrivateIpAddresses",
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterfacePermission",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeAvailabilityZones",
                "ec2:DescribeNetworkInterfaceAttribute",
                "ec2:DescribeVpcs",
                "ec2:DescribeNetworkInterfacePermissions",
                "ec2:UnassignPrivateIpAddresses",
                "ec2:DescribeSubnets",
                "ec2:DescribeRouteTables",
                "ec2:DescribeSecurityGroups"
            ],
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": "servicediscovery:GetNamespace",
            "Resource": "arn:aws:servicediscovery:*:*:namespace/*"
        },
        {
            "Effect": "Allow",
            "Action": "servicediscovery:GetService",
            "Resource": "arn:aws:servicediscovery:*:*:service/*"
        }
    ]
}`,
  },
];
