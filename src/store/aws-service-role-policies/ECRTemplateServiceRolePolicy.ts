// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ECRTemplateServiceRolePolicy.html
// (v1; created and edited June 19, 2024, 23:11 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'ECRTemplateServiceRolePolicy',
  description: 'Allows actions to be performed when using AWS ECR repository creation templates',
  versionId: 'v1',
  created: '2024-06-19T23:11:37Z',
  updated: '2024-06-19T23:11:37Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "CreateRepositoryWithTemplate",
      "Effect" : "Allow",
      "Action" : [
        "ecr:CreateRepository"
      ],
      "Resource" : "*"
    }
  ]
}`,
  
});
