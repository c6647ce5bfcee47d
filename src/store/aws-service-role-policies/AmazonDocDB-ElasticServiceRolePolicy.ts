// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDocDB-ElasticServiceRolePolicy.html
// (v1, its only version; created and edited November 30, 2022, 14:17 UTC). The document is
// also whole on that page.
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/AmazonDocDB-ElasticServiceRolePolicy keeps it at aafbae9e6087b732577df3a0556f8677e5d4c79b; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AmazonDocDB-ElasticServiceRolePolicy',
  description: 'Allows Amazon DocumentDB-Elastic to manage AWS resources on your behalf.',
  versionId: 'v1',
  created: '2022-11-30T14:17:05Z',
  updated: '2022-11-30T14:17:05Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "cloudwatch:PutMetricData"
      ],
      "Resource": "*",
      "Effect": "Allow",
      "Condition": {
        "StringEquals": {
          "cloudwatch:namespace": [
            "AWS/DocDB-Elastic"
          ]
        }
      }
    }
  ]
}`,
});
