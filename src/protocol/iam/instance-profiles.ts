/**
 * IAM instance profiles on the wire: Create/Get/List/DeleteInstanceProfile,
 * AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, ListInstanceProfilesForRole,
 * Tag/UntagInstanceProfile, ListInstanceProfileTags.
 */
import { list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import {
  arnType,
  booleanType,
  dateType,
  idType,
  markerType,
  maxItemsType,
  pathPrefixType,
  pathType,
  responseMarkerType,
  roleNameType,
  tagKeyListType,
  tagListType,
} from './common.js';
import { Role } from './roles.js';

export const instanceProfileNameType = string({ min: 1, max: 128, pattern: /[\w+=,.@-]+/u });

/** A profile with the roles it holds (their trust policies URL-encoded, as Role's are). */
export const InstanceProfile = structure({
  Path: pathType,
  InstanceProfileName: instanceProfileNameType,
  InstanceProfileId: idType,
  Arn: arnType,
  CreateDate: dateType,
  Roles: list(Role),
  Tags: tagListType,
});

export const CreateInstanceProfileInput = structure(
  { InstanceProfileName: instanceProfileNameType, Path: pathType, Tags: tagListType },
  { required: ['InstanceProfileName'] },
);
export type CreateInstanceProfileInput = Infer<typeof CreateInstanceProfileInput>;
export const InstanceProfileOutput = structure({ InstanceProfile });

export const InstanceProfileNameInput = structure({ InstanceProfileName: instanceProfileNameType }, { required: ['InstanceProfileName'] });
export type InstanceProfileNameInput = Infer<typeof InstanceProfileNameInput>;

export const ListInstanceProfilesInput = structure({ PathPrefix: pathPrefixType, Marker: markerType, MaxItems: maxItemsType });
export type ListInstanceProfilesInput = Infer<typeof ListInstanceProfilesInput>;
export const ListInstanceProfilesOutput = structure({ InstanceProfiles: list(InstanceProfile), IsTruncated: booleanType, Marker: responseMarkerType });

export const InstanceProfileRoleInput = structure(
  { InstanceProfileName: instanceProfileNameType, RoleName: roleNameType },
  { required: ['InstanceProfileName', 'RoleName'] },
);
export type InstanceProfileRoleInput = Infer<typeof InstanceProfileRoleInput>;

export const ListInstanceProfilesForRoleInput = structure({ RoleName: roleNameType, Marker: markerType, MaxItems: maxItemsType }, { required: ['RoleName'] });
export type ListInstanceProfilesForRoleInput = Infer<typeof ListInstanceProfilesForRoleInput>;

export const TagInstanceProfileInput = structure({ InstanceProfileName: instanceProfileNameType, Tags: tagListType }, { required: ['InstanceProfileName', 'Tags'] });
export type TagInstanceProfileInput = Infer<typeof TagInstanceProfileInput>;

export const UntagInstanceProfileInput = structure(
  { InstanceProfileName: instanceProfileNameType, TagKeys: tagKeyListType },
  { required: ['InstanceProfileName', 'TagKeys'] },
);
export type UntagInstanceProfileInput = Infer<typeof UntagInstanceProfileInput>;

export const ListInstanceProfileTagsInput = structure(
  { InstanceProfileName: instanceProfileNameType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['InstanceProfileName'] },
);
export type ListInstanceProfileTagsInput = Infer<typeof ListInstanceProfileTagsInput>;
export const ListInstanceProfileTagsOutput = structure({ Tags: tagListType, IsTruncated: booleanType, Marker: responseMarkerType });

export const instanceProfileOperations = {
  CreateInstanceProfile: { name: 'CreateInstanceProfile', input: CreateInstanceProfileInput, output: InstanceProfileOutput },
  GetInstanceProfile: { name: 'GetInstanceProfile', input: InstanceProfileNameInput, output: InstanceProfileOutput },
  ListInstanceProfiles: { name: 'ListInstanceProfiles', input: ListInstanceProfilesInput, output: ListInstanceProfilesOutput },
  DeleteInstanceProfile: { name: 'DeleteInstanceProfile', input: InstanceProfileNameInput },
  AddRoleToInstanceProfile: { name: 'AddRoleToInstanceProfile', input: InstanceProfileRoleInput },
  RemoveRoleFromInstanceProfile: { name: 'RemoveRoleFromInstanceProfile', input: InstanceProfileRoleInput },
  ListInstanceProfilesForRole: { name: 'ListInstanceProfilesForRole', input: ListInstanceProfilesForRoleInput, output: ListInstanceProfilesOutput },
  TagInstanceProfile: { name: 'TagInstanceProfile', input: TagInstanceProfileInput },
  UntagInstanceProfile: { name: 'UntagInstanceProfile', input: UntagInstanceProfileInput },
  ListInstanceProfileTags: { name: 'ListInstanceProfileTags', input: ListInstanceProfileTagsInput, output: ListInstanceProfileTagsOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
