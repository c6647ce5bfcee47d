/**
 * IAM policies on the wire. Inline: Put/Get/Delete/List{User,Role}Policy (Policies).
 * Managed: CreatePolicy, GetPolicy, DeletePolicy, ListPolicies, ListEntitiesForPolicy, Create/Get/List/SetDefault/DeletePolicyVersion,
 * Tag/Untag/ListPolicyTags,
 * Attach/Detach/ListAttached{User,Role}Policies.
 * Documents come in as plain text and go out URL-encoded, as IAM sends them.
 */
import { integer, list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import {
  arnType,
  booleanType,
  dateType,
  encodedPolicyDocumentType,
  existingUserNameType,
  groupNameType,
  idType,
  markerType,
  pathType,
  maxItemsType,
  policyDescriptionType,
  policyDocumentType,
  policyNameType,
  policyPathType,
  responseMarkerType,
  roleNameType,
  tagKeyListType,
  tagListType,
  userNameType,
} from './common.js';

// Inline policies of users.

export const PutUserPolicyInput = structure(
  { UserName: existingUserNameType, PolicyName: policyNameType, PolicyDocument: policyDocumentType },
  { required: ['UserName', 'PolicyName', 'PolicyDocument'] },
);
export type PutUserPolicyInput = Infer<typeof PutUserPolicyInput>;

export const GetUserPolicyInput = structure({ UserName: existingUserNameType, PolicyName: policyNameType }, { required: ['UserName', 'PolicyName'] });
export type GetUserPolicyInput = Infer<typeof GetUserPolicyInput>;
export const GetUserPolicyOutput = structure({ UserName: existingUserNameType, PolicyName: policyNameType, PolicyDocument: encodedPolicyDocumentType });

export const DeleteUserPolicyInput = structure({ UserName: existingUserNameType, PolicyName: policyNameType }, { required: ['UserName', 'PolicyName'] });
export type DeleteUserPolicyInput = Infer<typeof DeleteUserPolicyInput>;

export const ListUserPoliciesInput = structure(
  { UserName: existingUserNameType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['UserName'] },
);
export type ListUserPoliciesInput = Infer<typeof ListUserPoliciesInput>;

/** ListUserPolicies' and ListRolePolicies' answer: names only. */
export const ListPolicyNamesOutput = structure({ PolicyNames: list(policyNameType), IsTruncated: booleanType, Marker: responseMarkerType });

// Inline policies of roles.

export const PutRolePolicyInput = structure(
  { RoleName: roleNameType, PolicyName: policyNameType, PolicyDocument: policyDocumentType },
  { required: ['RoleName', 'PolicyName', 'PolicyDocument'] },
);
export type PutRolePolicyInput = Infer<typeof PutRolePolicyInput>;

export const GetRolePolicyInput = structure({ RoleName: roleNameType, PolicyName: policyNameType }, { required: ['RoleName', 'PolicyName'] });
export type GetRolePolicyInput = Infer<typeof GetRolePolicyInput>;
export const GetRolePolicyOutput = structure({ RoleName: roleNameType, PolicyName: policyNameType, PolicyDocument: encodedPolicyDocumentType });

export const DeleteRolePolicyInput = structure({ RoleName: roleNameType, PolicyName: policyNameType }, { required: ['RoleName', 'PolicyName'] });
export type DeleteRolePolicyInput = Infer<typeof DeleteRolePolicyInput>;

export const ListRolePoliciesInput = structure({ RoleName: roleNameType, Marker: markerType, MaxItems: maxItemsType }, { required: ['RoleName'] });
export type ListRolePoliciesInput = Infer<typeof ListRolePoliciesInput>;

// Managed policies.

export const policyVersionIdType = string({ pattern: /v[1-9][0-9]*(\.[A-Za-z0-9-]*)?/u });
export const attachmentCountType = integer();

export const Policy = structure({
  PolicyName: policyNameType,
  PolicyId: idType,
  Arn: arnType,
  Path: policyPathType,
  DefaultVersionId: policyVersionIdType,
  AttachmentCount: attachmentCountType,
  PermissionsBoundaryUsageCount: attachmentCountType,
  IsAttachable: booleanType,
  Description: policyDescriptionType,
  CreateDate: dateType,
  UpdateDate: dateType,
  Tags: tagListType,
});

export const CreatePolicyInput = structure(
  { PolicyName: policyNameType, Path: policyPathType, PolicyDocument: policyDocumentType, Description: policyDescriptionType, Tags: tagListType },
  { required: ['PolicyName', 'PolicyDocument'] },
);
export type CreatePolicyInput = Infer<typeof CreatePolicyInput>;
export const CreatePolicyOutput = structure({ Policy });

export const GetPolicyInput = structure({ PolicyArn: arnType }, { required: ['PolicyArn'] });
export type GetPolicyInput = Infer<typeof GetPolicyInput>;
export const GetPolicyOutput = structure({ Policy });

export const DeletePolicyInput = structure({ PolicyArn: arnType }, { required: ['PolicyArn'] });
export type DeletePolicyInput = Infer<typeof DeletePolicyInput>;

// Attachments. Note the model: Attach/Detach/ListAttachedUserPolicies take a 64-character
// userNameType, not the 128-character existingUserNameType of the inline-policy calls.

export const AttachedPolicy = structure({ PolicyName: policyNameType, PolicyArn: arnType });
export const ListAttachedPoliciesOutput = structure({ AttachedPolicies: list(AttachedPolicy), IsTruncated: booleanType, Marker: responseMarkerType });

export const AttachUserPolicyInput = structure({ UserName: userNameType, PolicyArn: arnType }, { required: ['UserName', 'PolicyArn'] });
export type AttachUserPolicyInput = Infer<typeof AttachUserPolicyInput>;
export const DetachUserPolicyInput = structure({ UserName: userNameType, PolicyArn: arnType }, { required: ['UserName', 'PolicyArn'] });
export type DetachUserPolicyInput = Infer<typeof DetachUserPolicyInput>;
export const ListAttachedUserPoliciesInput = structure(
  { UserName: userNameType, PathPrefix: policyPathType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['UserName'] },
);
export type ListAttachedUserPoliciesInput = Infer<typeof ListAttachedUserPoliciesInput>;

export const AttachRolePolicyInput = structure({ RoleName: roleNameType, PolicyArn: arnType }, { required: ['RoleName', 'PolicyArn'] });
export type AttachRolePolicyInput = Infer<typeof AttachRolePolicyInput>;
export const DetachRolePolicyInput = structure({ RoleName: roleNameType, PolicyArn: arnType }, { required: ['RoleName', 'PolicyArn'] });
export type DetachRolePolicyInput = Infer<typeof DetachRolePolicyInput>;
export const ListAttachedRolePoliciesInput = structure(
  { RoleName: roleNameType, PathPrefix: policyPathType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['RoleName'] },
);
export type ListAttachedRolePoliciesInput = Infer<typeof ListAttachedRolePoliciesInput>;

const policyUsageType = string({ enum: ['PermissionsPolicy', 'PermissionsBoundary'] });

export const ListPoliciesInput = structure({
  Scope: string({ enum: ['All', 'AWS', 'Local'] }),
  OnlyAttached: booleanType,
  PathPrefix: policyPathType,
  PolicyUsageFilter: policyUsageType,
  Marker: markerType,
  MaxItems: maxItemsType,
});
export type ListPoliciesInput = Infer<typeof ListPoliciesInput>;
export const ListPoliciesOutput = structure({ Policies: list(Policy), IsTruncated: booleanType, Marker: responseMarkerType });

const PolicyGroup = structure({ GroupName: groupNameType, GroupId: idType });
const PolicyUser = structure({ UserName: userNameType, UserId: idType });
const PolicyRole = structure({ RoleName: roleNameType, RoleId: idType });

export const ListEntitiesForPolicyInput = structure(
  {
    PolicyArn: arnType,
    EntityFilter: string({ enum: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] }),
    PathPrefix: pathType,
    PolicyUsageFilter: policyUsageType,
    Marker: markerType,
    MaxItems: maxItemsType,
  },
  { required: ['PolicyArn'] },
);
export type ListEntitiesForPolicyInput = Infer<typeof ListEntitiesForPolicyInput>;
export const ListEntitiesForPolicyOutput = structure({
  PolicyGroups: list(PolicyGroup),
  PolicyUsers: list(PolicyUser),
  PolicyRoles: list(PolicyRole),
  IsTruncated: booleanType,
  Marker: responseMarkerType,
});

