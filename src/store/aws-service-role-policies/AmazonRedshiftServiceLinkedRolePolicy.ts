// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRedshiftServiceLinkedRolePolicy.html
// (v15; created September 18, 2017, 19:19 UTC; edited February 19, 2025).
// The document: the IAM API's GetPolicyVersion answer for v15 (the default), as
// zoph-io/MAMIP policies/AmazonRedshiftServiceLinkedRolePolicy keeps it at c12313991254f0f6b13a34123bb212bfc647f230; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonRedshiftServiceLinkedRolePolicy',
  description: 'Allows Amazon Redshift to call AWS services on your behalf',
  versionId: 'v15',
  created: '2017-09-18T19:19:45Z',
  updated: '2025-02-19T17:22:07Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:DescribeVpcs",
        "ec2:DescribeSubnets",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeAddresses",
        "ec2:AssociateAddress",
        "ec2:DisassociateAddress",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:ModifyNetworkInterfaceAttribute",
        "ec2:CreateVpcEndpoint",
        "ec2:DeleteVpcEndpoints",
        "ec2:DescribeVpcEndpoints",
        "ec2:ModifyVpcEndpoint"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "Ec2VpcPermissions"
    },
    {
      "Action": [
        "ec2:AllocateAddress"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:elastic-ip/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:RequestTag/Redshift": "true"
        }
      },
      "Sid": "PublicAccessCreateEip"
    },
    {
      "Action": [
        "ec2:ReleaseAddress"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:elastic-ip/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:ResourceTag/Redshift": "true"
        }
      },
      "Sid": "PublicAccessReleaseEip"
    },
    {
      "Action": [
        "logs:CreateLogGroup",
        "logs:PutRetentionPolicy"
      ],
      "Resource": [
        "arn:aws:logs:*:*:log-group:/aws/redshift/*"
      ],
      "Effect": "Allow",
      "Sid": "EnableCreationAndManagementOfRedshiftCloudwatchLogGroups"
    },
    {
      "Action": [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams",
        "logs:GetLogEvents"
      ],
      "Resource": [
        "arn:aws:logs:*:*:log-group:/aws/redshift/*:log-stream:*"
      ],
      "Effect": "Allow",
      "Sid": "EnableCreationAndManagementOfRedshiftCloudwatchLogStreams"
    },
    {
      "Action": [
        "ec2:CreateSecurityGroup"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:security-group/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:RequestTag/Redshift": "true"
        }
      },
      "Sid": "CreateSecurityGroupWithTags"
    },
    {
      "Action": [
        "ec2:AuthorizeSecurityGroupEgress",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:ModifySecurityGroupRules",
        "ec2:DeleteSecurityGroup"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:security-group/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:ResourceTag/Redshift": "true"
        }
      },
      "Sid": "SecurityGroupPermissions"
    },
    {
      "Action": [
        "ec2:CreateSecurityGroup"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:vpc/*"
      ],
      "Effect": "Allow",
      "Sid": "CreateSecurityGroup"
    },
    {
      "Action": "ec2:CreateTags",
      "Resource": [
        "arn:aws:ec2:*:*:subnet/*",
        "arn:aws:ec2:*:*:route-table/*",
        "arn:aws:ec2:*:*:security-group/*",
        "arn:aws:ec2:*:*:vpc/*",
        "arn:aws:ec2:*:*:internet-gateway/*",
        "arn:aws:ec2:*:*:elastic-ip/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "ec2:CreateAction": [
            "CreateVpc",
            "CreateSecurityGroup",
            "CreateSubnet",
            "CreateInternetGateway",
            "CreateRouteTable",
            "AllocateAddress"
          ]
        }
      },
      "Sid": "CreateTagsOnResources"
    },
    {
      "Action": [
        "ec2:DescribeVpcAttribute",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInternetGateways",
        "ec2:DescribeSecurityGroupRules",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeNetworkAcls",
        "ec2:DescribeRouteTables"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "VPCPermissions"
    },
    {
      "Action": [
        "cloudwatch:PutMetricData"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "cloudwatch:namespace": [
            "AWS/Redshift-Serverless",
            "AWS/Redshift"
          ]
        }
      },
      "Sid": "CloudWatch"
    },
    {
      "Action": [
        "secretsmanager:DescribeSecret",
        "secretsmanager:DeleteSecret",
        "secretsmanager:PutSecretValue",
        "secretsmanager:UpdateSecret",
        "secretsmanager:UpdateSecretVersionStage",
        "secretsmanager:RotateSecret"
      ],
      "Resource": [
        "arn:aws:secretsmanager:*:*:secret:redshift!*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "secretsmanager:ResourceTag/aws:secretsmanager:owningService": "redshift",
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        }
      },
      "Sid": "SecretManager"
    },
    {
      "Action": [
        "secretsmanager:GetRandomPassword"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "SecretsManagerRandomPassword"
    },
    {
      "Action": [
        "ec2:AssignIpv6Addresses",
        "ec2:UnassignIpv6Addresses"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:network-interface/*"
      ],
      "Effect": "Allow",
      "Sid": "IPV6Permissions"
    },
    {
      "Action": [
        "servicequotas:GetServiceQuota"
      ],
      "Resource": [
        "arn:aws:servicequotas:*:*:ec2/L-0263D0A3",
        "arn:aws:servicequotas:*:*:vpc/L-29B6F2EB"
      ],
      "Effect": "Allow",
      "Sid": "ServiceQuotasToCheckCustomerLimits"
    },
    {
      "Action": [
        "glue:GetCatalog",
        "glue:GetCatalogs"
      ],
      "Resource": [
        "arn:aws:glue:*:*:catalog",
        "arn:aws:glue:*:*:catalog/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        },
        "Bool": {
          "glue:EnabledForRedshiftAutoDiscovery": "true"
        }
      },
      "Sid": "DiscoverRedshiftCatalogs"
    },
    {
      "Action": [
        "lakeformation:GetDataAccess"
      ],
      "Resource": [
        "*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "\${aws:PrincipalAccount}"
        },
        "ForAnyValue:StringEquals": {
          "aws:CalledVia": "glue.amazonaws.com"
        },
        "Bool": {
          "lakeformation:EnabledOnlyForMetaDataAccess": "true"
        }
      },
      "Sid": "LakeFormationGetMetadataAccessForFederatedCatalogs"
    }
  ]
}`,
});
