// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSApplicationAutoscalingCassandraTablePolicy.html
// (v1, its only version; created and edited March 18, 2020, 22:49 UTC). The document is
// also whole on that page.
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/AWSApplicationAutoscalingCassandraTablePolicy keeps it at aafbae9e6087b732577df3a0556f8677e5d4c79b; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSApplicationAutoscalingCassandraTablePolicy',
  description: 'Policy granting permissions to Application Auto Scaling to access Cassandra and CloudWatch.',
  versionId: 'v1',
  created: '2020-03-18T22:49:23Z',
  updated: '2020-03-18T22:49:23Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "cassandra:Select",
      "Resource": [
        "arn:*:cassandra:*:*:/keyspace/system/table/*",
        "arn:*:cassandra:*:*:/keyspace/system_schema/table/*",
        "arn:*:cassandra:*:*:/keyspace/system_schema_mcs/table/*"
      ],
      "Effect": "Allow"
    },
    {
      "Action": [
        "cassandra:Alter",
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:DeleteAlarms"
      ],
      "Resource": "*",
      "Effect": "Allow"
    }
  ]
}`,
});
