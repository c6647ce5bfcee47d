/**
 * Test data: one request a client could send for every operation rolegate serves, typed
 * by our input shapes, and one result the services could return, typed by the services'
 * own return types — so a member the services name and the shapes do not (or the other
 * way round) fails to compile here before any test runs.
 */
import type { Infer, StructureShape } from '../../src/protocol/index.js';
import type { IAM_OPERATIONS } from '../../src/protocol/iam/service.js';
import type { STS_OPERATIONS } from '../../src/protocol/sts/service.js';
import type { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from '../../src/services/iam/access-keys.js';
import type { getAccountAuthorizationDetails } from '../../src/services/iam/authorization-details.js';
import type { createAccountAlias, deleteAccountAlias, getAccountSummary, listAccountAliases } from '../../src/services/iam/account.js';
import type {
  addUserToGroup, createGroup, deleteGroup, getGroup, listGroups, listGroupsForUser, removeUserFromGroup, updateGroup,
} from '../../src/services/iam/groups.js';
import type {
  deleteGroupPolicy, deleteRolePolicy, deleteUserPolicy, getGroupPolicy, getRolePolicy, getUserPolicy, listGroupPolicies, listRolePolicies,
  listUserPolicies, putGroupPolicy, putRolePolicy, putUserPolicy,
} from '../../src/services/iam/inline-policies.js';
import type {
  attachGroupPolicy, attachRolePolicy, attachUserPolicy, createPolicy, deletePolicy, detachGroupPolicy, detachRolePolicy, detachUserPolicy, getPolicy,
  listAttachedGroupPolicies, listAttachedRolePolicies, listAttachedUserPolicies, listPolicies, listPolicyTags, tagPolicy, untagPolicy,
} from '../../src/services/iam/managed-policies.js';
import type { addRoleToInstanceProfile, listInstanceProfilesForRole, removeRoleFromInstanceProfile } from '../../src/services/iam/instance-profile-roles.js';
import type {
  createInstanceProfile, deleteInstanceProfile, getInstanceProfile, listInstanceProfiles, listInstanceProfileTags, tagInstanceProfile, untagInstanceProfile,
} from '../../src/services/iam/instance-profiles.js';
import type { listEntitiesForPolicy } from '../../src/services/iam/policy-entities.js';
import type {
  createPolicyVersion, deletePolicyVersion, getPolicyVersion, listPolicyVersions, setDefaultPolicyVersion,
} from '../../src/services/iam/policy-versions.js';
import type {
  createRole, deleteRole, deleteRolePermissionsBoundary, getRole, listRoles, listRoleTags, putRolePermissionsBoundary, tagRole, untagRole,
  updateAssumeRolePolicy, updateRole,
} from '../../src/services/iam/roles.js';
import type { createServiceLinkedRole, deleteServiceLinkedRole, getServiceLinkedRoleDeletionStatus } from '../../src/services/iam/service-linked-roles.js';
import type {
  createUser, deleteUser, deleteUserPermissionsBoundary, getUser, listUsers, listUserTags, putUserPermissionsBoundary, tagUser, untagUser,
} from '../../src/services/iam/users.js';
import type { simulateCustomPolicy, simulatePrincipalPolicy } from '../../src/services/iam/simulate.js';
import type {
  createServiceSpecificCredential, deleteServiceSpecificCredential, listServiceSpecificCredentials, resetServiceSpecificCredential,
  updateServiceSpecificCredential,
} from '../../src/services/iam/service-credentials.js';
import type {
  createVirtualMFADevice, deactivateMFADevice, deleteVirtualMFADevice, enableMFADevice, listMFADevices, listVirtualMFADevices,
} from '../../src/services/iam/mfa-devices.js';
import type { assumeRole } from '../../src/services/sts/assume-role.js';
import type { getAccessKeyInfo, getCallerIdentity } from '../../src/services/sts/caller-identity.js';
import type { getSessionToken } from '../../src/services/sts/session-token.js';
import type { getFederationToken } from '../../src/services/sts/federation-token.js';
import type { assumeRoleWithWebIdentity } from '../../src/services/sts/web-identity.js';
import type {
  addClientIDToOpenIDConnectProvider, createOpenIDConnectProvider, deleteOpenIDConnectProvider, getOpenIDConnectProvider, listOpenIDConnectProviders,
  listOpenIDConnectProviderTags, removeClientIDFromOpenIDConnectProvider, tagOpenIDConnectProvider, untagOpenIDConnectProvider,
  updateOpenIDConnectProviderThumbprint,
} from '../../src/services/iam/oidc-providers.js';

/** The handler that serves each operation, as the server will pair them. */
export interface Handlers {
  AssumeRole: typeof assumeRole;
  GetCallerIdentity: typeof getCallerIdentity;
  GetSessionToken: typeof getSessionToken;
  GetAccessKeyInfo: typeof getAccessKeyInfo;
  GetFederationToken: typeof getFederationToken;
  CreateUser: typeof createUser;
  GetUser: typeof getUser;
  ListUsers: typeof listUsers;
  DeleteUser: typeof deleteUser;
  TagUser: typeof tagUser;
  UntagUser: typeof untagUser;
  ListUserTags: typeof listUserTags;
  PutUserPermissionsBoundary: typeof putUserPermissionsBoundary;
  DeleteUserPermissionsBoundary: typeof deleteUserPermissionsBoundary;
  CreateAccessKey: typeof createAccessKey;
  ListAccessKeys: typeof listAccessKeys;
  UpdateAccessKey: typeof updateAccessKey;
  DeleteAccessKey: typeof deleteAccessKey;
  CreateRole: typeof createRole;
  GetRole: typeof getRole;
  ListRoles: typeof listRoles;
  UpdateRole: typeof updateRole;
  UpdateAssumeRolePolicy: typeof updateAssumeRolePolicy;
  DeleteRole: typeof deleteRole;
  TagRole: typeof tagRole;
  UntagRole: typeof untagRole;
  ListRoleTags: typeof listRoleTags;
  PutRolePermissionsBoundary: typeof putRolePermissionsBoundary;
  DeleteRolePermissionsBoundary: typeof deleteRolePermissionsBoundary;
  PutUserPolicy: typeof putUserPolicy;
  GetUserPolicy: typeof getUserPolicy;
  DeleteUserPolicy: typeof deleteUserPolicy;
  ListUserPolicies: typeof listUserPolicies;
  PutRolePolicy: typeof putRolePolicy;
  GetRolePolicy: typeof getRolePolicy;
  DeleteRolePolicy: typeof deleteRolePolicy;
  ListRolePolicies: typeof listRolePolicies;
  CreatePolicy: typeof createPolicy;
  GetPolicy: typeof getPolicy;
  DeletePolicy: typeof deletePolicy;
  ListPolicies: typeof listPolicies;
  ListEntitiesForPolicy: typeof listEntitiesForPolicy;
  CreatePolicyVersion: typeof createPolicyVersion;
  GetPolicyVersion: typeof getPolicyVersion;
  ListPolicyVersions: typeof listPolicyVersions;
  SetDefaultPolicyVersion: typeof setDefaultPolicyVersion;
  DeletePolicyVersion: typeof deletePolicyVersion;
  TagPolicy: typeof tagPolicy;
  UntagPolicy: typeof untagPolicy;
  ListPolicyTags: typeof listPolicyTags;
  AttachUserPolicy: typeof attachUserPolicy;
  DetachUserPolicy: typeof detachUserPolicy;
  ListAttachedUserPolicies: typeof listAttachedUserPolicies;
  AttachRolePolicy: typeof attachRolePolicy;
  DetachRolePolicy: typeof detachRolePolicy;
  ListAttachedRolePolicies: typeof listAttachedRolePolicies;
  CreateGroup: typeof createGroup;
  GetGroup: typeof getGroup;
  ListGroups: typeof listGroups;
  UpdateGroup: typeof updateGroup;
  DeleteGroup: typeof deleteGroup;
  AddUserToGroup: typeof addUserToGroup;
  RemoveUserFromGroup: typeof removeUserFromGroup;
  ListGroupsForUser: typeof listGroupsForUser;
  PutGroupPolicy: typeof putGroupPolicy;
  GetGroupPolicy: typeof getGroupPolicy;
  DeleteGroupPolicy: typeof deleteGroupPolicy;
  ListGroupPolicies: typeof listGroupPolicies;
  AttachGroupPolicy: typeof attachGroupPolicy;
  DetachGroupPolicy: typeof detachGroupPolicy;
  ListAttachedGroupPolicies: typeof listAttachedGroupPolicies;
  CreateInstanceProfile: typeof createInstanceProfile;
  GetInstanceProfile: typeof getInstanceProfile;
  ListInstanceProfiles: typeof listInstanceProfiles;
  DeleteInstanceProfile: typeof deleteInstanceProfile;
  AddRoleToInstanceProfile: typeof addRoleToInstanceProfile;
  RemoveRoleFromInstanceProfile: typeof removeRoleFromInstanceProfile;
  ListInstanceProfilesForRole: typeof listInstanceProfilesForRole;
  TagInstanceProfile: typeof tagInstanceProfile;
  UntagInstanceProfile: typeof untagInstanceProfile;
  ListInstanceProfileTags: typeof listInstanceProfileTags;
  GetAccountAuthorizationDetails: typeof getAccountAuthorizationDetails;
  CreateAccountAlias: typeof createAccountAlias;
  DeleteAccountAlias: typeof deleteAccountAlias;
  ListAccountAliases: typeof listAccountAliases;
  GetAccountSummary: typeof getAccountSummary;
  SimulateCustomPolicy: typeof simulateCustomPolicy;
  SimulatePrincipalPolicy: typeof simulatePrincipalPolicy;
  CreateServiceLinkedRole: typeof createServiceLinkedRole;
  DeleteServiceLinkedRole: typeof deleteServiceLinkedRole;
  GetServiceLinkedRoleDeletionStatus: typeof getServiceLinkedRoleDeletionStatus;
  CreateServiceSpecificCredential: typeof createServiceSpecificCredential;
  ListServiceSpecificCredentials: typeof listServiceSpecificCredentials;
  UpdateServiceSpecificCredential: typeof updateServiceSpecificCredential;
  ResetServiceSpecificCredential: typeof resetServiceSpecificCredential;
  DeleteServiceSpecificCredential: typeof deleteServiceSpecificCredential;
  AssumeRoleWithWebIdentity: typeof assumeRoleWithWebIdentity;
  CreateOpenIDConnectProvider: typeof createOpenIDConnectProvider;
  GetOpenIDConnectProvider: typeof getOpenIDConnectProvider;
  ListOpenIDConnectProviders: typeof listOpenIDConnectProviders;
  DeleteOpenIDConnectProvider: typeof deleteOpenIDConnectProvider;
  UpdateOpenIDConnectProviderThumbprint: typeof updateOpenIDConnectProviderThumbprint;
  AddClientIDToOpenIDConnectProvider: typeof addClientIDToOpenIDConnectProvider;
  RemoveClientIDFromOpenIDConnectProvider: typeof removeClientIDFromOpenIDConnectProvider;
  TagOpenIDConnectProvider: typeof tagOpenIDConnectProvider;
  UntagOpenIDConnectProvider: typeof untagOpenIDConnectProvider;
  ListOpenIDConnectProviderTags: typeof listOpenIDConnectProviderTags;
  CreateVirtualMFADevice: typeof createVirtualMFADevice;
  EnableMFADevice: typeof enableMFADevice;
  DeactivateMFADevice: typeof deactivateMFADevice;
  ListMFADevices: typeof listMFADevices;
  ListVirtualMFADevices: typeof listVirtualMFADevices;
  DeleteVirtualMFADevice: typeof deleteVirtualMFADevice;
}

export type Operations = typeof STS_OPERATIONS & typeof IAM_OPERATIONS;
type WithInput = { [N in keyof Operations as Operations[N] extends { input: StructureShape } ? N : never]: Operations[N] };
type WithOutput = { [N in keyof Operations as Operations[N] extends { output: StructureShape } ? N : never]: Operations[N] };
export type InputOf<O> = O extends { input: infer S } ? Infer<S> : Record<string, never>;
export type HandlerOutput<N extends keyof Handlers> = Awaited<ReturnType<Handlers[N]>>;

const ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app/demo`;
const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/app/alice`;
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/app/read`;
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

/**
 * Documents as clients write them: indentation, a newline, `+`, `*`, and a `%3A` of the
 * document's own — what IAM's URL-encoding must carry through one decode unchanged.
 */
export const TRUST_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'a b+c%3A*' } } }],
  },
  null,
  2,
);
export const IDENTITY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::bucket/café/*' }],
});

const TAGS = [
  { Key: 'team', Value: 'platform' },
  { Key: 'cost center', Value: '' },
];
const PAGE = { Marker: 'YWxpY2U', MaxItems: 2 };
const OIDC_URL = 'https://token.actions.githubusercontent.com';
const OIDC_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const THUMBPRINT = '6938fd4d98bab03faadb97b34396831e3780aea1';
const MFA_SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;
const SLR_TASK = 'task/aws-service-role/shield.amazonaws.com/AWSServiceRoleForAWSShield/3f2b8a0e-6c1d-4e5f-9a7b-1c2d3e4f5a6b';

export const INPUTS: { [N in keyof WithInput]: InputOf<WithInput[N]> } = {
  AssumeRole: {
    RoleArn: ROLE_ARN,
    RoleSessionName: 'build-42@ci',
    PolicyArns: [{ arn: POLICY_ARN }],
    Policy: IDENTITY_POLICY,
    DurationSeconds: 3600,
    Tags: TAGS,
    TransitiveTagKeys: ['team'],
    ExternalId: 'ext-id:1/2',
    SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`,
    TokenCode: '123456',
    SourceIdentity: 'alice',
    ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'c2lnbmVk' }],
  },
  GetSessionToken: { DurationSeconds: 129600, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`, TokenCode: '654321' },
  GetAccessKeyInfo: { AccessKeyId: KEY_ID },
  GetFederationToken: { Name: 'bob@corp', Policy: IDENTITY_POLICY, PolicyArns: [{ arn: POLICY_ARN }], DurationSeconds: 129600, Tags: TAGS },
  CreateUser: { Path: '/app/', UserName: 'alice', PermissionsBoundary: POLICY_ARN, Tags: TAGS },
  GetUser: { UserName: 'alice' },
  ListUsers: { PathPrefix: '/app/', ...PAGE },
  DeleteUser: { UserName: 'alice' },
  TagUser: { UserName: 'alice', Tags: TAGS },
  UntagUser: { UserName: 'alice', TagKeys: ['team', 'cost center'] },
  ListUserTags: { UserName: 'alice', ...PAGE },
  PutUserPermissionsBoundary: { UserName: 'alice', PermissionsBoundary: 'arn:aws:iam::123456789012:policy/fence' },
  DeleteUserPermissionsBoundary: { UserName: 'alice' },
  CreateAccessKey: { UserName: 'alice' },
  ListAccessKeys: { UserName: 'alice', ...PAGE },
  UpdateAccessKey: { UserName: 'alice', AccessKeyId: KEY_ID, Status: 'Inactive' },
  DeleteAccessKey: { UserName: 'alice', AccessKeyId: KEY_ID },
  CreateRole: {
    Path: '/app/',
    RoleName: 'demo',
    AssumeRolePolicyDocument: TRUST_POLICY,
    Description: 'Deploys the app — nightly',
    MaxSessionDuration: 7200,
    PermissionsBoundary: POLICY_ARN,
    Tags: TAGS,
  },
  GetRole: { RoleName: 'demo' },
  ListRoles: { PathPrefix: '/app/', ...PAGE },
  UpdateRole: { RoleName: 'demo', Description: '', MaxSessionDuration: 43200 },
  UpdateAssumeRolePolicy: { RoleName: 'demo', PolicyDocument: TRUST_POLICY },
  DeleteRole: { RoleName: 'demo' },
  TagRole: { RoleName: 'demo', Tags: TAGS },
  UntagRole: { RoleName: 'demo', TagKeys: [] },
  ListRoleTags: { RoleName: 'demo', ...PAGE },
  PutRolePermissionsBoundary: { RoleName: 'demo', PermissionsBoundary: 'arn:aws:iam::123456789012:policy/fence' },
  DeleteRolePermissionsBoundary: { RoleName: 'demo' },
  PutUserPolicy: { UserName: 'alice', PolicyName: 'read', PolicyDocument: IDENTITY_POLICY },
  GetUserPolicy: { UserName: 'alice', PolicyName: 'read' },
  DeleteUserPolicy: { UserName: 'alice', PolicyName: 'read' },
  ListUserPolicies: { UserName: 'alice', ...PAGE },
  PutRolePolicy: { RoleName: 'demo', PolicyName: 'read', PolicyDocument: IDENTITY_POLICY },
  GetRolePolicy: { RoleName: 'demo', PolicyName: 'read' },
  DeleteRolePolicy: { RoleName: 'demo', PolicyName: 'read' },
  ListRolePolicies: { RoleName: 'demo', ...PAGE },
  CreatePolicy: { PolicyName: 'read', Path: '/app/', PolicyDocument: IDENTITY_POLICY, Description: 'Read the bucket', Tags: TAGS },
  GetPolicy: { PolicyArn: POLICY_ARN },
  DeletePolicy: { PolicyArn: POLICY_ARN },
  ListEntitiesForPolicy: { PolicyArn: POLICY_ARN, EntityFilter: 'Role', PathPrefix: '/', PolicyUsageFilter: 'PermissionsBoundary', ...PAGE },
  ListPolicies: { Scope: 'Local', OnlyAttached: true, PathPrefix: '/app/', PolicyUsageFilter: 'PermissionsPolicy', ...PAGE },
  CreatePolicyVersion: { PolicyArn: POLICY_ARN, PolicyDocument: '{"Version":"2012-10-17"}', SetAsDefault: true },
  GetPolicyVersion: { PolicyArn: POLICY_ARN, VersionId: 'v2' },
  ListPolicyVersions: { PolicyArn: POLICY_ARN, ...PAGE },
  SetDefaultPolicyVersion: { PolicyArn: POLICY_ARN, VersionId: 'v2' },
  DeletePolicyVersion: { PolicyArn: POLICY_ARN, VersionId: 'v1' },
  TagPolicy: { PolicyArn: POLICY_ARN, Tags: [{ Key: 'team', Value: 'data' }] },
  UntagPolicy: { PolicyArn: POLICY_ARN, TagKeys: ['team'] },
  ListPolicyTags: { PolicyArn: POLICY_ARN, ...PAGE },
  AttachUserPolicy: { UserName: 'alice', PolicyArn: POLICY_ARN },
  DetachUserPolicy: { UserName: 'alice', PolicyArn: POLICY_ARN },
  ListAttachedUserPolicies: { UserName: 'alice', PathPrefix: '/app/', ...PAGE },
  AttachRolePolicy: { RoleName: 'demo', PolicyArn: POLICY_ARN },
  DetachRolePolicy: { RoleName: 'demo', PolicyArn: POLICY_ARN },
  ListAttachedRolePolicies: { RoleName: 'demo', PathPrefix: '/app/', ...PAGE },
  CreateGroup: { Path: '/teams/', GroupName: 'ops' },
  GetGroup: { GroupName: 'ops', ...PAGE },
  ListGroups: { PathPrefix: '/teams/', ...PAGE },
  UpdateGroup: { GroupName: 'ops', NewGroupName: 'operations', NewPath: '/' },
  DeleteGroup: { GroupName: 'ops' },
  AddUserToGroup: { GroupName: 'ops', UserName: 'alice' },
  RemoveUserFromGroup: { GroupName: 'ops', UserName: 'alice' },
  ListGroupsForUser: { UserName: 'alice', ...PAGE },
  PutGroupPolicy: { GroupName: 'ops', PolicyName: 'read', PolicyDocument: IDENTITY_POLICY },
  GetGroupPolicy: { GroupName: 'ops', PolicyName: 'read' },
  DeleteGroupPolicy: { GroupName: 'ops', PolicyName: 'read' },
  ListGroupPolicies: { GroupName: 'ops', ...PAGE },
  AttachGroupPolicy: { GroupName: 'ops', PolicyArn: POLICY_ARN },
  DetachGroupPolicy: { GroupName: 'ops', PolicyArn: POLICY_ARN },
  ListAttachedGroupPolicies: { GroupName: 'ops', PathPrefix: '/app/', ...PAGE },
  CreateInstanceProfile: { InstanceProfileName: 'web+app=1,x.y@z-w', Path: '/app/', Tags: TAGS },
  GetInstanceProfile: { InstanceProfileName: 'web' },
  ListInstanceProfiles: { PathPrefix: '/app/', ...PAGE },
  DeleteInstanceProfile: { InstanceProfileName: 'web' },
  AddRoleToInstanceProfile: { InstanceProfileName: 'web', RoleName: 'demo' },
  RemoveRoleFromInstanceProfile: { InstanceProfileName: 'web', RoleName: 'demo' },
  ListInstanceProfilesForRole: { RoleName: 'demo', ...PAGE },
  TagInstanceProfile: { InstanceProfileName: 'web', Tags: TAGS },
  UntagInstanceProfile: { InstanceProfileName: 'web', TagKeys: ['team', 'cost center'] },
  ListInstanceProfileTags: { InstanceProfileName: 'web', ...PAGE },
  GetAccountAuthorizationDetails: { Filter: ['User', 'LocalManagedPolicy'], ...PAGE },
  CreateAccountAlias: { AccountAlias: 'example-corp' },
  DeleteAccountAlias: { AccountAlias: 'example-corp' },
  ListAccountAliases: PAGE,
  SimulateCustomPolicy: {
    PolicyInputList: [IDENTITY_POLICY],
    PermissionsBoundaryPolicyInputList: [IDENTITY_POLICY],
    ActionNames: ['s3:GetObject', 'iam:ListUsers'],
    ResourceArns: ['arn:aws:s3:::b/k'],
    ResourcePolicy: IDENTITY_POLICY,
    ResourceOwner: `arn:aws:iam::${ACCOUNT}:root`,
    CallerArn: USER_ARN,
    ContextEntries: [
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.1'], ContextKeyType: 'ip' },
      { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' },
    ],
    ResourceHandlingOption: 'EC2-VPC-InstanceStore',
    ...PAGE,
  },
  SimulatePrincipalPolicy: { PolicySourceArn: USER_ARN, PolicyInputList: [IDENTITY_POLICY], ActionNames: ['s3:GetObject'], ...PAGE },
  CreateServiceLinkedRole: { AWSServiceName: 'shield.amazonaws.com', Description: 'Shield — DDoS', CustomSuffix: 'blue-1' },
  DeleteServiceLinkedRole: { RoleName: 'AWSServiceRoleForAWSShield' },
  GetServiceLinkedRoleDeletionStatus: { DeletionTaskId: SLR_TASK },
  CreateServiceSpecificCredential: { UserName: 'alice', ServiceName: 'codecommit.amazonaws.com' },
  ListServiceSpecificCredentials: { UserName: 'alice', ServiceName: 'cassandra.amazonaws.com' },
  UpdateServiceSpecificCredential: { UserName: 'alice', ServiceSpecificCredentialId: 'ACCAQFODNN7EXAMPLE123', Status: 'Inactive' },
  ResetServiceSpecificCredential: { UserName: 'alice', ServiceSpecificCredentialId: 'ACCAQFODNN7EXAMPLE123' },
  DeleteServiceSpecificCredential: { UserName: 'alice', ServiceSpecificCredentialId: 'ACCAQFODNN7EXAMPLE123' },
  AssumeRoleWithWebIdentity: {
    RoleArn: ROLE_ARN,
    RoleSessionName: 'gh-actions',
    WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vciJ9.c2ln',
    ProviderId: 'www.amazon.com',
    PolicyArns: [{ arn: POLICY_ARN }],
    Policy: IDENTITY_POLICY,
    DurationSeconds: 3600,
  },
  CreateOpenIDConnectProvider: { Url: OIDC_URL, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [THUMBPRINT], Tags: TAGS },
  GetOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN },
  DeleteOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN },
  UpdateOpenIDConnectProviderThumbprint: { OpenIDConnectProviderArn: OIDC_ARN, ThumbprintList: [THUMBPRINT, THUMBPRINT.toUpperCase()] },
  AddClientIDToOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN, ClientID: 'my-app' },
  RemoveClientIDFromOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN, ClientID: 'my-app' },
  TagOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN, Tags: TAGS },
  UntagOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN, TagKeys: ['team'] },
  ListOpenIDConnectProviderTags: { OpenIDConnectProviderArn: OIDC_ARN, ...PAGE },
  CreateVirtualMFADevice: { Path: '/', VirtualMFADeviceName: 'alice-phone', Tags: [{ Key: 'team', Value: 'ops' }] },
  EnableMFADevice: { UserName: 'alice', SerialNumber: MFA_SERIAL, AuthenticationCode1: '123456', AuthenticationCode2: '654321' },
  DeactivateMFADevice: { UserName: 'alice', SerialNumber: MFA_SERIAL },
  ListMFADevices: { UserName: 'alice', ...PAGE },
  ListVirtualMFADevices: { AssignmentStatus: 'Assigned', ...PAGE },
  DeleteVirtualMFADevice: { SerialNumber: MFA_SERIAL },
};

const CREATED = new Date('2024-05-01T10:20:30Z');
const UPDATED = new Date('2024-06-01T00:00:01Z');
const BOUNDARY = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: POLICY_ARN } as const;
const CREDENTIALS = {
  AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  SessionToken: 'AQoDYXdzEJr…<&>',
  Expiration: new Date('2024-05-01T11:20:30Z'),
};
const USER = { Path: '/app/', UserName: 'alice', UserId: 'AIDAJQABLZS4A3QDU576Q', Arn: USER_ARN, CreateDate: CREATED };
const ROLE = {
  Path: '/app/',
  RoleName: 'demo',
  RoleId: 'AROADBQP57FF2AEXAMPLE',
  Arn: ROLE_ARN,
  CreateDate: CREATED,
  AssumeRolePolicyDocument: TRUST_POLICY,
};
const POLICY = {
  PolicyName: 'read',
  PolicyId: 'ANPAJ2UCCR6DPCEXAMPLE',
  Arn: POLICY_ARN,
  Path: '/app/',
  DefaultVersionId: 'v1',
  AttachmentCount: 0,
  PermissionsBoundaryUsageCount: 2,
  IsAttachable: true,
  Description: 'Read the bucket',
  CreateDate: CREATED,
  UpdateDate: UPDATED,
  Tags: TAGS,
};
const GROUP = { Path: '/teams/', GroupName: 'ops', GroupId: 'AGPAJQABLZS4A3QDU576Q', Arn: `arn:aws:iam::${ACCOUNT}:group/teams/ops`, CreateDate: CREATED };
const { Tags: _policyTags, ...POLICY_DETAIL } = POLICY;
const INSTANCE_PROFILE = {
  Path: '/app/',
  InstanceProfileName: 'web',
  InstanceProfileId: 'AIPAJMBYC7DLSPEXAMPLE',
  Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app/web`,
  CreateDate: CREATED,
  Roles: [ROLE],
};
const KEY = { UserName: 'alice', AccessKeyId: KEY_ID, Status: 'Active', CreateDate: CREATED } as const;
const SERVICE_CREDENTIAL = {
  UserName: 'alice',
  Status: 'Active',
  ServiceUserName: `alice-at-${ACCOUNT}`,
  CreateDate: CREATED,
  ServiceSpecificCredentialId: 'ACCAQFODNN7EXAMPLE123',
  ServiceName: 'codecommit.amazonaws.com',
} as const;

