// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSMOpsInsightsServiceRolePolicy.html
// (v1; created and edited June 16, 2021, 20:12 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSSSMOpsInsightsServiceRolePolicy',
  description: 'Policy for Service Linked Role AWSServiceRoleForAmazonSSM_OpsInsights',
  versionId: 'v1',
  created: '2021-06-16T20:12:52Z',
  updated: '2021-06-16T20:12:52Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "AllowCreateOpsItem",
      "Effect" : "Allow",
      "Action" : [
        "ssm:CreateOpsItem",
        "ssm:AddTagsToResource"
      ],
      "Resource" : "*"
    },
    {
      "Sid" : "AllowAccessOpsItem",
      "Effect" : "Allow",
      "Action" : [
        "ssm:UpdateOpsItem",
        "ssm:GetOpsItem"
      ],
      "Resource" : "*",
      "Condition" : {
        "StringEquals" : {
          "aws:ResourceTag/SsmOperationalInsight" : "true"
        }
      }
    }
  ]
}`,
  
});
