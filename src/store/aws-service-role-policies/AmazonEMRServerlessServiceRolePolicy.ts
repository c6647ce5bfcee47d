// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEMRServerlessServiceRolePolicy.html
// (v3; created May 20, 2022, 23:15 UTC; edited January 25, 2024).
// The document: the IAM API's GetPolicyVersion answer for v3 (the default), as
// zoph-io/MAMIP policies/AmazonEMRServerlessServiceRolePolicy keeps it at aafbae9e6087b732577df3a0556f8677e5d4c79b; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonEMRServerlessServiceRolePolicy',
  description: 'Allows access to other AWS service resources that are required to run Amazon EMRServerless',
  versionId: 'v3',
  created: '2022-05-20T23:15:42Z',
  updated: '2024-01-25T18:21:43Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeRouteTables"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Sid": "EC2PolicyStatement"
    },
    {
      "Action": [
        "cloudwatch:PutMetricData"
      ],
      "Resource": [
        "*"
      ],
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "cloudwatch:namespace": [
            "AWS/EMRServerless",
            "AWS/Usage"
          ]
        }
      },
      "Sid": "CloudWatchPolicyStatement"
    }
  ]
}`,
});
