// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/KafkaServiceRolePolicy.md
// (its .md copy: v5; created November 15, 2018, 23:31 UTC; edited
// November 10, 2025, 23:19 UTC. The .html copy still shows v4 of April 28, 2023; v5 adds
// the statement on IPv6 addresses of MSK-managed network interfaces).
// The document: v5 as the IAM API returns it, kept by iann0036/iam-dataset aws/managedpolicies/KafkaServiceRolePolicy.json
// at 0a101ee80a4705f3a20638eab22c747a52c853ee (with the time of that version, the policy's UpdateDate); that
// copy sorts keys, so they are in the order AWS's reference prints them.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'KafkaServiceRolePolicy',
  description: 'IAM service linked role policy for Kafka.',
  versionId: 'v5',
  created: '2018-11-15T23:31:48Z',
  updated: '2025-11-10T23:19:09Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:AttachNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DetachNetworkInterface",
        "ec2:DescribeVpcEndpoints",
        "acm-pca:GetCertificateAuthorityCertificate",
        "secretsmanager:ListSecrets"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "ec2:ModifyVpcEndpoint"
      ],
      "Resource": "arn:*:ec2:*:*:subnet/*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "ec2:DeleteVpcEndpoints",
        "ec2:ModifyVpcEndpoint"
      ],
      "Resource": "arn:*:ec2:*:*:vpc-endpoint/*",
      "Condition": {
        "StringEquals": {
          "ec2:ResourceTag/AWSMSKManaged": "true"
        },
        "StringLike": {
          "ec2:ResourceTag/ClusterArn": "*"
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": [
        "secretsmanager:GetResourcePolicy",
        "secretsmanager:PutResourcePolicy",
        "secretsmanager:DeleteResourcePolicy",
        "secretsmanager:DescribeSecret"
      ],
      "Resource": "*",
      "Condition": {
        "ArnLike": {
          "secretsmanager:SecretId": "arn:*:secretsmanager:*:*:secret:AmazonMSK_*"
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": [
        "ec2:AssignIpv6Addresses",
        "ec2:UnassignIpv6Addresses",
        "ec2:ModifyNetworkInterfaceAttribute"
      ],
      "Resource": "arn:*:ec2:*:*:network-interface/*",
      "Condition": {
        "StringEquals": {
          "ec2:ResourceTag/AWSMSKManaged": "true"
        },
        "StringLike": {
          "ec2:ResourceTag/ClusterArn": "*"
        }
      }
    }
  ]
}`,
});
