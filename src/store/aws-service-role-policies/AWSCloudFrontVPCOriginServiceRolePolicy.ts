// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCloudFrontVPCOriginServiceRolePolicy.html
// (v1, its only version; created and edited October 24, 2024, 17:45 UTC).
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/AWSCloudFrontVPCOriginServiceRolePolicy keeps it at 0eba56317abde8396780d3ef0d4aeeedcd714712; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSCloudFrontVPCOriginServiceRolePolicy',
  description: 'Allows CloudFront to manage EC2 Elastic Network Interfaces and Security Groups on your behalf.',
  versionId: 'v1',
  created: '2024-10-24T17:45:25Z',
  updated: '2024-10-24T17:45:25Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:CreateNetworkInterface"
      ],
      "Resource": "arn:aws:ec2:*:*:network-interface/*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:RequestTag/aws.cloudfront.vpcorigin": "enabled"
        }
      },
      "Sid": "EC2Action1"
    },
    {
      "Action": [
        "ec2:CreateNetworkInterface"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:subnet/*",
        "arn:aws:ec2:*:*:security-group/*"
      ],
      "Effect": "Allow",
      "Sid": "EC2Action2"
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
          "aws:RequestTag/aws.cloudfront.vpcorigin": "enabled"
        }
      },
      "Sid": "EC2Action3"
    },
    {
      "Action": [
        "ec2:CreateSecurityGroup"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:vpc/*"
      ],
      "Effect": "Allow",
      "Sid": "EC2Action4"
    },
    {
      "Action": [
        "ec2:ModifyNetworkInterfaceAttribute",
        "ec2:DeleteNetworkInterface",
        "ec2:DeleteSecurityGroup",
        "ec2:AssignIpv6Addresses",
        "ec2:UnassignIpv6Addresses"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:ResourceTag/aws.cloudfront.vpcorigin": "enabled"
        }
      },
      "Sid": "EC2Action5"
    },
    {
      "Action": [
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeInternetGateways",
        "ec2:DescribeSubnets",
        "ec2:DescribeRegions",
        "ec2:DescribeAddresses"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "EC2Action6"
    },
    {
      "Action": "ec2:CreateTags",
      "Resource": [
        "arn:aws:ec2:*:*:security-group/*",
        "arn:aws:ec2:*:*:network-interface/*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "aws:RequestTag/aws.cloudfront.vpcorigin": "enabled",
          "ec2:CreateAction": [
            "CreateNetworkInterface",
            "CreateSecurityGroup"
          ]
        }
      },
      "Sid": "EC2Action7"
    },
    {
      "Action": [
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeTargetGroups"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "ElbAction1"
    }
  ]
}`,
});
