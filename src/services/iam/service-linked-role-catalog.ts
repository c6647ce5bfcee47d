/**
 * The AWS services whose service-linked roles rolegate creates: for each service
 * principal (CreateServiceLinkedRole's AWSServiceName), the role's name, the AWS managed
 * policy it attaches and whether the service takes a CustomSuffix.
 *
 * Every entry comes from the service's "Using service-linked roles" page, cited with it:
 * on docs.aws.amazon.com (in English or, where the searched English copy is cut short,
 * AWS's own translations there), the same guide in AWS's awsdocs repositories, or AWS's
 * documentation site for its China Regions (docs.amazonaws.cn); its policy from AWS's
 * publications as store/aws-service-role-policies.ts says. The role trusts the service
 * principal it is created for: IAM's API reference defines AWSServiceName as "the
 * service principal for the AWS service to which this role is attached".
 * A service whose facts or policy document were not found is left out (see
 * docs/aws-parity.md) rather than guessed.
 *
 * CustomSuffix: IAM's API reference says "Some services do not support the CustomSuffix
 * parameter". A service is marked as taking one only where its page documents a suffixed
 * role name; a page that names one fixed role is read as not taking one.
 */

export interface ServiceLinkedRoleSpec {
  /** The service principal, as AWSServiceName spells it (case-sensitive). */
  readonly service: string;
  readonly roleName: string;
  /** The policy's name under `arn:aws:iam::aws:policy/aws-service-role/`. */
  readonly policyName: string;
  readonly customSuffix: boolean;
}