/** What the services return, shaped by their own types. */
export const OUTPUTS: { [N in keyof WithOutput & keyof Handlers]: HandlerOutput<N> } = {
  AssumeRole: {
    Credentials: CREDENTIALS,
    AssumedRoleUser: { AssumedRoleId: 'AROADBQP57FF2AEXAMPLE:build-42@ci', Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/demo/build-42@ci` },
    PackedPolicySize: 6,
    SourceIdentity: 'alice',
  },
  GetCallerIdentity: { UserId: 'AIDAJQABLZS4A3QDU576Q', Account: ACCOUNT, Arn: USER_ARN },
  GetSessionToken: { Credentials: CREDENTIALS },
  GetAccessKeyInfo: { Account: ACCOUNT },
  GetFederationToken: {
    Credentials: CREDENTIALS,
    FederatedUser: { FederatedUserId: `${ACCOUNT}:bob@corp`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob@corp` },
    PackedPolicySize: 0,
  },
  CreateUser: { User: { ...USER, Tags: TAGS } },
  GetUser: { User: { ...USER, Tags: TAGS, PermissionsBoundary: BOUNDARY } },
  ListUsers: { Users: [USER, { ...USER, UserName: 'bob', Arn: `arn:aws:iam::${ACCOUNT}:user/app/bob` }], IsTruncated: true, Marker: 'Ym9i' },
  ListUserTags: { Tags: TAGS, IsTruncated: false },
  CreateAccessKey: { AccessKey: { ...KEY, SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } },
  ListAccessKeys: { AccessKeyMetadata: [KEY, { ...KEY, AccessKeyId: 'AKIAI44QH8DHBEXAMPLE', Status: 'Inactive' }], IsTruncated: false },
  CreateRole: { Role: { ...ROLE, Description: 'Deploys the app — nightly', Tags: TAGS } },
  GetRole: {
    Role: {
      ...ROLE,
      Description: 'Deploys the app — nightly',
      MaxSessionDuration: 3600,
      PermissionsBoundary: BOUNDARY,
      Tags: TAGS,
      RoleLastUsed: { LastUsedDate: UPDATED, Region: 'us-east-1' },
    },
  },
  ListRoles: { Roles: [{ ...ROLE, MaxSessionDuration: 3600 }], IsTruncated: false },
  UpdateRole: {},
  ListRoleTags: { Tags: [], IsTruncated: false },
  GetUserPolicy: { UserName: 'alice', PolicyName: 'read', PolicyDocument: IDENTITY_POLICY },
  ListUserPolicies: { PolicyNames: ['read', 'write'], IsTruncated: true, Marker: 'd3JpdGU' },
  GetRolePolicy: { RoleName: 'demo', PolicyName: 'read', PolicyDocument: TRUST_POLICY },
  ListRolePolicies: { PolicyNames: [], IsTruncated: false },
  CreatePolicy: { Policy: POLICY },
  GetPolicy: { Policy: { ...POLICY, Description: undefined, Tags: undefined } },
  ListEntitiesForPolicy: { PolicyGroups: [], PolicyUsers: [{ UserName: 'alice', UserId: 'AIDAAAAAAAAAAAAAAAAAA' }], PolicyRoles: [{ RoleName: 'demo', RoleId: 'AROAAAAAAAAAAAAAAAAAA' }], IsTruncated: false },
  ListPolicies: { Policies: [{ ...POLICY, Description: undefined, Tags: undefined }], IsTruncated: true, Marker: 'cmVhZA' },
  ListAttachedUserPolicies: { AttachedPolicies: [{ PolicyName: 'read', PolicyArn: POLICY_ARN }], IsTruncated: false },
  ListAttachedRolePolicies: { AttachedPolicies: [{ PolicyName: 'read', PolicyArn: POLICY_ARN }], IsTruncated: true, Marker: 'cmVhZA' },
  ListPolicyTags: { Tags: [{ Key: 'team', Value: 'data' }], IsTruncated: false },
  CreatePolicyVersion: { PolicyVersion: { VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date(0) } },
  GetPolicyVersion: { PolicyVersion: { Document: '{"Version":"2012-10-17"}', VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date(0) } },
  ListPolicyVersions: { Versions: [{ VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date(0) }], IsTruncated: false },
  CreateGroup: { Group: GROUP },
  GetGroup: { Group: GROUP, Users: [USER], IsTruncated: true, Marker: 'YWxpY2U' },
  ListGroups: { Groups: [GROUP, { ...GROUP, GroupName: 'dev', Arn: `arn:aws:iam::${ACCOUNT}:group/teams/dev` }], IsTruncated: false },
  ListGroupsForUser: { Groups: [GROUP], IsTruncated: false },
  GetGroupPolicy: { GroupName: 'ops', PolicyName: 'read', PolicyDocument: IDENTITY_POLICY },
  ListGroupPolicies: { PolicyNames: ['read'], IsTruncated: false },
  ListAttachedGroupPolicies: { AttachedPolicies: [{ PolicyName: 'read', PolicyArn: POLICY_ARN }], IsTruncated: false },
  CreateInstanceProfile: { InstanceProfile: { ...INSTANCE_PROFILE, Roles: [], Tags: TAGS } },
  GetInstanceProfile: { InstanceProfile: { ...INSTANCE_PROFILE, Tags: TAGS } },
  ListInstanceProfiles: { InstanceProfiles: [INSTANCE_PROFILE, { ...INSTANCE_PROFILE, InstanceProfileName: 'worker', Roles: [] }], IsTruncated: true, Marker: 'd29ya2Vy' },
  ListInstanceProfilesForRole: { InstanceProfiles: [INSTANCE_PROFILE], IsTruncated: false },
  ListInstanceProfileTags: { Tags: TAGS, IsTruncated: false },
  GetAccountAuthorizationDetails: {
    UserDetailList: [{
      ...USER,
      Tags: TAGS,
      PermissionsBoundary: BOUNDARY,
      UserPolicyList: [{ PolicyName: 'read', PolicyDocument: IDENTITY_POLICY }],
      GroupList: ['ops'],
      AttachedManagedPolicies: [{ PolicyName: 'read', PolicyArn: POLICY_ARN }],
    }],
    GroupDetailList: [{ ...GROUP, GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'read', PolicyArn: POLICY_ARN }] }],
    RoleDetailList: [{
      ...ROLE,
      InstanceProfileList: [{ ...INSTANCE_PROFILE, Tags: TAGS }],
      RolePolicyList: [{ PolicyName: 'read', PolicyDocument: IDENTITY_POLICY }],
      AttachedManagedPolicies: [],
      PermissionsBoundary: BOUNDARY,
      Tags: TAGS,
      RoleLastUsed: {},
    }],
    Policies: [{
      ...POLICY_DETAIL,
      PolicyVersionList: [{ Document: IDENTITY_POLICY, VersionId: 'v1', IsDefaultVersion: true, CreateDate: CREATED }],
    }],
    IsTruncated: true,
    Marker: 'NHJlYWQ',
  },
  ListAccountAliases: { AccountAliases: ['example-corp'], IsTruncated: false },
  GetAccountSummary: { SummaryMap: new Map([['Users', 27], ['UsersQuota', 5000], ['AccountMFAEnabled', 0]]) },
  SimulateCustomPolicy: {
    EvaluationResults: [
      {
        EvalActionName: 's3:GetObject',
        EvalResourceName: 'arn:aws:s3:::b/k',
        EvalDecision: 'allowed',
        MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 90 } }],
        MissingContextValues: ['aws:SourceIp'],
        OrganizationsDecisionDetail: { AllowedByOrganizations: true },
        PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
        EvalDecisionDetails: new Map(),
        ResourceSpecificResults: [
          { EvalResourceName: 'arn:aws:s3:::b/k', EvalResourceDecision: 'allowed', MatchedStatements: [], MissingContextValues: [], PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } },
        ],
      },
    ],
    IsTruncated: true,
    Marker: 'MDAwMDAwMDA',
  },
  SimulatePrincipalPolicy: {
    EvaluationResults: [{ EvalActionName: 'iam:ListUsers', EvalResourceName: '*', EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [], OrganizationsDecisionDetail: { AllowedByOrganizations: true } }],
    IsTruncated: false,
  },
  CreateServiceLinkedRole: {
    Role: {
      Path: '/aws-service-role/shield.amazonaws.com/',
      RoleName: 'AWSServiceRoleForAWSShield',
      RoleId: 'AROADBQP57FF2AEXAMPLE',
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/shield.amazonaws.com/AWSServiceRoleForAWSShield`,
      CreateDate: CREATED,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'shield.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      Description: 'Shield — DDoS',
    },
  },
  DeleteServiceLinkedRole: { DeletionTaskId: SLR_TASK },
  GetServiceLinkedRoleDeletionStatus: { Status: 'SUCCEEDED' },
  CreateServiceSpecificCredential: { ServiceSpecificCredential: { ...SERVICE_CREDENTIAL, ServicePassword: '+oaFsNk7tLco+C/obP9GhhcOzGcKOayTmE85QGx/6rw=' } },
  ListServiceSpecificCredentials: {
    ServiceSpecificCredentials: [SERVICE_CREDENTIAL, { ...SERVICE_CREDENTIAL, ServiceSpecificCredentialId: 'ACCAQFODNN7EXAMPLE456', Status: 'Inactive' }],
  },
  ResetServiceSpecificCredential: { ServiceSpecificCredential: { ...SERVICE_CREDENTIAL, Status: 'Inactive', ServicePassword: 'fjx6VwUb0dgBkl/AX8+vSYOvEP/vHW4T9Avmk4aU/vg=' } },
  AssumeRoleWithWebIdentity: {
    Credentials: { AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', SessionToken: 'AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE', Expiration: CREATED },
    SubjectFromWebIdentityToken: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    AssumedRoleUser: { AssumedRoleId: 'AROACLKWSDQRAOEXAMPLE:gh-actions', Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/demo/gh-actions` },
    PackedPolicySize: 6,
    Provider: 'token.actions.githubusercontent.com',
    Audience: 'sts.amazonaws.com',
    SourceIdentity: 'octocat',
  },
  CreateOpenIDConnectProvider: { OpenIDConnectProviderArn: OIDC_ARN, Tags: TAGS },
  GetOpenIDConnectProvider: { Url: 'token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [THUMBPRINT], CreateDate: CREATED, Tags: TAGS },
  ListOpenIDConnectProviders: { OpenIDConnectProviderList: [{ Arn: OIDC_ARN }] },
  ListOpenIDConnectProviderTags: { Tags: TAGS, IsTruncated: false },
  CreateVirtualMFADevice: {
    VirtualMFADevice: {
      SerialNumber: MFA_SERIAL,
      Base32StringSeed: Buffer.from('A4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYHA4DQOBYH', 'ascii'),
      QRCodePNG: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Tags: [{ Key: 'team', Value: 'ops' }],
    },
  },
  ListMFADevices: { MFADevices: [{ UserName: 'alice', SerialNumber: MFA_SERIAL, EnableDate: CREATED }], IsTruncated: false },
  ListVirtualMFADevices: {
    VirtualMFADevices: [{ SerialNumber: MFA_SERIAL, User: USER, EnableDate: CREATED }, { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare` }],
    IsTruncated: true,
    Marker: 'c3BhcmU',
  },
};

/** Further results worth a round trip of their own: GetUser for the root user, root access keys, a never-used role, an account without an alias. */
export const MORE_OUTPUTS: readonly { [N in keyof WithOutput & keyof Handlers]: readonly [N, HandlerOutput<N>] }[keyof WithOutput & keyof Handlers][] = [
  ['GetUser', { User: { UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, CreateDate: CREATED } }],
  ['ListAccessKeys', { AccessKeyMetadata: [{ AccessKeyId: KEY_ID, Status: 'Active', CreateDate: CREATED }], IsTruncated: false }],
  ['GetRole', { Role: { ...ROLE, MaxSessionDuration: 43200, RoleLastUsed: {} } }],
  ['ListAccountAliases', { AccountAliases: [], IsTruncated: false }],
  ['ListInstanceProfilesForRole', { InstanceProfiles: [], IsTruncated: false }],
];