// Versions of managed policies.

export const PolicyVersion = structure({
  Document: encodedPolicyDocumentType,
  VersionId: policyVersionIdType,
  IsDefaultVersion: booleanType,
  CreateDate: dateType,
});

export const CreatePolicyVersionInput = structure(
  { PolicyArn: arnType, PolicyDocument: policyDocumentType, SetAsDefault: booleanType },
  { required: ['PolicyArn', 'PolicyDocument'] },
);
export type CreatePolicyVersionInput = Infer<typeof CreatePolicyVersionInput>;
export const PolicyVersionOutput = structure({ PolicyVersion });

export const PolicyVersionRefInput = structure({ PolicyArn: arnType, VersionId: policyVersionIdType }, { required: ['PolicyArn', 'VersionId'] });
export type PolicyVersionRefInput = Infer<typeof PolicyVersionRefInput>;

export const ListPolicyVersionsInput = structure({ PolicyArn: arnType, Marker: markerType, MaxItems: maxItemsType }, { required: ['PolicyArn'] });
export type ListPolicyVersionsInput = Infer<typeof ListPolicyVersionsInput>;
export const ListPolicyVersionsOutput = structure({ Versions: list(PolicyVersion), IsTruncated: booleanType, Marker: responseMarkerType });

// Tags of managed policies.

