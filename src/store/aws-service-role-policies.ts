/**
 * The AWS managed policies that service-linked roles attach (path `/aws-service-role/`),
 * served like the others in aws-managed-policies.ts. AWS's reference says of each: "This
 * policy is attached to a service-linked role … You cannot attach this policy to your
 * users, groups, or roles."
 *
 * One file per policy in aws-service-role-policies/, each citing where its facts were read.
 * A policy is here only when its whole document at the default version is published:
 * - its description, version and dates come from the AWS managed policy reference
 *   (docs.aws.amazon.com/aws-managed-policy/latest/reference/), whose English page gives
 *   times to the minute;
 * - its document from that reference, from the service's own guide as AWS keeps it in its
 *   awsdocs repositories, or from a mirror of what IAM's GetPolicyVersion answers for every
 *   AWS managed policy (zoph-io/MAMIP, iann0036/iam-dataset on GitHub) when the mirror's
 *   version is the reference's default. Such a mirror also gives that version's time to
 *   the second: the policy's UpdateDate.
 * An entry whose version or dates were read another way says so.
 * See service-linked-role-catalog.ts (services/iam) for the roles that use them.
 */
import type { AwsManagedPolicyEntry } from './aws-managed-policies.js';
import AWSShieldServiceRolePolicy from './aws-service-role-policies/AWSShieldServiceRolePolicy.js';
import BatchServiceRolePolicy from './aws-service-role-policies/BatchServiceRolePolicy.js';
import CertificateManagerServiceRolePolicy from './aws-service-role-policies/CertificateManagerServiceRolePolicy.js';
import ECRTemplateServiceRolePolicy from './aws-service-role-policies/ECRTemplateServiceRolePolicy.js';
import AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy from './aws-service-role-policies/AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy.js';
import AmazonEKSForFargateServiceRolePolicy from './aws-service-role-policies/AmazonEKSForFargateServiceRolePolicy.js';
import AWSSSMOpsInsightsServiceRolePolicy from './aws-service-role-policies/AWSSSMOpsInsightsServiceRolePolicy.js';
import AWSDMSFleetAdvisorServiceRolePolicy from './aws-service-role-policies/AWSDMSFleetAdvisorServiceRolePolicy.js';
import AWSAutoScalingPlansEC2AutoScalingPolicy from './aws-service-role-policies/AWSAutoScalingPlansEC2AutoScalingPolicy.js';
import AutoScalingServiceRolePolicy from './aws-service-role-policies/AutoScalingServiceRolePolicy.js';
import AWSDMSServerlessServiceRolePolicy from './aws-service-role-policies/AWSDMSServerlessServiceRolePolicy.js';
import AWSServiceRoleForAmazonEKSNodegroup from './aws-service-role-policies/AWSServiceRoleForAmazonEKSNodegroup.js';
import AmazonElasticFileSystemServiceRolePolicy from './aws-service-role-policies/AmazonElasticFileSystemServiceRolePolicy.js';
import APIGatewayServiceRolePolicy from './aws-service-role-policies/APIGatewayServiceRolePolicy.js';
import AWSApplicationAutoscalingCassandraTablePolicy from './aws-service-role-policies/AWSApplicationAutoscalingCassandraTablePolicy.js';
import AWSApplicationAutoscalingEC2SpotFleetRequestPolicy from './aws-service-role-policies/AWSApplicationAutoscalingEC2SpotFleetRequestPolicy.js';
import AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy from './aws-service-role-policies/AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy.js';
import CloudTrailServiceRolePolicy from './aws-service-role-policies/CloudTrailServiceRolePolicy.js';
import AmazonFISServiceRolePolicy from './aws-service-role-policies/AmazonFISServiceRolePolicy.js';
import AWSResourceAccessManagerServiceRolePolicy from './aws-service-role-policies/AWSResourceAccessManagerServiceRolePolicy.js';
import ElastiCacheServiceRolePolicy from './aws-service-role-policies/ElastiCacheServiceRolePolicy.js';
import KafkaServiceRolePolicy from './aws-service-role-policies/KafkaServiceRolePolicy.js';
import MemoryDBServiceRolePolicy from './aws-service-role-policies/MemoryDBServiceRolePolicy.js';
import AmazonDocDBElasticServiceRolePolicy from './aws-service-role-policies/AmazonDocDB-ElasticServiceRolePolicy.js';
import EMRDescribeClusterPolicyForEMRWAL from './aws-service-role-policies/EMRDescribeClusterPolicyForEMRWAL.js';
import AWSCloudFrontVPCOriginServiceRolePolicy from './aws-service-role-policies/AWSCloudFrontVPCOriginServiceRolePolicy.js';
import AmazonEMRServerlessServiceRolePolicy from './aws-service-role-policies/AmazonEMRServerlessServiceRolePolicy.js';
import AmazonRedshiftServiceLinkedRolePolicy from './aws-service-role-policies/AmazonRedshiftServiceLinkedRolePolicy.js';

export { SERVICE_ROLE_POLICY_PATH } from './aws-service-role-policies/define.js';

export const SERVICE_ROLE_POLICY_ENTRIES: readonly AwsManagedPolicyEntry[] = [
  AWSShieldServiceRolePolicy,
  BatchServiceRolePolicy,
  CertificateManagerServiceRolePolicy,
  ECRTemplateServiceRolePolicy,
  AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy,
  AmazonEKSForFargateServiceRolePolicy,
  AWSSSMOpsInsightsServiceRolePolicy,
  AWSDMSFleetAdvisorServiceRolePolicy,
  AWSAutoScalingPlansEC2AutoScalingPolicy,
  AutoScalingServiceRolePolicy,
  AWSDMSServerlessServiceRolePolicy,
  AWSServiceRoleForAmazonEKSNodegroup,
  AmazonElasticFileSystemServiceRolePolicy,
  APIGatewayServiceRolePolicy,
  AWSApplicationAutoscalingCassandraTablePolicy,
  AWSApplicationAutoscalingEC2SpotFleetRequestPolicy,
  AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy,
  CloudTrailServiceRolePolicy,
  AmazonFISServiceRolePolicy,
  AWSResourceAccessManagerServiceRolePolicy,
  ElastiCacheServiceRolePolicy,
  KafkaServiceRolePolicy,
  MemoryDBServiceRolePolicy,
  AmazonDocDBElasticServiceRolePolicy,
  EMRDescribeClusterPolicyForEMRWAL,
  AWSCloudFrontVPCOriginServiceRolePolicy,
  AmazonEMRServerlessServiceRolePolicy,
  AmazonRedshiftServiceLinkedRolePolicy,
];
