// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy.html
// (v2; created November 14, 2018, 20:10 UTC; edited November 10, 2023).
// The document: the IAM API's GetPolicyVersion answer for v2 (the default), as
// zoph-io/MAMIP policies/AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy keeps it at 1b36617981d5e8905ceb82b8dcbd892340a023ba; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy',
  description: 'Enables access to AWS services and resources required for AWS KMS custom key stores',
  versionId: 'v2',
  created: '2018-11-14T20:10:53Z',
  updated: '2023-11-10T19:03:34Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "cloudhsm:Describe*",
        "ec2:CreateNetworkInterface",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:CreateSecurityGroup",
        "ec2:DescribeSecurityGroups",
        "ec2:RevokeSecurityGroupEgress",
        "ec2:DeleteSecurityGroup",
        "ec2:DescribeVpcs",
        "ec2:DescribeNetworkAcls",
        "ec2:DescribeNetworkInterfaces"
      ],
      "Resource": "*"
    }
  ]
}`,
});
