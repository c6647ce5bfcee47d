/**
 * GetAccountAuthorizationDetails on the wire: every user, group, role and managed policy
 * of the account with the policies that bear on each, documents URL-encoded as IAM
 * sends them.
 */
import { integer, list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import {
  AttachedPermissionsBoundary,
  arnType,
  booleanType,
  dateType,
  encodedPolicyDocumentType,
  groupNameType,
  idType,
  markerType,
  maxItemsType,
  pathType,
  policyDescriptionType,
  policyNameType,
  policyPathType,
  responseMarkerType,
  roleNameType,
  tagListType,
  userNameType,
} from './common.js';
import { AttachedPolicy, PolicyVersion, policyVersionIdType } from './policies.js';
import { InstanceProfile } from './instance-profiles.js';
import { RoleLastUsed } from './roles.js';

const PolicyDetail = structure({ PolicyName: policyNameType, PolicyDocument: encodedPolicyDocumentType });

const UserDetail = structure({
  Path: pathType,
  UserName: userNameType,
  UserId: idType,
  Arn: arnType,
  CreateDate: dateType,
  UserPolicyList: list(PolicyDetail),
  GroupList: list(groupNameType),
  AttachedManagedPolicies: list(AttachedPolicy),
  PermissionsBoundary: AttachedPermissionsBoundary,
  Tags: tagListType,
});

const GroupDetail = structure({
  Path: pathType,
  GroupName: groupNameType,
  GroupId: idType,
  Arn: arnType,
  CreateDate: dateType,
  GroupPolicyList: list(PolicyDetail),
  AttachedManagedPolicies: list(AttachedPolicy),
});

const RoleDetail = structure({
  Path: pathType,
  RoleName: roleNameType,
  RoleId: idType,
  Arn: arnType,
  CreateDate: dateType,
  AssumeRolePolicyDocument: encodedPolicyDocumentType,
  InstanceProfileList: list(InstanceProfile),
  RolePolicyList: list(PolicyDetail),
  AttachedManagedPolicies: list(AttachedPolicy),
  PermissionsBoundary: AttachedPermissionsBoundary,
  Tags: tagListType,
  RoleLastUsed,
});

const ManagedPolicyDetail = structure({
  PolicyName: policyNameType,
  PolicyId: idType,
  Arn: arnType,
  Path: policyPathType,
  DefaultVersionId: policyVersionIdType,
  AttachmentCount: integer(),
  PermissionsBoundaryUsageCount: integer(),
  IsAttachable: booleanType,
  Description: policyDescriptionType,
  CreateDate: dateType,
  UpdateDate: dateType,
  PolicyVersionList: list(PolicyVersion),
});

export const GetAccountAuthorizationDetailsInput = structure({
  Filter: list(string({ enum: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] })),
  MaxItems: maxItemsType,
  Marker: markerType,
});
export type GetAccountAuthorizationDetailsInput = Infer<typeof GetAccountAuthorizationDetailsInput>;

export const GetAccountAuthorizationDetailsOutput = structure({
  UserDetailList: list(UserDetail),
  GroupDetailList: list(GroupDetail),
  RoleDetailList: list(RoleDetail),
  Policies: list(ManagedPolicyDetail),
  IsTruncated: booleanType,
  Marker: responseMarkerType,
});

export const authorizationDetailsOperations = {
  GetAccountAuthorizationDetails: {
    name: 'GetAccountAuthorizationDetails',
    input: GetAccountAuthorizationDetailsInput,
    output: GetAccountAuthorizationDetailsOutput,
  },
} as const satisfies Readonly<Record<string, QueryOperation>>;
