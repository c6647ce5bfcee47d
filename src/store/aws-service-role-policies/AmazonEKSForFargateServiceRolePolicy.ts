// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSForFargateServiceRolePolicy.html
// (v1; created and edited November 22, 2019, 04:36 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonEKSForFargateServiceRolePolicy',
  description: 'This policy grants necessary permissions to Amazon EKS to run fargate tasks',
  versionId: 'v1',
  created: '2019-11-22T04:36:25Z',
  updated: '2019-11-22T04:36:25Z',
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
  
});
