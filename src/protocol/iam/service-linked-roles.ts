/**
 * Service-linked roles on the wire: CreateServiceLinkedRole, DeleteServiceLinkedRole,
 * GetServiceLinkedRoleDeletionStatus.
 */
import { list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { roleDescriptionType, roleNameType, stringType } from './common.js';
import { Role } from './roles.js';

/** The model reuses groupNameType for AWSServiceName. */
const serviceNameType = string({ min: 1, max: 128, pattern: /[\w+=,.@-]+/u });
const customSuffixType = string({ min: 1, max: 64, pattern: /[\w+=,.@-]+/u });
const deletionTaskIdType = string({ min: 1, max: 1000 });

export const CreateServiceLinkedRoleInput = structure(
  { AWSServiceName: serviceNameType, Description: roleDescriptionType, CustomSuffix: customSuffixType },
  { required: ['AWSServiceName'] },
);
export type CreateServiceLinkedRoleInput = Infer<typeof CreateServiceLinkedRoleInput>;
export const CreateServiceLinkedRoleOutput = structure({ Role });

export const DeleteServiceLinkedRoleInput = structure({ RoleName: roleNameType }, { required: ['RoleName'] });
export type DeleteServiceLinkedRoleInput = Infer<typeof DeleteServiceLinkedRoleInput>;
export const DeleteServiceLinkedRoleOutput = structure({ DeletionTaskId: stringType });

export const GetServiceLinkedRoleDeletionStatusInput = structure({ DeletionTaskId: deletionTaskIdType }, { required: ['DeletionTaskId'] });
export type GetServiceLinkedRoleDeletionStatusInput = Infer<typeof GetServiceLinkedRoleDeletionStatusInput>;
/** A failed deletion's reason; rolegate's deletions do not fail, so it sends none. */
const DeletionTaskFailureReason = structure({
  Reason: stringType,
  RoleUsageList: list(structure({ Region: stringType, Resources: list(stringType) })),
});
export const GetServiceLinkedRoleDeletionStatusOutput = structure({ Status: stringType, Reason: DeletionTaskFailureReason });

export const serviceLinkedRoleOperations = {
  CreateServiceLinkedRole: { name: 'CreateServiceLinkedRole', input: CreateServiceLinkedRoleInput, output: CreateServiceLinkedRoleOutput },
  DeleteServiceLinkedRole: { name: 'DeleteServiceLinkedRole', input: DeleteServiceLinkedRoleInput, output: DeleteServiceLinkedRoleOutput },
  GetServiceLinkedRoleDeletionStatus: {
    name: 'GetServiceLinkedRoleDeletionStatus',
    input: GetServiceLinkedRoleDeletionStatusInput,
    output: GetServiceLinkedRoleDeletionStatusOutput,
  },
} as const satisfies Readonly<Record<string, QueryOperation>>;
