// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSApplicationAutoscalingEC2SpotFleetRequestPolicy.html
// (v1, its only version; created and edited October 25, 2017, 18:23 UTC). The document is
// also whole on that page.
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/AWSApplicationAutoscalingEC2SpotFleetRequestPolicy keeps it at 1b36617981d5e8905ceb82b8dcbd892340a023ba; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSApplicationAutoscalingEC2SpotFleetRequestPolicy',
  description: 'Policy granting permissions to Application Auto Scaling to access EC2 Spot Fleet and CloudWatch.',
  versionId: 'v1',
  created: '2017-10-25T18:23:27Z',
  updated: '2017-10-25T18:23:27Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:DescribeSpotFleetRequests",
        "ec2:ModifySpotFleetRequest",
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:DeleteAlarms"
      ],
      "Resource": [
        "*"
      ]
    }
  ]
}`,
});
