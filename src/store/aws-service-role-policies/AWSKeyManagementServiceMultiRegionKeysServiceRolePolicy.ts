// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy.html
// (v2; created June 16, 2021, 15:37 UTC, edited November 13, 2024, 22:53 UTC).
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy',
  description: 'Enables AWS KMS to synchronize the shared properties of multi-Region keys.',
  versionId: 'v2',
  created: '2021-06-16T15:37:37Z',
  updated: '2024-11-13T22:53:54Z',
  document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Sid" : "KMSSynchronizeMultiRegionKey",
      "Effect" : "Allow",
      "Action" : [
        "kms:SynchronizeMultiRegionKey"
      ],
      "Resource" : "*"
    }
  ]
}`,
  
});
