// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/EMRDescribeClusterPolicyForEMRWAL.html
// (v1, its only version; created and edited June 15, 2023, 23:30 UTC). The document is also
// whole on that page (the EMR guide prints an older variant).
// The document: the IAM API's GetPolicyVersion answer for v1 (the default), as
// zoph-io/MAMIP policies/EMRDescribeClusterPolicyForEMRWAL keeps it at 14c659cfbd24f55bad64d48fad44e27069c969f4; the
// time of that version, to the second, is the policy's UpdateDate.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'EMRDescribeClusterPolicyForEMRWAL',
  description: 'This policy grants read-only permissions that allow the WAL service for Amazon EMR to find and return the status of a cluster',
  versionId: 'v1',
  created: '2023-06-15T23:30:22Z',
  updated: '2023-06-15T23:30:22Z',
  document: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "elasticmapreduce:DescribeCluster"
      ],
      "Resource": "*"
    }
  ]
}`,
});
