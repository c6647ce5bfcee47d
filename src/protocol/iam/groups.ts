/**
 * IAM groups on the wire: Create/Get/List/Update/DeleteGroup, AddUserToGroup,
 * RemoveUserFromGroup, ListGroupsForUser, and a group's policies:
 * Put/Get/Delete/ListGroupPolicies, Attach/Detach/ListAttachedGroupPolicies.
 */
import { list, structure, type Infer } from '../schema.js';
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
  maxItemsType,
  pathPrefixType,
  pathType,
  policyDocumentType,
  policyNameType,
  policyPathType,
  responseMarkerType,
} from './common.js';
import { ListAttachedPoliciesOutput, ListPolicyNamesOutput } from './policies.js';
import { User } from './users.js';

const Group = structure({ Path: pathType, GroupName: groupNameType, GroupId: idType, Arn: arnType, CreateDate: dateType });

export const CreateGroupInput = structure({ Path: pathType, GroupName: groupNameType }, { required: ['GroupName'] });
export type CreateGroupInput = Infer<typeof CreateGroupInput>;
export const CreateGroupOutput = structure({ Group });

export const GetGroupInput = structure({ GroupName: groupNameType, Marker: markerType, MaxItems: maxItemsType }, { required: ['GroupName'] });
export type GetGroupInput = Infer<typeof GetGroupInput>;
export const GetGroupOutput = structure({ Group, Users: list(User), IsTruncated: booleanType, Marker: responseMarkerType });

export const ListGroupsInput = structure({ PathPrefix: pathPrefixType, Marker: markerType, MaxItems: maxItemsType });
export type ListGroupsInput = Infer<typeof ListGroupsInput>;
export const ListGroupsOutput = structure({ Groups: list(Group), IsTruncated: booleanType, Marker: responseMarkerType });

export const UpdateGroupInput = structure({ GroupName: groupNameType, NewPath: pathType, NewGroupName: groupNameType }, { required: ['GroupName'] });
export type UpdateGroupInput = Infer<typeof UpdateGroupInput>;

export const GroupNameInput = structure({ GroupName: groupNameType }, { required: ['GroupName'] });
export type GroupNameInput = Infer<typeof GroupNameInput>;

export const GroupMemberInput = structure({ GroupName: groupNameType, UserName: existingUserNameType }, { required: ['GroupName', 'UserName'] });
export type GroupMemberInput = Infer<typeof GroupMemberInput>;

export const ListGroupsForUserInput = structure(
  { UserName: existingUserNameType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['UserName'] },
);
export type ListGroupsForUserInput = Infer<typeof ListGroupsForUserInput>;

// A group's inline policies.

export const PutGroupPolicyInput = structure(
  { GroupName: groupNameType, PolicyName: policyNameType, PolicyDocument: policyDocumentType },
  { required: ['GroupName', 'PolicyName', 'PolicyDocument'] },
);
export type PutGroupPolicyInput = Infer<typeof PutGroupPolicyInput>;

export const GroupPolicyInput = structure({ GroupName: groupNameType, PolicyName: policyNameType }, { required: ['GroupName', 'PolicyName'] });
export type GroupPolicyInput = Infer<typeof GroupPolicyInput>;
export const GetGroupPolicyOutput = structure({ GroupName: groupNameType, PolicyName: policyNameType, PolicyDocument: encodedPolicyDocumentType });

export const ListGroupPoliciesInput = structure({ GroupName: groupNameType, Marker: markerType, MaxItems: maxItemsType }, { required: ['GroupName'] });
export type ListGroupPoliciesInput = Infer<typeof ListGroupPoliciesInput>;

// Managed policies attached to a group.

export const GroupAttachmentInput = structure({ GroupName: groupNameType, PolicyArn: arnType }, { required: ['GroupName', 'PolicyArn'] });
export type GroupAttachmentInput = Infer<typeof GroupAttachmentInput>;

export const ListAttachedGroupPoliciesInput = structure(
  { GroupName: groupNameType, PathPrefix: policyPathType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['GroupName'] },
);
export type ListAttachedGroupPoliciesInput = Infer<typeof ListAttachedGroupPoliciesInput>;

export const groupOperations = {
  CreateGroup: { name: 'CreateGroup', input: CreateGroupInput, output: CreateGroupOutput },
  GetGroup: { name: 'GetGroup', input: GetGroupInput, output: GetGroupOutput },
  ListGroups: { name: 'ListGroups', input: ListGroupsInput, output: ListGroupsOutput },
  UpdateGroup: { name: 'UpdateGroup', input: UpdateGroupInput },
  DeleteGroup: { name: 'DeleteGroup', input: GroupNameInput },
  AddUserToGroup: { name: 'AddUserToGroup', input: GroupMemberInput },
  RemoveUserFromGroup: { name: 'RemoveUserFromGroup', input: GroupMemberInput },
  ListGroupsForUser: { name: 'ListGroupsForUser', input: ListGroupsForUserInput, output: ListGroupsOutput },
  PutGroupPolicy: { name: 'PutGroupPolicy', input: PutGroupPolicyInput },
  GetGroupPolicy: { name: 'GetGroupPolicy', input: GroupPolicyInput, output: GetGroupPolicyOutput },
  DeleteGroupPolicy: { name: 'DeleteGroupPolicy', input: GroupPolicyInput },
  ListGroupPolicies: { name: 'ListGroupPolicies', input: ListGroupPoliciesInput, output: ListPolicyNamesOutput },
  AttachGroupPolicy: { name: 'AttachGroupPolicy', input: GroupAttachmentInput },
  DetachGroupPolicy: { name: 'DetachGroupPolicy', input: GroupAttachmentInput },
  ListAttachedGroupPolicies: { name: 'ListAttachedGroupPolicies', input: ListAttachedGroupPoliciesInput, output: ListAttachedPoliciesOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
