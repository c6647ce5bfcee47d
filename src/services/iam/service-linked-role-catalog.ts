/**
 * The AWS services whose service-linked roles rolegate creates: for each service
 * principal (CreateServiceLinkedRole's AWSServiceName), the role's name, the AWS managed
 * policy it attaches and whether the service takes a CustomSuffix.
 *
 * Every entry comes from the service's "Using service-linked roles" page, cited with it:
 * on docs.aws.amazon.com (in English or, where the searched English copy is cut short,
 * AWS's own translations there), the same guide in AWS's awsdocs repositories, or AWS's
 * documentation site for its China Regions (docs.amazonaws.cn), or where the search index
 * holds the page's text without its address, that text (the entry says so); its policy from AWS's
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
  {
    // Amazon ECS's page "Using roles to allow Amazon ECS to manage clusters" (read in a stored copy of its text; the index
    // does not show its address): "Amazon ECS uses the service-linked role named AWSServiceRoleForECS … The AWSServiceRoleForECS
    // service-linked role trusts the following services to assume the role: ecs.amazonaws.com … The role permissions
    // policy named AmazonECSServiceRolePolicy". One fixed name.
    service: 'ecs.amazonaws.com',
    roleName: 'AWSServiceRoleForECS',
    policyName: 'AmazonECSServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html, in AWS's zh_cn, zh_tw
    // and it_it copies of it (the searched English copy is an older one listing actions only): the role
    // AWSServiceRoleForElasticLoadBalancing, trusting elasticloadbalancing.amazonaws.com, with the policy
    // AWSElasticLoadBalancingServiceRolePolicy. One fixed name.
    service: 'elasticloadbalancing.amazonaws.com',
    roleName: 'AWSServiceRoleForElasticLoadBalancing',
    policyName: 'AWSElasticLoadBalancingServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/using-service-linked-roles.html names the role
    // AWSServiceRoleForAmazonEMRContainers; its China Regions copy (docs.amazonaws.cn): it "trusts the following services to
    // assume the role: emr-containers.amazonaws.com … The role permissions policy AmazonEMRContainersServiceRolePolicy".
    // One fixed name.
    service: 'emr-containers.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEMRContainers',
    policyName: 'AmazonEMRContainersServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks-connector.html, as published in
    // awsdocs/amazon-eks-user-guide (using-service-linked-roles-eks-connector.adoc): the role
    // AWSServiceRoleForAmazonEKSConnector, trusting eks-connector.amazonaws.com, with the policy
    // AmazonEKSConnectorServiceRolePolicy. One fixed name.
    service: 'eks-connector.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEKSConnector',
    policyName: 'AmazonEKSConnectorServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles-eks.html, as published in
    // awsdocs/amazon-eks-user-guide (using-service-linked-roles-eks.md at 080696363c6d313513879c6593eb030b8f69d80a): the
    // role AWSServiceRoleForAmazonEKS, trusting eks.amazonaws.com, with the policy AmazonEKSServiceRolePolicy. One fixed
    // name.
    service: 'eks.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonEKS',
    policyName: 'AmazonEKSServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-using-service-linked-roles.html, as published
    // in awsdocs/amazon-lightsail-developer-guide at 0cff6b0118d3a1c8ffa9fb2805a95fb264a0665f: the role
    // AWSServiceRoleForLightsail, trusting lightsail.amazonaws.com; the guide's security-iam-awsmanpol.md ties
    // LightsailExportAccess to it. One fixed name.
    service: 'lightsail.amazonaws.com',
    roleName: 'AWSServiceRoleForLightsail',
    policyName: 'LightsailExportAccess',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/m2/latest/userguide/using-service-linked-roles.html, as published in
    // awsdocs/aws-m2-user-guide (using-service-linked-roles.md): "The AWSServiceRoleForAWSM2 service-linked role trusts the
    // following services to assume the role: m2.amazonaws.com … The role permissions policy named AWSM2ServicePolicy".
    // One fixed name.
    service: 'm2.amazonaws.com',
    roleName: 'AWSServiceRoleForAWSM2',
    policyName: 'AWSM2ServicePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-replication.html: the role AWSServiceRoleForECRReplication,
    // trusting replication.ecr.amazonaws.com, with the policy ECRReplicationServiceRolePolicy. One fixed name.
    service: 'replication.ecr.amazonaws.com',
    roleName: 'AWSServiceRoleForECRReplication',
    policyName: 'ECRReplicationServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-pullthroughcache.html: the role
    // AWSServiceRoleForECRPullThroughCache, trusting pullthroughcache.ecr.amazonaws.com, with the policy
    // AWSECRPullThroughCache_ServiceRolePolicy. One fixed name.
    service: 'pullthroughcache.ecr.amazonaws.com',
    roleName: 'AWSServiceRoleForECRPullThroughCache',
    policyName: 'AWSECRPullThroughCache_ServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/AmazonS3/latest/s3-outposts/S3OutpostsServiceLinkedRoles.html (its English text, at
    // docs.aws.amazon.com/ko_kr/…): the role AWSServiceRoleForS3OnOutposts "trusts the following services to assume the
    // role: s3-outposts.amazonaws.com", with the policy AWSS3OnOutpostsServiceRolePolicy. One fixed name.
    service: 's3-outposts.amazonaws.com',
    roleName: 'AWSServiceRoleForS3OnOutposts',
    policyName: 'AWSS3OnOutpostsServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/using-service-linked-roles-service-action-5.html (its
    // English text, at docs.aws.amazon.com/ko_kr/…): the role AWSServiceRoleForSSMQuickSetup "trusts the following services
    // to assume the role: ssm-quicksetup.amazonaws.com … The managed policy that is used to provide permissions for the
    // AWSServiceRoleForSSMQuickSetup role is SSMQuickSetupRolePolicy". One fixed name.
    service: 'ssm-quicksetup.amazonaws.com',
    roleName: 'AWSServiceRoleForSSMQuickSetup',
    policyName: 'SSMQuickSetupRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/systems-manager/latest/userguide/using-service-linked-roles-service-action-1.html: the
    // role AWSServiceRoleForAmazonSSM "trusts only ssm.amazonaws.com to assume this role … The managed policy that is used
    // to provide permissions for the AWSServiceRoleForAmazonSSM role is AmazonSSMServiceRolePolicy". One fixed name.
    service: 'ssm.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonSSM',
    policyName: 'AmazonSSMServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html, as published in
    // awsdocs/aws-config-developer-guide (using-service-linked-roles.md at 1d71457536bb2f3a585690b88aa1cc8e6a72768a): the role
    // AWSServiceRoleForConfig, trusting config.amazonaws.com, with the policy AWSConfigServiceRolePolicy. One fixed name.
    service: 'config.amazonaws.com',
    roleName: 'AWSServiceRoleForConfig',
    policyName: 'AWSConfigServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-builder-service-linked-role.html, as published in
    // awsdocs/ec2-image-builder-user-guide (doc_source/image-builder-service-linked-role.md at
    // 050ec06be0a35e38ee5897e29d3e685c53c60593): the role AWSServiceRoleForImageBuilder, trusting
    // imagebuilder.amazonaws.com, with the policy of the same name, AWSServiceRoleForImageBuilder. One fixed name.
    service: 'imagebuilder.amazonaws.com',
    roleName: 'AWSServiceRoleForImageBuilder',
    policyName: 'AWSServiceRoleForImageBuilder',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-service-linked-roles.html, read in its
    // China Regions copy (docs.amazonaws.cn): the role AWSServiceRoleForAmazonOpenSearchServerless, trusting
    // observability.aoss.amazonaws.com, with the policy AmazonOpenSearchServerlessServiceRolePolicy. One fixed name.
    service: 'observability.aoss.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonOpenSearchServerless',
    policyName: 'AmazonOpenSearchServerlessServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/slr-aos.html: the role
    // AWSServiceRoleForAmazonOpenSearchService, trusting opensearchservice.amazonaws.com, with the policy
    // AmazonOpenSearchServiceRolePolicy. One fixed name.
    service: 'opensearchservice.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonOpenSearchService',
    policyName: 'AmazonOpenSearchServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAM.ServiceLinkedRoles.html (awsdocs/amazon-rds-
    // user-guide doc_source/UsingWithRDS.IAM.ServiceLinkedRoles.md): the role AWSServiceRoleForRDS, trusting
    // rds.amazonaws.com, with the policy AmazonRDSServiceRolePolicy. One fixed name.
    service: 'rds.amazonaws.com',
    roleName: 'AWSServiceRoleForRDS',
    policyName: 'AmazonRDSServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/resource-explorer/latest/userguide/security_iam_service-linked-roles.html: the role
    // AWSServiceRoleForResourceExplorer "trusts only the service with the following service principal to assume the role:
    // resource-explorer-2.amazonaws.com", with the policy AWSResourceExplorerServiceRolePolicy. One fixed name.
    service: 'resource-explorer-2.amazonaws.com',
    roleName: 'AWSServiceRoleForResourceExplorer',
    policyName: 'AWSResourceExplorerServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/ses/latest/dg/using-service-linked-roles.html: the role AWSServiceRoleForAmazonSES "trusts
    // the following service to assume the role: ses.amazonaws.com", with the AWS managed policy AmazonSESServiceRolePolicy.
    // One fixed name.
    service: 'ses.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonSES',
    policyName: 'AmazonSESServiceRolePolicy',
    customSuffix: false,
  },
  {
    // AWS Backup's "Using service-linked roles" page for AWSServiceRoleForBackup (aws-backup/latest/devguide/
    // using-service-linked-roles-AWSServiceRoleForBackup.html, read in a stored copy of its text): "AWS Backup uses the
    // service-linked role named AWSServiceRoleForBackup … trusts the following services to assume the role:
    // backup.amazonaws.com", its permissions given as a link to AWSBackupServiceLinkedRolePolicyForBackup in the AWS
    // managed policy reference. One fixed name.
    service: 'backup.amazonaws.com',
    roleName: 'AWSServiceRoleForBackup',
    policyName: 'AWSBackupServiceLinkedRolePolicyForBackup',
    customSuffix: false,
  },
  {
    // AWS WAF's page "Using service-linked roles for AWS WAF" (read in a stored copy of its text; the index does not show
    // its address): "AWS WAF uses the service-linked role AWSServiceRoleForWAFV2Logging … This service-linked role is
    // attached to the AWS managed policy WAFV2LoggingServiceRolePolicy … trusts the service to assume the role
    // wafv2.amazonaws.com". One fixed name.
    service: 'wafv2.amazonaws.com',
    roleName: 'AWSServiceRoleForWAFV2Logging',
    policyName: 'WAFV2LoggingServiceRolePolicy',
    customSuffix: false,
  },
  {
    // Amazon MSK's page "Using service-linked roles for MSK Connect" (read in a stored copy of its text; the index does
    // not show its address): "MSK Connect uses the service-linked role named AWSServiceRoleForKafkaConnect … trusts the
    // kafkaconnect.amazonaws.com service to assume the role"; the policy the role uses is given as a link to "AWS managed
    // policy: KafkaConnectServiceRolePolicy". One fixed name.
    service: 'kafkaconnect.amazonaws.com',
    roleName: 'AWSServiceRoleForKafkaConnect',
    policyName: 'KafkaConnectServiceRolePolicy',
    customSuffix: false,
  },
  {
    // https://docs.aws.amazon.com/singlesignon/latest/userguide/using-service-linked-roles.html (read in a stored copy of
    // the page's current text; the searched copies at that address end sooner): "IAM Identity Center uses the service-linked role named AWSServiceRoleForSSO … The
    // AWSSSOServiceRolePolicy service-linked role permissions policy allows IAM Identity Center to complete the following".
    // The page names the trusted service as "IAM Identity Center (service prefix: sso)"; the principal is the
    // AWSServiceName, sso.amazonaws.com. One fixed name.
    service: 'sso.amazonaws.com',
    roleName: 'AWSServiceRoleForSSO',
    policyName: 'AWSSSOServiceRolePolicy',
    customSuffix: false,
  },
  {
    // AWS CodeConnections' "Service-linked role permissions for AWS CodeConnections" (read in a stored copy of its text;
    // the index does not show its address): "AWS CodeConnections uses the AWSServiceRoleForGitSync service-linked role
    // … trusts the following services to assume the role: repository.sync.codeconnections.amazonaws.com … The role
    // permissions policy named AWSGitSyncServiceRolePolicy". One fixed name.
    service: 'repository.sync.codeconnections.amazonaws.com',
    roleName: 'AWSServiceRoleForGitSync',
    policyName: 'AWSGitSyncServiceRolePolicy',
    customSuffix: false,
  },
  {
    // Amazon MQ's page "Using service-linked roles for Amazon MQ" (read in a stored copy of its text; the index does not
    // show its address): "Amazon MQ uses the service-linked role named AWSServiceRoleForAmazonMQ … trusts the following
    // services to assume the role: mq.amazonaws.com"; the guide's AWS managed policies page says AmazonMQServiceRolePolicy
    // "is attached to a service-linked role that allows Amazon MQ to perform actions on your behalf", linking to that
    // page, which names this role alone. One fixed name ("All subsequent brokers that you create will
    // use the same role").
    service: 'mq.amazonaws.com',
    roleName: 'AWSServiceRoleForAmazonMQ',
    policyName: 'AmazonMQServiceRolePolicy',
    customSuffix: false,
  },
  {
    // App Mesh's page "Using service-linked roles for App Mesh" (read in a stored copy of its text; the index does not
    // show its address): "App Mesh uses the service-linked role named AWSServiceRoleForAppMesh … trusts the
    // appmesh.amazonaws.com service to assume the role"; the guide's AWS managed policies page sends the reader of
    // AWSAppMeshServiceRolePolicy's permissions to that role's section of the page ("Service-Linked Role Permissions for
    // App Mesh"). One fixed name.
    service: 'appmesh.amazonaws.com',
    roleName: 'AWSServiceRoleForAppMesh',
    policyName: 'AWSAppMeshServiceRolePolicy',
    customSuffix: false,
  },
  {
    // IAM Roles Anywhere's page "Using service-linked roles for IAM Roles Anywhere" (read in a stored copy of its text;
    // the index does not show its address): "This service-linked role has an IAM policy attached to it named
    // AWSRolesAnywhereServicePolicy. The AWSServiceRoleForRolesAnywhere service-linked role trusts the following services
    // to assume the role: rolesanywhere.amazonaws.com". One fixed name.
    service: 'rolesanywhere.amazonaws.com',
    roleName: 'AWSServiceRoleForRolesAnywhere',
    policyName: 'AWSRolesAnywhereServicePolicy',
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
