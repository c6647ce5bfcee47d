/**
 * IAM's error texts, each in one place. Where a text was seen in a recorded AWS response
 * or in pasted AWS output it says so; the others follow AWS's wording for the nearest
 * case seen and say that AWS's own text is not known.
 */
import { AwsError } from '../../errors.js';

export const noSuchUser = (name: string): AwsError => new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`);
/** seen; also RemoveRoleFromInstanceProfile's answer for a role the profile does not hold (AWS's text for that case not seen). */
export const noSuchRole = (name: string): AwsError => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`);
/** AWS's text not seen: the user and role wording. */
export const noSuchGroup = (name: string): AwsError => new AwsError('NoSuchEntity', `The group with name ${name} cannot be found.`);
export const userExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`);
/** AWS's text not seen: the user and role wording. */
export const groupExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `Group with name ${name} already exists.`);
export const roleExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`);
/**
 * seen: "must delete access keys", "must delete policies", "must detach all policies", and
 * "must remove users from group" — for DeleteGroup with members and for DeleteUser of a member alike;
 * "must remove roles from instance profile" — for DeleteInstanceProfile holding a role and for
 * DeleteRole of a role in a profile alike (99designs/iamy#47 and #68, aws-nuke#702);
 * "must remove referenced objects" for DeleteUser of a user with service-specific credentials;
 * "must delete MFA device" for DeleteUser of a user with an MFA device enabled (rebuy-de/aws-nuke#281,
 * ansible/ansible#27247). Not seen: "must deactivate MFA device" for DeleteVirtualMFADevice of an enabled device.
 */
export const deleteConflict = (what: string): AwsError => new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`);

/** seen (DeleteRolePolicy). */
export const noSuchRolePolicy = (name: string): AwsError => new AwsError('NoSuchEntity', `The role policy with name ${name} cannot be found.`);
/** AWS's text not seen: the role wording with "user". */
export const noSuchUserPolicy = (name: string): AwsError => new AwsError('NoSuchEntity', `The user policy with name ${name} cannot be found.`);
/** AWS's text not seen: the role wording with "group". */
export const noSuchGroupPolicy = (name: string): AwsError => new AwsError('NoSuchEntity', `The group policy with name ${name} cannot be found.`);
/** AWS's text not seen (moto answers this). */
export const noSuchAccessKey = (id: string): AwsError => new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`);

/** seen (CreateAccessKey). */
export const accessKeyQuota = (): AwsError => new AwsError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
/** seen (UpdateAssumeRolePolicy). */
export const trustPolicyQuota = (): AwsError => new AwsError('LimitExceeded', 'Cannot exceed quota for ACLSizePerRole: 2048');
/** seen for both: "…10240 bytes exceeded for role NAME", "…2048 bytes exceeded for user NAME". */
export const inlinePolicyQuota = (kind: 'user' | 'role' | 'group', name: string, limit: number): AwsError =>
  new AwsError('LimitExceeded', `Maximum policy size of ${limit} bytes exceeded for ${kind} ${name}`);
/** seen (CreatePolicy; a 2025 report also shows "Cannot exceed the quota for PolicySize: 6144."). */
export const managedPolicyQuota = (): AwsError => new AwsError('LimitExceeded', 'Cannot exceed quota for PolicySize: 6144');
/** seen with PoliciesPerRole (at a raised quota of 15). */
export const attachedPolicyQuota = (kind: 'User' | 'Role' | 'Group', limit: number): AwsError =>
  new AwsError('LimitExceeded', `Cannot exceed quota for PoliciesPer${kind}: ${limit}`);
/** AWS's text not seen: the quota wording of the other IAM limits (GroupsPerUser is the quota's name in GetAccountSummary). */
export const groupsPerUserQuota = (limit: number): AwsError => new AwsError('LimitExceeded', `Cannot exceed quota for GroupsPerUser: ${limit}`);
/** The IAM entities that carry tags, as the quota names spell them. */
export type TaggedKind = 'User' | 'Role' | 'Policy' | 'InstanceProfile' | 'OpenIDConnectProvider';
/** AWS's text not seen: the quota wording of the other IAM limits. */
export const tagQuota = (kind: TaggedKind, limit: number): AwsError =>
  new AwsError('LimitExceeded', `Cannot exceed quota for TagsPer${kind}: ${limit}`);
/** seen from STS for session tags; IAM's text for entity tags assumed the same. */
export const duplicateTagKeys = (): AwsError =>
  new AwsError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');

