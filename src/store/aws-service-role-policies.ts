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
];
