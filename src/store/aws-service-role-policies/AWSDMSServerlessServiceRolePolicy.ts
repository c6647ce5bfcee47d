// The document as AWS published it in the AWS DMS User Guide (awsdocs/aws-dms-user-guide,
// doc_source/slr-services-sl.md at d0f781f1aaffa73e9ad23aa640078d433b2d4bb5): "The following code example shows the
// AWSDMSServerlessServiceRolePolicy policy that you use to create the AWSServiceRoleForDMSServerless role".
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDMSServerlessServiceRolePolicy.html now shows v10
// (created May 18, 2023, 20:28 UTC; edited February 12, 2026, 17:58 UTC), but the searched copies hold only the beginning
// of that document, so rolegate serves the published one. Version: the reference's zh_tw copy shows v2 as default
// (edited January 17, 2025, 08:37 UTC), which adds dms:ModifyReplicationTask and dms:ModifyReplicationInstance to
// statement id2. The guide's copy lacks both, so it is read as v1: created and edited at the reference's creation time
// (May 18, 2023, 20:28 UTC, to the minute). Description from the reference.
import { serviceRolePolicy } from './define.js';

export default serviceRolePolicy({
  name: 'AWSDMSServerlessServiceRolePolicy',
  description: 'Grants AWS DMS Serverless permissions to create and manage DMS resources in your account on your behalf',
  versionId: 'v1',
  created: '2023-05-18T20:28:00Z',
  updated: '2023-05-18T20:28:00Z',
  document: `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "id0",
            "Effect": "Allow",
            "Action": [
                "dms:CreateReplicationInstance",
                "dms:CreateReplicationTask"
            ],
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "dms:req-tag/ResourceCreatedBy": "DMSServerless"
                }
            }
        },
        {
            "Sid": "id1",
            "Effect": "Allow",
            "Action": [
                "dms:DescribeReplicationInstances",
                "dms:DescribeReplicationTasks"
            ],
            "Resource": "*"
        },
        {
            "Sid": "id2",
            "Effect": "Allow",
            "Action": [
                "dms:StartReplicationTask",
                "dms:StopReplicationTask",
                "dms:DeleteReplicationTask",
                "dms:DeleteReplicationInstance"
            ],
            "Resource": [
                "arn:aws:dms:*:*:rep:*",
                "arn:aws:dms:*:*:task:*"
            ],
            "Condition": {
                "StringEqualsIgnoreCase": {
                    "aws:ResourceTag/ResourceCreatedBy": "DMSServerless"
                }
            }
        },
        {
            "Sid": "id3",
            "Effect": "Allow",
            "Action": [
                "dms:TestConnection",
                "dms:DeleteConnection"
            ],
            "Resource": [
                "arn:aws:dms:*:*:rep:*",
                "arn:aws:dms:*:*:endpoint:*"
            ]
        }
    ]
}`,
  
});