/** seen (CreatePolicy). */
export const policyExists = (name: string): AwsError =>
  new AwsError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`);
/** seen (AttachUserPolicy, AttachRolePolicy with a well-formed ARN of no policy). */
export const policyNotAttachable = (arn: string): AwsError => new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
/** seen (AWS CLI output quoted in public issues). */
export const policyVersionQuota = (): AwsError =>
  new AwsError('LimitExceeded', 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
/** seen (Go SDK output quoted in public issues). */
export const defaultVersionInUse = (): AwsError => new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.');
/** AWS's text recalled, not seen in a recorded response. */
export const policyVersionNotFound = (arn: string, versionId: string): AwsError =>
  new AwsError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`);
/** seen (DeletePolicy); GetPolicy and DetachUserPolicy assumed the same. */
export const policyNotFound = (arn: string): AwsError => new AwsError('NoSuchEntity', `Policy ${arn} was not found.`);
/** seen, with its two spaces (AttachUserPolicy with a policy name or a malformed ARN). */
export const invalidArn = (): AwsError => new AwsError('ValidationError', 'Invalid ARN:  Could not be parsed!');
/** seen. AWS gives the same answer for a policy in use as a permissions boundary (reported; its console words it differently). */
export const policyInUse = (): AwsError => new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.');
/** seen. */
export const policyHasVersions = (): AwsError =>
  new AwsError(
    'DeleteConflict',
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
  );
/**
 * AWS's text not seen: DeletePolicy, CreatePolicyVersion, SetDefaultPolicyVersion and
 * DeletePolicyVersion on an AWS managed policy. Recalled as AccessDenied, even for an
 * administrator (the policy is not the caller's account's); worded as IAM's denial.
 */
export const awsPolicyReadOnly = (callerArn: string, action: string, arn: string): AwsError =>
  new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${arn}`);
/** seen (reported from Tag/UntagPolicy on an AWS managed policy, by the ACK IAM controller). */
export const policyTagsNotSupported = (): AwsError => new AwsError('InvalidInput', 'Tags not supported for policies in this domain');
/** AWS's text recalled, not seen in a recorded response. */
export const boundaryNotFound = (arn: string): AwsError => new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);

/** seen (CreateRole with a trust policy naming a user that does not exist). */
export const invalidPrincipal = (value: string): AwsError =>
  new AwsError('MalformedPolicyDocument', `Invalid principal in policy: "AWS":${JSON.stringify(value)}`);

/** AWS's text recalled, not seen in a recorded response: GetUser & co. without UserName from a role session. */
export const nonUserCredentials = (): AwsError =>
  new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');

/** AWS's constraint-violation format (seen for roleSessionName and status). */
export const constraintViolation = (field: string, value: string | number, constraint: string): AwsError =>
  new AwsError('ValidationError', `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);

/** seen (CreateAccountAlias with an alias another account holds; AWS CLI and boto3 output quoted in public issues). */
export const accountAliasExists = (alias: string): AwsError => new AwsError('EntityAlreadyExists', `The account alias ${alias} already exists.`);
/** AWS's text not seen: IAM's "cannot be found" wording for an alias the account does not have. */
export const noSuchAccountAlias = (alias: string): AwsError => new AwsError('NoSuchEntity', `The account alias ${alias} cannot be found.`);
/** AWS's text not seen: a context entry whose values do not fit its ContextKeyType. */
export const invalidContextEntry = (message: string): AwsError => new AwsError('InvalidInput', message);
/** seen (SimulatePrincipalPolicy with a resource policy and a role as the policy source). */
export const callerMustBeUser = (): AwsError => new AwsError('InvalidInput', 'Invalid caller - Caller must be an IAM user in this context.');
/** AWS's text not seen: a PolicyInputList or boundary document the engine cannot read; the engine's MalformedPolicyDocument text. */
export const invalidSimulationPolicy = (message: string): AwsError => new AwsError('InvalidInput', message);
/** AWS's text not seen: the API reference allows one permissions boundary per simulation. */
export const oneBoundaryOnly = (): AwsError => new AwsError('InvalidInput', 'Only one permissions boundary policy can be specified in PermissionsBoundaryPolicyInputList.');

// Service-linked roles.

/**
 * seen (DeleteRolePolicy, DetachRolePolicy, PutRolePolicy and DeleteRole on roles only AWS
 * may change, quoted in public issues: rebuy-de/aws-nuke#331, gruntwork-io/cloud-nuke#880,
 * perkbox/cloud-access-bot#11).
 */
export const unmodifiableRole = (name: string): AwsError =>
  new AwsError('UnmodifiableEntity', `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`);
/** seen (AttachRolePolicy of an `aws-service-role/` policy, aws/aws-cdk#6131); for users and groups assumed the same. */
export const serviceRolePolicyNotAttachable = (): AwsError => new AwsError('PolicyNotAttachable', 'Cannot attach a Service Role Policy to a Customer Role.');
/** seen (CreateServiceLinkedRole for a role that exists: LocalStack's recording of AWS). */
export const serviceRoleNameTaken = (name: string): AwsError =>
  new AwsError('InvalidInput', `Service role name ${name} has been taken in this account, please try a different suffix.`);
