// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAutoScalingPlansEC2AutoScalingPolicy.html
// (v1; created and edited August 23, 2018, 22:46 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSAutoScalingPlansEC2AutoScalingPolicy',
  description: 'Policy granting permissions to AWS Auto Scaling to periodically forecast capacity and generate scheduled scaling actions for Auto Scaling groups in a scaling plan',
  versionId: 'v1',
  created: '2018-08-23T22:46:59Z',
  updated: '2018-08-23T22:46:59Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "cloudwatch:GetMetricData",
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeScheduledActions",
        "autoscaling:BatchPutScheduledUpdateGroupAction",
        "autoscaling:BatchDeleteScheduledAction"
      ],
      "Resource" : "*"
    }
  ]
}`,
  
});