export const TagPolicyInput = structure({ PolicyArn: arnType, Tags: tagListType }, { required: ['PolicyArn', 'Tags'] });
export type TagPolicyInput = Infer<typeof TagPolicyInput>;

export const UntagPolicyInput = structure({ PolicyArn: arnType, TagKeys: tagKeyListType }, { required: ['PolicyArn', 'TagKeys'] });
export type UntagPolicyInput = Infer<typeof UntagPolicyInput>;

export const ListPolicyTagsInput = structure({ PolicyArn: arnType, Marker: markerType, MaxItems: maxItemsType }, { required: ['PolicyArn'] });
export type ListPolicyTagsInput = Infer<typeof ListPolicyTagsInput>;
export const ListPolicyTagsOutput = structure({ Tags: tagListType, IsTruncated: booleanType, Marker: responseMarkerType });

export const policyOperations = {
  PutUserPolicy: { name: 'PutUserPolicy', input: PutUserPolicyInput },
  GetUserPolicy: { name: 'GetUserPolicy', input: GetUserPolicyInput, output: GetUserPolicyOutput },
  DeleteUserPolicy: { name: 'DeleteUserPolicy', input: DeleteUserPolicyInput },
  ListUserPolicies: { name: 'ListUserPolicies', input: ListUserPoliciesInput, output: ListPolicyNamesOutput },
  PutRolePolicy: { name: 'PutRolePolicy', input: PutRolePolicyInput },
  GetRolePolicy: { name: 'GetRolePolicy', input: GetRolePolicyInput, output: GetRolePolicyOutput },
  DeleteRolePolicy: { name: 'DeleteRolePolicy', input: DeleteRolePolicyInput },
  ListRolePolicies: { name: 'ListRolePolicies', input: ListRolePoliciesInput, output: ListPolicyNamesOutput },
  CreatePolicy: { name: 'CreatePolicy', input: CreatePolicyInput, output: CreatePolicyOutput },
  GetPolicy: { name: 'GetPolicy', input: GetPolicyInput, output: GetPolicyOutput },
  DeletePolicy: { name: 'DeletePolicy', input: DeletePolicyInput },
  ListPolicies: { name: 'ListPolicies', input: ListPoliciesInput, output: ListPoliciesOutput },
  ListEntitiesForPolicy: { name: 'ListEntitiesForPolicy', input: ListEntitiesForPolicyInput, output: ListEntitiesForPolicyOutput },
  CreatePolicyVersion: { name: 'CreatePolicyVersion', input: CreatePolicyVersionInput, output: PolicyVersionOutput },
  GetPolicyVersion: { name: 'GetPolicyVersion', input: PolicyVersionRefInput, output: PolicyVersionOutput },
  ListPolicyVersions: { name: 'ListPolicyVersions', input: ListPolicyVersionsInput, output: ListPolicyVersionsOutput },
  SetDefaultPolicyVersion: { name: 'SetDefaultPolicyVersion', input: PolicyVersionRefInput },
  DeletePolicyVersion: { name: 'DeletePolicyVersion', input: PolicyVersionRefInput },
  TagPolicy: { name: 'TagPolicy', input: TagPolicyInput },
  UntagPolicy: { name: 'UntagPolicy', input: UntagPolicyInput },
  ListPolicyTags: { name: 'ListPolicyTags', input: ListPolicyTagsInput, output: ListPolicyTagsOutput },
  AttachUserPolicy: { name: 'AttachUserPolicy', input: AttachUserPolicyInput },
  DetachUserPolicy: { name: 'DetachUserPolicy', input: DetachUserPolicyInput },
  ListAttachedUserPolicies: { name: 'ListAttachedUserPolicies', input: ListAttachedUserPoliciesInput, output: ListAttachedPoliciesOutput },
  AttachRolePolicy: { name: 'AttachRolePolicy', input: AttachRolePolicyInput },
  DetachRolePolicy: { name: 'DetachRolePolicy', input: DetachRolePolicyInput },
  ListAttachedRolePolicies: { name: 'ListAttachedRolePolicies', input: ListAttachedRolePoliciesInput, output: ListAttachedPoliciesOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