/** seen (CreateServiceLinkedRole with a CustomSuffix: LocalStack's recording of AWS). */
export const customSuffixNotAllowed = (service: string): AwsError => new AwsError('InvalidInput', `Custom suffix is not allowed for ${service}`);
/** AWS's text not seen: a service principal with no service-linked role rolegate knows. */
export const unknownLinkedService = (service: string): AwsError =>
  new AwsError('InvalidInput', `Service principal ${service} does not have a service-linked role that rolegate can create.`);
/** AWS's text not seen: DeleteServiceLinkedRole on a role a customer made. */
export const notServiceLinked = (name: string): AwsError => new AwsError('InvalidInput', `Role ${name} is not a service-linked role.`);
/** AWS's text not seen: a deletion task id this account never got. */
export const noSuchDeletionTask = (id: string): AwsError => new AwsError('NoSuchEntity', `The deletion task with id ${id} cannot be found.`);

/** seen (Create and ListServiceSpecificCredentials, for an unknown service and for lambda.amazonaws.com alike). */
export const unsupportedCredentialService = (serviceName: string): AwsError =>
  new AwsError('NoSuchEntity', `No such service ${serviceName} is supported for Service Specific Credentials`);
/** seen (Update, Reset and DeleteServiceSpecificCredential with an id the user does not have). */
export const noSuchServiceCredential = (id: string): AwsError => new AwsError('NoSuchEntity', `No such credential ${id} exists`);
/** AWS's text not seen: the quota wording of the other IAM limits, with the quota named as IAM's quotas page describes it. */
export const serviceCredentialQuota = (limit: number): AwsError =>
  new AwsError('LimitExceeded', `Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: ${limit}`);

// Instance profiles.

/** seen (GetInstanceProfile and DeleteInstanceProfile, quoted in DataBiosphere/toil#4836 and skyplane#724). */
export const noSuchInstanceProfile = (name: string): AwsError => new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
/** seen (CreateInstanceProfile, quoted in ine-labs/AWSGoat#49 and ansible-collections/amazon.aws#2102). */
export const instanceProfileExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `Instance Profile ${name} already exists.`);
/**
 * seen (AddRoleToInstanceProfile on a profile that holds a role: hashicorp/terraform#3851,
 * and checked against AWS by moto's maintainer in getmoto/moto#6404). Adding the role a
 * profile already holds is LimitExceeded too (coreos/mantle#1058); its text assumed the same.
 */
export const rolesPerInstanceProfileQuota = (): AwsError => new AwsError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');

// OpenID Connect providers.

/** seen (EntityAlreadyExists for a second provider of the same URL). */
export const oidcProviderExists = (url: string): AwsError => new AwsError('EntityAlreadyExists', `Provider with url ${url} already exists.`);
/** AWS's text not seen. */
export const noSuchOidcProvider = (arn: string): AwsError => new AwsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);
/** AWS's text not seen; AWS documents that a provider URL must begin with https://. */
export const invalidOidcUrl = (): AwsError => new AwsError('InvalidInput', 'Invalid Url: the URL must begin with https:// and name a host, without query or fragment.');
/** AWS's text not seen; the quotas (100 client ids, 5 thumbprints) are IAM's documented ones. */
export const clientIdQuota = (limit: number): AwsError => new AwsError('LimitExceeded', `Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${limit}`);
/** AWS's text not seen. */
export const thumbprintQuota = (limit: number): AwsError => new AwsError('InvalidInput', `Thumbprint list must contain at most ${limit} entries.`);
/** AWS's text not seen. */
export const invalidThumbprint = (): AwsError => new AwsError('InvalidInput', 'Thumbprint must be 40 hexadecimal characters.');
/** AWS's text not seen: IAM's "cannot be found" wording, for a serial number that names no virtual MFA device. */
export const noSuchMfaDevice = (serial: string): AwsError => new AwsError('NoSuchEntity', `VirtualMFADevice with serial ${serial} cannot be found.`);
/** AWS's text not seen: CreateVirtualMFADevice with a name (and path) the account already has. */
export const mfaDeviceExists = (): AwsError => new AwsError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.');
/** AWS's text not seen: EnableMFADevice for a device already enabled for a user. */
export const mfaDeviceInUse = (): AwsError => new AwsError('EntityAlreadyExists', 'MFA Device is already in use.');
/** AWS's text not seen: the code is AWS's (InvalidAuthenticationCodeException, HTTP 403, API model). */
export const invalidAuthenticationCode = (): AwsError => new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.');
/** AWS's text not seen: the quota wording of the other IAM limits; IAM's quotas page allows 8 MFA devices per user. */
export const mfaDeviceQuota = (limit: number): AwsError => new AwsError('LimitExceeded', `Cannot exceed quota for MFADevicesPerUser: ${limit}`);
