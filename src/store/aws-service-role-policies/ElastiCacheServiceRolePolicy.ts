// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ElastiCacheServiceRolePolicy.html
// (v4; created December 07, 2017, 17:50 UTC; edited November 28, 2023).
// The document: the IAM API's GetPolicyVersion answer for v4 (the default), as
// zoph-io/MAMIP policies/ElastiCacheServiceRolePolicy keeps it at 1b36617981d5e8905ceb82b8dcbd892340a023ba; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'ElastiCacheServiceRolePolicy',
  description: 'This policy allows ElastiCache to manage AWS resources on your behalf as necessary for managing your cache',
  versionId: 'v4',
  created: '2017-12-07T17:50:04Z',
  updated: '2023-11-28T03:05:37Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ElastiCacheManagementActions",
      "Effect": "Allow",
      "Action": [
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:CreateNetworkInterface",
        "ec2:CreateSecurityGroup",
        "ec2:DeleteNetworkInterface",
        "ec2:DeleteSecurityGroup",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeVpcEndpoints",
        "ec2:ModifyNetworkInterfaceAttribute",
        "ec2:RevokeSecurityGroupIngress",
        "cloudwatch:PutMetricData",
        "outposts:GetOutpost",
        "outposts:GetOutpostInstanceTypes",
        "outposts:ListOutposts",
        "outposts:ListSites"
      ],
      "Resource": "*"
    },
    {
      "Sid": "CreateDeleteVPCEndpoints",
      "Effect": "Allow",
      "Action": [
        "ec2:CreateVpcEndpoint",
        "ec2:DeleteVpcEndpoints"
      ],
      "Resource": "arn:aws:ec2:*:*:vpc-endpoint/*",
      "Condition": {
        "StringLike": {
          "ec2:VpceServiceName": "com.amazonaws.elasticache.serverless.*"
        }
      }
    },
    {
      "Sid": "TagVPCEndpointsOnCreation",
      "Effect": "Allow",
      "Action": [
        "ec2:CreateTags"
      ],
      "Resource": "arn:aws:ec2:*:*:vpc-endpoint/*",
      "Condition": {
        "StringEquals": {
          "ec2:CreateAction": "CreateVpcEndpoint",
          "aws:RequestTag/AmazonElastiCacheManaged": "true"
        }
      }
    },
    {
      "Sid": "ModifyVpcEndpoints",
      "Effect": "Allow",
      "Action": [
        "ec2:ModifyVpcEndpoint"
      ],
      "Resource": "arn:aws:ec2:*:*:vpc-endpoint/*",
      "Condition": {
        "StringEquals": {
          "ec2:ResourceTag/AmazonElastiCacheManaged": "true"
        }
      }
    },
    {
      "Sid": "AllowAccessToElastiCacheTaggedVpcEndpoints",
      "Effect": "Allow",
      "Action": [
        "ec2:CreateVpcEndpoint",
        "ec2:ModifyVpcEndpoint"
      ],
      "NotResource": "arn:aws:ec2:*:*:vpc-endpoint/*"
    }
  ]
}`,
});
