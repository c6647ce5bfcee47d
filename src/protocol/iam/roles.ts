/**
 * IAM roles on the wire: CreateRole, GetRole, ListRoles, UpdateRole,
 * UpdateAssumeRolePolicy, DeleteRole, TagRole, UntagRole, ListRoleTags.
 */
import { list, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import {
  arnType,
  AttachedPermissionsBoundary,
  booleanType,
  dateType,
  encodedPolicyDocumentType,
  idType,
  markerType,
  maxItemsType,
  pathPrefixType,
  pathType,
  policyDocumentType,
  responseMarkerType,
  roleDescriptionType,
  roleMaxSessionDurationType,
  roleNameType,
  stringType,
  tagKeyListType,
  tagListType,
} from './common.js';

export const RoleLastUsed = structure({ LastUsedDate: dateType, Region: stringType });

/** A role in a response; its trust policy goes out URL-encoded, as IAM sends it. */
export const Role = structure({
  Path: pathType,
  RoleName: roleNameType,
  RoleId: idType,
  Arn: arnType,
  CreateDate: dateType,
  AssumeRolePolicyDocument: encodedPolicyDocumentType,
  Description: roleDescriptionType,
  MaxSessionDuration: roleMaxSessionDurationType,
  PermissionsBoundary: AttachedPermissionsBoundary,
  Tags: tagListType,
  RoleLastUsed,
});

export const CreateRoleInput = structure(
  {
    Path: pathType,
    RoleName: roleNameType,
    AssumeRolePolicyDocument: policyDocumentType,
    Description: roleDescriptionType,
    MaxSessionDuration: roleMaxSessionDurationType,
    PermissionsBoundary: arnType,
    Tags: tagListType,
  },
  { required: ['RoleName', 'AssumeRolePolicyDocument'] },
);
export type CreateRoleInput = Infer<typeof CreateRoleInput>;
export const CreateRoleOutput = structure({ Role });

export const GetRoleInput = structure({ RoleName: roleNameType }, { required: ['RoleName'] });
export type GetRoleInput = Infer<typeof GetRoleInput>;
export const GetRoleOutput = structure({ Role });

export const ListRolesInput = structure({ PathPrefix: pathPrefixType, Marker: markerType, MaxItems: maxItemsType });
export type ListRolesInput = Infer<typeof ListRolesInput>;
export const ListRolesOutput = structure({ Roles: list(Role), IsTruncated: booleanType, Marker: responseMarkerType });

export const UpdateRoleInput = structure(
  { RoleName: roleNameType, Description: roleDescriptionType, MaxSessionDuration: roleMaxSessionDurationType },
  { required: ['RoleName'] },
);
export type UpdateRoleInput = Infer<typeof UpdateRoleInput>;
/** The model gives UpdateRole an empty result (`<UpdateRoleResult/>`), unlike DeleteRole's none. */
export const UpdateRoleOutput = structure({});

export const UpdateAssumeRolePolicyInput = structure(
  { RoleName: roleNameType, PolicyDocument: policyDocumentType },
  { required: ['RoleName', 'PolicyDocument'] },
);
export type UpdateAssumeRolePolicyInput = Infer<typeof UpdateAssumeRolePolicyInput>;

export const DeleteRoleInput = structure({ RoleName: roleNameType }, { required: ['RoleName'] });
export type DeleteRoleInput = Infer<typeof DeleteRoleInput>;

export const TagRoleInput = structure({ RoleName: roleNameType, Tags: tagListType }, { required: ['RoleName', 'Tags'] });
export type TagRoleInput = Infer<typeof TagRoleInput>;

export const UntagRoleInput = structure({ RoleName: roleNameType, TagKeys: tagKeyListType }, { required: ['RoleName', 'TagKeys'] });
export type UntagRoleInput = Infer<typeof UntagRoleInput>;

export const ListRoleTagsInput = structure(
  { RoleName: roleNameType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['RoleName'] },
);
export type ListRoleTagsInput = Infer<typeof ListRoleTagsInput>;
export const ListRoleTagsOutput = structure({ Tags: tagListType, IsTruncated: booleanType, Marker: responseMarkerType });

export const PutRolePermissionsBoundaryInput = structure(
  { RoleName: roleNameType, PermissionsBoundary: arnType },
  { required: ['RoleName', 'PermissionsBoundary'] },
);
export type PutRolePermissionsBoundaryInput = Infer<typeof PutRolePermissionsBoundaryInput>;

export const DeleteRolePermissionsBoundaryInput = structure({ RoleName: roleNameType }, { required: ['RoleName'] });
export type DeleteRolePermissionsBoundaryInput = Infer<typeof DeleteRolePermissionsBoundaryInput>;

export const roleOperations = {
  CreateRole: { name: 'CreateRole', input: CreateRoleInput, output: CreateRoleOutput },
  GetRole: { name: 'GetRole', input: GetRoleInput, output: GetRoleOutput },
  ListRoles: { name: 'ListRoles', input: ListRolesInput, output: ListRolesOutput },
  UpdateRole: { name: 'UpdateRole', input: UpdateRoleInput, output: UpdateRoleOutput },
  UpdateAssumeRolePolicy: { name: 'UpdateAssumeRolePolicy', input: UpdateAssumeRolePolicyInput },
  DeleteRole: { name: 'DeleteRole', input: DeleteRoleInput },
  TagRole: { name: 'TagRole', input: TagRoleInput },
  UntagRole: { name: 'UntagRole', input: UntagRoleInput },
  ListRoleTags: { name: 'ListRoleTags', input: ListRoleTagsInput, output: ListRoleTagsOutput },
  PutRolePermissionsBoundary: { name: 'PutRolePermissionsBoundary', input: PutRolePermissionsBoundaryInput },
  DeleteRolePermissionsBoundary: { name: 'DeleteRolePermissionsBoundary', input: DeleteRolePermissionsBoundaryInput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