const SPECS: readonly ServiceLinkedRoleSpec[] = [
  {
    // https://docs.aws.amazon.com/waf/latest/developerguide/shd-using-service-linked-roles.html:
    // "Shield Advanced uses the service-linked role named AWSServiceRoleForAWSShield … trusts
    // the following services to assume the role: shield.amazonaws.com … The role permissions
    // policy named AWSShieldServiceRolePolicy". One fixed name.
    service: 'shield.amazonaws.com',
    roleName: 'AWSServiceRoleForAWSShield',
    policyName: 'AWSShieldServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/batch/latest/userguide/using-service-linked-roles.html, as published in
    // awsdocs/aws-batch-user-guide doc_source/using-service-linked-roles.md: "AWS Batch uses the service-linked
    // role named AWSServiceRoleForBatch … trusts the batch.amazonaws.com service principal"; its policy is
    // BatchServiceRolePolicy (security-iam-awsmanpol.md of the same guide). One fixed name.
    service: 'batch.amazonaws.com',
    roleName: 'AWSServiceRoleForBatch',
    policyName: 'BatchServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/acm/latest/userguide/acm-slr.html (awsdocs/aws-certificate-user-guide
    // doc_source/acm-slr.md): "The AWSServiceRoleForCertificateManager SLR trusts the following services to
    // assume the role: acm.amazonaws.com"; recreated "with the CertificateManagerServiceRolePolicy use case".
    // One fixed name.
    service: 'acm.amazonaws.com',
    roleName: 'AWSServiceRoleForCertificateManager',
    policyName: 'CertificateManagerServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-rct.html: "Amazon ECR uses a service-linked role
    // named AWSServiceRoleForECRTemplate … trusts the following service to assume the role. ecr.amazonaws.com …
    // The ECRTemplateServiceRolePolicy permissions policy is attached to the service-linked role". One fixed name.
    service: 'ecr.amazonaws.com',
    roleName: 'AWSServiceRoleForECRTemplate',
    policyName: 'ECRTemplateServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-auth-slr.html: "AWS KMS creates the
    // AWSServiceRoleForKeyManagementServiceMultiRegionKeys service-linked role with the
    // AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy managed policy"; the role "trusts only
    // mrk.kms.amazonaws.com" (that sentence read in AWS's own translations of the page, docs.aws.amazon.com/zh_cn and
    // ja_jp, the searched copy of the English page ending before it). One fixed name.
    service: 'mrk.kms.amazonaws.com',
    roleName: 'AWSServiceRoleForKeyManagementServiceMultiRegionKeys',
    policyName: 'AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks-fargate.html, as published in
    // awsdocs/amazon-eks-user-guide doc_source/using-service-linked-roles-eks-fargate.md: "Amazon EKS uses the
    // service-linked role named AWSServiceRoleForAmazonEKSForFargate … trusts the following services to assume the
    // role: eks-fargate.amazonaws.com"; its permissions policy is given as a link to AmazonEKSForFargateServiceRolePolicy
    // in the AWS managed policy reference. One fixed name.
    service: 'eks-fargate.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEKSForFargate',
    policyName: 'AmazonEKSForFargateServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/using-service-linked-roles-service-action-4.html:
    // "Systems Manager uses the service-linked role named AWSServiceRoleForAmazonSSM_OpsInsights … The
    // AWSServiceRoleForAmazonSSM_OpsInsights service-linked role trusts the following services to assume the role:
    // opsinsights.ssm.amazonaws.com"; the page gives the role's permissions policy as a document, the one the AWS managed
    // policy reference publishes as AWSSSMOpsInsightsServiceRolePolicy, described there as "Policy for Service Linked
    // Role AWSServiceRoleForAmazonSSM_OpsInsights". One fixed name.
    service: 'opsinsights.ssm.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonSSM_OpsInsights',
    policyName: 'AWSSSMOpsInsightsServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/dms/latest/userguide/using-service-linked-roles.html, as published in
    // awsdocs/aws-dms-user-guide doc_source/using-service-linked-roles.md: "DMS Fleet Advisor uses the service-linked
    // role named AWSServiceRoleForDMSFleetAdvisor … This service-linked role is attached to the following managed
    // policy: AWSDMSFleetAdvisorServiceRolePolicy … The AWSServiceRoleForDMSFleetAdvisor service-linked role trusts the
    // following services to assume the role: dms-fleet-advisor.amazonaws.com". One fixed name.
    service: 'dms-fleet-advisor.amazonaws.com',
    roleName: 'AWSServiceRoleForDMSFleetAdvisor',
    policyName: 'AWSDMSFleetAdvisorServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/autoscaling/plans/userguide/aws-auto-scaling-service-linked-roles.html: "AWS Auto
    // Scaling uses the service-linked role named AWSServiceRoleForAutoScalingPlans_EC2AutoScaling …
    // AWSServiceRoleForAutoScalingPlans_EC2AutoScaling trusts the autoscaling-plans.amazonaws.com service to assume the
    // role. This service-linked role uses the managed policy AWSAutoScalingPlansEC2AutoScalingPolicy". One fixed name.
    service: 'autoscaling-plans.amazonaws.com',
    roleName: 'AWSServiceRoleForAutoScalingPlans_EC2AutoScaling',
    policyName: 'AWSAutoScalingPlansEC2AutoScalingPolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html, as published in
    // awsdocs/amazon-ec2-auto-scaling-user-guide doc_source/autoscaling-service-linked-role.md: "Amazon EC2 Auto
    // Scaling uses the service-linked role named AWSServiceRoleForAutoScaling or your custom suffix service-linked
    // role. The service-linked role trusts the following service to assume the role: autoscaling.amazonaws.com
    // The role uses the AutoScalingServiceRolePolicy policy"; the page's overview: "A service-linked role with a
    // custom suffix that you specify when you create the role, for example, AWSServiceRoleForAutoScaling_mysuffix.
    // The permissions of a custom suffix service-linked role are identical to those of the default service-linked
    // role", and its CLI example, create-service-linked-role --aws-service-name autoscaling.amazonaws.com
    // --custom-suffix suffix, answers "AWSServiceRoleForAutoScaling_suffix". Takes a CustomSuffix.
    service: 'autoscaling.amazonaws.com',
    roleName: 'AWSServiceRoleForAutoScaling',
    policyName: 'AutoScalingServiceRolePolicy',
    customSuffix: true,
  },
  {
    // https://docs.aws.amazon.com/dms/latest/userguide/slr-services-sl.html, as published in awsdocs/aws-dms-user-guide
    // doc_source/slr-services-sl.md (at d0f781f1aaffa73e9ad23aa640078d433b2d4bb5): "AWS DMS Serverless uses the
    // service-linked role named AWSServiceRoleForDMSServerless … This service-linked role is attached to the following
    // managed policy: AWSDMSServerlessServiceRolePolicy … The AWSServiceRoleForDMSServerless service-linked role trusts the
    // following services to assume the role: dms.amazonaws.com". One fixed name: the page names that single role and
    // documents no suffix.
    service: 'dms.amazonaws.com',
    roleName: 'AWSServiceRoleForDMSServerless',
    policyName: 'AWSDMSServerlessServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks-nodegroups.html, as published in
    // awsdocs/amazon-eks-user-guide doc_source/using-service-linked-roles-eks-nodegroups.md (at
    // 080696363c6d313513879c6593eb030b8f69d80a): "Amazon EKS uses the service-linked role named
    // AWSServiceRoleForAmazonEKSNodegroup … The AWSServiceRoleForAmazonEKSNodegroup service-linked role trusts the following
    // services to assume the role: eks-nodegroup.amazonaws.com"; its permissions policy is given as a link to
    // AWSServiceRoleForAmazonEKSNodegroup in the AWS managed policy reference, and the guide's security-iam-awsmanpol.md says of
    // that managed policy: "This policy grants the AWSServiceRoleForAmazonEKSNodegroup role permissions that allow it to create
    // and manage Amazon EC2 node groups in your account" (the policy bears the role's name). One fixed name: the page names
    // that single role and documents no suffix.
    service: 'eks-nodegroup.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEKSNodegroup',
    policyName: 'AWSServiceRoleForAmazonEKSNodegroup',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/efs/latest/ug/using-service-linked-roles.html, as published in awsdocs/amazon-efs-user-guide
    // doc_source/using-service-linked-roles.md (at 767cd53e39dbca7cf80864746c7072037f577172): "Amazon EFS uses the
    // service-linked role named AWSServiceRoleForAmazonElasticFileSystem … The AWSServiceRoleForAmazonElasticFileSystem
    // service-linked role trusts the following services to assume the role: elasticfilesystem.amazonaws.com"; its policy is
    // AmazonElasticFileSystemServiceRolePolicy (doc_source/security-iam-awsmanpol.md of the same guide and commit, whose change
    // log links "AmazonElasticFileSystemServiceRolePolicy" to that page's permissions section: "The service-linked role
    // permissions for Amazon EFS"). The page names only this role, no suffixed form. One fixed name.
    service: 'elasticfilesystem.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonElasticFileSystem',
    policyName: 'AmazonElasticFileSystemServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/using-service-linked-roles.html, as published in
    // awsdocs/amazon-api-gateway-developer-guide doc_source/using-service-linked-roles.md: "API Gateway uses the
    // service-linked role named AWSServiceRoleForAPIGateway … The AWSServiceRoleForAPIGateway service-linked role trusts
    // the following services to assume the role: ops.apigateway.amazonaws.com"; its policy is named in the same guide's
    // doc_source/apigateway-regional-api-custom-domain-create.md (apigateway-regional-api-custom-domain-create.html): "The
    // role is named AWSServiceRoleForAPIGateway and will have the APIGatewayServiceRolePolicy managed policy attached to
    // it". One fixed name: the page names one role and documents no suffixed name.
    service: 'ops.apigateway.amazonaws.com',
    roleName: 'AWSServiceRoleForAPIGateway',
    policyName: 'APIGatewayServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/autoscaling/application/userguide/services-that-can-integrate-keyspaces.html
    // (awsdocs/application-auto-scaling-user-guide doc_source/services-that-can-integrate-keyspaces.md): the role
    // AWSServiceRoleForApplicationAutoScaling_CassandraTable, "grants access to the following service principal:
    // cassandra.application-autoscaling.amazonaws.com"; the guide's security-iam-awsmanpol.md names its permissions
    // policy AWSApplicationAutoscalingCassandraTablePolicy. "There is one service-linked role per type of scalable
    // resource … a predefined role": one fixed name.
    service: 'cassandra.application-autoscaling.amazonaws.com',
    roleName: 'AWSServiceRoleForApplicationAutoScaling_CassandraTable',
    policyName: 'AWSApplicationAutoscalingCassandraTablePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/autoscaling/application/userguide/services-that-can-integrate-ec2.html: the role
    // AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest, service principal
    // ec2.application-autoscaling.amazonaws.com; security-iam-awsmanpol.html of the same guide: "The
    // AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest service-linked role permissions policy"
    // is AWSApplicationAutoscalingEC2SpotFleetRequestPolicy. One fixed name, as above.
    service: 'ec2.application-autoscaling.amazonaws.com',
    roleName: 'AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest',
    policyName: 'AWSApplicationAutoscalingEC2SpotFleetRequestPolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/kms/latest/developerguide/authorize-kms.html: "AWS KMS creates the
    // AWSServiceRoleForKeyManagementServiceCustomKeyStores service-linked role with the
    // AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy managed policy"; awsdocs/aws-kms-developer-guide
    // doc_source/authorize-key-store.md: the role "trusts only cks.kms.amazonaws.com". One fixed name.
    service: 'cks.kms.amazonaws.com',
    roleName: 'AWSServiceRoleForKeyManagementServiceCustomKeyStores',
    policyName: 'AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/using-service-linked-roles.html: "CloudTrail uses
    // the service-linked role named AWSServiceRoleForCloudTrail … trusts the following services to assume the role:
    // cloudtrail.amazonaws.com … The CloudTrailServiceRolePolicy policy attached to the role". One fixed name.
    service: 'cloudtrail.amazonaws.com',
    roleName: 'AWSServiceRoleForCloudTrail',
    policyName: 'CloudTrailServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/fis/latest/userguide/using-service-linked-roles.html: "AWS FIS uses the
    // service-linked role named AWSServiceRoleForFIS … trusts the following services to assume the role:
    // fis.amazonaws.com … uses the managed policy AmazonFISServiceRolePolicy". One fixed name.
    service: 'fis.amazonaws.com',
    roleName: 'AWSServiceRoleForFIS',
    policyName: 'AmazonFISServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/ram/latest/userguide/security-iam-service-linked-roles.html: "AWS RAM uses the
    // service-linked role named AWSServiceRoleForResourceAccessManager … trusts the following service to assume
    // the role: ram.amazonaws.com … The role permissions policy named AWSResourceAccessManagerServiceRolePolicy".
    // One fixed name.
    service: 'ram.amazonaws.com',
    roleName: 'AWSServiceRoleForResourceAccessManager',
    policyName: 'AWSResourceAccessManagerServiceRolePolicy',
    customSuffix: false,
  },
  {
    // awsdocs/amazon-elasticache-docs doc_source/redis/using-service-linked-roles.md: "Amazon ElastiCache uses the
    // service-linked role named AWSServiceRoleForElastiCache – This policy allows ElastiCache to manage AWS
    // resources on your behalf as necessary for managing your cache" (ElastiCacheServiceRolePolicy's own
    // description), created by CreateServiceLinkedRole with "a service name of elasticache.amazonaws.com";
    // https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/IAM.IdentityBasedPolicies.PredefinedPolicies.html:
    // ElastiCacheServiceRolePolicy "is attached to a service-linked role that allows ElastiCache to perform actions
    // on your behalf" — the one ElastiCache documents. One fixed name.
    service: 'elasticache.amazonaws.com',
    roleName: 'AWSServiceRoleForElastiCache',
    policyName: 'ElastiCacheServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/msk/latest/developerguide/using-service-linked-roles.html: "Amazon MSK uses the
    // service-linked role named AWSServiceRoleForKafka"; awsdocs/amazon-msk-developer-guide: it "trusts the
    // following services to assume the role: kafka.amazonaws.com"; AWS's China Regions copy
    // (docs.amazonaws.cn/en_us/msk/latest/developerguide/slr-permissions.html): "This service-linked role is attached
    // to the following managed policy: KafkaServiceRolePolicy". One fixed name.
    service: 'kafka.amazonaws.com',
    roleName: 'AWSServiceRoleForKafka',
    policyName: 'KafkaServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/memorydb/latest/devguide/using-service-linked-roles.html: "MemoryDB uses the
    // service-linked role named AWSServiceRoleForMemoryDB", whose permissions policy it prints (MemoryDBServiceRolePolicy
    // v3's statements); AWS's zh_cn copy of the guide's security-iam-awsmanpol page: MemoryDBServiceRolePolicy "is
    // part of the AWS MemoryDB service-linked role". One fixed name.
    service: 'memorydb.amazonaws.com',
    roleName: 'AWSServiceRoleForMemoryDB',
    policyName: 'MemoryDBServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/documentdb/latest/developerguide/elastic-service-linked-roles.html: "Amazon
    // DocumentDB elastic clusters uses the service-linked role named AWSServiceRoleForDocDB-Elastic … This
    // service-linked role has a permissions policy attached to it called AmazonDocDB-ElasticServiceRolePolicy".
    // One fixed name.
    service: 'docdb-elastic.amazonaws.com',
    roleName: 'AWSServiceRoleForDocDB-Elastic',
    policyName: 'AmazonDocDB-ElasticServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hbase-wal-permissions.html: "Amazon EMR WAL uses the
    // AWSServiceRoleForEMRWAL service-linked role"; AWS's China Regions copy of the role's page
    // (docs.amazonaws.cn/emr/latest/ManagementGuide/using-service-linked-roles-wal.html) names its trusted service,
    // emrwal.amazonaws.com, and "The EMRDescribeClusterPolicyForEMRWAL permissions policy for the service-linked
    // role". One fixed name.
    service: 'emrwal.amazonaws.com',
    roleName: 'AWSServiceRoleForEMRWAL',
    policyName: 'EMRDescribeClusterPolicyForEMRWAL',
    customSuffix: false,
  },
  {
    // AWS's China Regions copy of CloudFront's page (docs.amazonaws.cn/en_us/AmazonCloudFront/latest/DeveloperGuide/
    // using-service-linked-roles): "CloudFront VPC Origins uses the service-linked role named
    // AWSServiceRoleForCloudFrontVPCOrigin … trusts the following services to assume the role:
    // vpcorigin.cloudfront.amazonaws.com. The role permissions policy named AWSCloudFrontVPCOriginServiceRolePolicy".
    // One fixed name.
    service: 'vpcorigin.cloudfront.amazonaws.com',
    roleName: 'AWSServiceRoleForCloudFrontVPCOrigin',
    policyName: 'AWSCloudFrontVPCOriginServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/emr/latest/EMR-Serverless-UserGuide/using-service-linked-roles.html: "EMR
    // Serverless uses the service-linked role named AWSServiceRoleForAmazonEMRServerless"; its China Regions copy
    // (docs.amazonaws.cn): it "trusts the following services to assume the role: ops.emr-serverless.amazonaws.com
    // The role permissions policy named AmazonEMRServerlessServiceRolePolicy". One fixed name.
    service: 'ops.emr-serverless.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEMRServerless',
    policyName: 'AmazonEMRServerlessServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/redshift/latest/mgmt/using-service-linked-roles.html (awsdocs/amazon-redshift-
    // management-guide doc_source/using-service-linked-roles.md): "Amazon Redshift uses the service-linked role named
    // AWSServiceRoleForRedshift … attached to the following managed policy: AmazonRedshiftServiceLinkedRolePolicy …
    // trusts only redshift.amazonaws.com". One fixed name.
    service: 'redshift.amazonaws.com',
    roleName: 'AWSServiceRoleForRedshift',
    policyName: 'AmazonRedshiftServiceLinkedRolePolicy',
    customSuffix: false,
  },
];

const BY_SERVICE: ReadonlyMap<string, ServiceLinkedRoleSpec> = new Map(SPECS.map((s) => [s.service, s]));

/** The spec for a service principal, if rolegate knows its service-linked role. */
export function serviceLinkedRoleSpec(service: string): ServiceLinkedRoleSpec | undefined {
  return BY_SERVICE.get(service);
}

/** Every service whose service-linked role rolegate creates. */
export function serviceLinkedRoleSpecs(): readonly ServiceLinkedRoleSpec[] {
  return SPECS;
}
