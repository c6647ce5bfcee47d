/**
 * IAM users on the wire: CreateUser, GetUser, ListUsers, DeleteUser, TagUser, UntagUser,
 * ListUserTags, PutUserPermissionsBoundary, DeleteUserPermissionsBoundary.
 */
import { list, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import {
  arnType,
  AttachedPermissionsBoundary,
  booleanType,
  dateType,
  existingUserNameType,
  idType,
  markerType,
  maxItemsType,
  pathPrefixType,
  pathType,
  responseMarkerType,
  tagKeyListType,
  tagListType,
  userNameType,
} from './common.js';

/**
 * A user in a response, members in the model's order. The model requires Path and
 * UserName, but GetUser for the root user answers without them, as AWS does.
 */
export const User = structure({
  Path: pathType,
  UserName: userNameType,
  UserId: idType,
  Arn: arnType,
  CreateDate: dateType,
  PasswordLastUsed: dateType,
  PermissionsBoundary: AttachedPermissionsBoundary,
  Tags: tagListType,
});

export const CreateUserInput = structure(
  { Path: pathType, UserName: userNameType, PermissionsBoundary: arnType, Tags: tagListType },
  { required: ['UserName'] },
);
export type CreateUserInput = Infer<typeof CreateUserInput>;
export const CreateUserOutput = structure({ User });

export const GetUserInput = structure({ UserName: existingUserNameType });
export type GetUserInput = Infer<typeof GetUserInput>;
export const GetUserOutput = structure({ User });

export const ListUsersInput = structure({ PathPrefix: pathPrefixType, Marker: markerType, MaxItems: maxItemsType });
export type ListUsersInput = Infer<typeof ListUsersInput>;
export const ListUsersOutput = structure({ Users: list(User), IsTruncated: booleanType, Marker: responseMarkerType });

export const DeleteUserInput = structure({ UserName: existingUserNameType }, { required: ['UserName'] });
export type DeleteUserInput = Infer<typeof DeleteUserInput>;

export const TagUserInput = structure({ UserName: existingUserNameType, Tags: tagListType }, { required: ['UserName', 'Tags'] });
export type TagUserInput = Infer<typeof TagUserInput>;

export const UntagUserInput = structure({ UserName: existingUserNameType, TagKeys: tagKeyListType }, { required: ['UserName', 'TagKeys'] });
export type UntagUserInput = Infer<typeof UntagUserInput>;

export const ListUserTagsInput = structure(
  { UserName: existingUserNameType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['UserName'] },
);
export type ListUserTagsInput = Infer<typeof ListUserTagsInput>;
export const ListUserTagsOutput = structure({ Tags: tagListType, IsTruncated: booleanType, Marker: responseMarkerType });

// The model names these users with userNameType (64 characters), not existingUserNameType.
export const PutUserPermissionsBoundaryInput = structure(
  { UserName: userNameType, PermissionsBoundary: arnType },
  { required: ['UserName', 'PermissionsBoundary'] },
);
export type PutUserPermissionsBoundaryInput = Infer<typeof PutUserPermissionsBoundaryInput>;

export const DeleteUserPermissionsBoundaryInput = structure({ UserName: userNameType }, { required: ['UserName'] });
export type DeleteUserPermissionsBoundaryInput = Infer<typeof DeleteUserPermissionsBoundaryInput>;

export const userOperations = {
  CreateUser: { name: 'CreateUser', input: CreateUserInput, output: CreateUserOutput },
  GetUser: { name: 'GetUser', input: GetUserInput, output: GetUserOutput },
  ListUsers: { name: 'ListUsers', input: ListUsersInput, output: ListUsersOutput },
  DeleteUser: { name: 'DeleteUser', input: DeleteUserInput },
  TagUser: { name: 'TagUser', input: TagUserInput },
  UntagUser: { name: 'UntagUser', input: UntagUserInput },
  ListUserTags: { name: 'ListUserTags', input: ListUserTagsInput, output: ListUserTagsOutput },
  PutUserPermissionsBoundary: { name: 'PutUserPermissionsBoundary', input: PutUserPermissionsBoundaryInput },
  DeleteUserPermissionsBoundary: { name: 'DeleteUserPermissionsBoundary', input: DeleteUserPermissionsBoundaryInput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
