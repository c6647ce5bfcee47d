// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDMSFleetAdvisorServiceRolePolicy.html
// (v1; created and edited March 06, 2023, 09:10 UTC). Its Statement is one object, not a list.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSDMSFleetAdvisorServiceRolePolicy',
  description: 'Allows DMS Fleet Advisor to manage CloudWatch metrics on your behalf.',
  versionId: 'v1',
  created: '2023-03-06T09:10:42Z',
  updated: '2023-03-06T09:10:42Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : {
    "Effect" : "Allow",
    "Action" : "cloudwatch:PutMetricData",
    "Resource" : "*",
    "Condition" : {
      "StringEquals" : {
        "cloudwatch:namespace" : "AWS/DMS/FleetAdvisor"
      }
    }
  }
}`,
  
});
