/** IAM access keys on the wire: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey. */
import { list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { booleanType, dateType, existingUserNameType, markerType, maxItemsType, responseMarkerType, userNameType } from './common.js';

/** IAM's key id: `[\w]+` (STS's allows the empty string, `[\w]*`). */
export const accessKeyIdType = string({ min: 16, max: 128, pattern: /[\w]+/u });
export const statusType = string({ enum: ['Active', 'Inactive'] });
export const accessKeySecretType = string({ sensitive: true });

/**
 * The one structure that carries a secret. The model requires UserName; keys of the
 * root user are answered without it (services/iam/access-keys.ts).
 */
export const AccessKey = structure({
  UserName: userNameType,
  AccessKeyId: accessKeyIdType,
  Status: statusType,
  SecretAccessKey: accessKeySecretType,
  CreateDate: dateType,
});

export const AccessKeyMetadata = structure({
  UserName: userNameType,
  AccessKeyId: accessKeyIdType,
  Status: statusType,
  CreateDate: dateType,
});

export const CreateAccessKeyInput = structure({ UserName: existingUserNameType });
export type CreateAccessKeyInput = Infer<typeof CreateAccessKeyInput>;
export const CreateAccessKeyOutput = structure({ AccessKey });

export const ListAccessKeysInput = structure({ UserName: existingUserNameType, Marker: markerType, MaxItems: maxItemsType });
export type ListAccessKeysInput = Infer<typeof ListAccessKeysInput>;
export const ListAccessKeysOutput = structure({
  AccessKeyMetadata: list(AccessKeyMetadata),
  IsTruncated: booleanType,
  Marker: responseMarkerType,
});

export const UpdateAccessKeyInput = structure(
  { UserName: existingUserNameType, AccessKeyId: accessKeyIdType, Status: statusType },
  { required: ['AccessKeyId', 'Status'] },
);
export type UpdateAccessKeyInput = Infer<typeof UpdateAccessKeyInput>;

export const DeleteAccessKeyInput = structure({ UserName: existingUserNameType, AccessKeyId: accessKeyIdType }, { required: ['AccessKeyId'] });
export type DeleteAccessKeyInput = Infer<typeof DeleteAccessKeyInput>;

export const accessKeyOperations = {
  CreateAccessKey: { name: 'CreateAccessKey', input: CreateAccessKeyInput, output: CreateAccessKeyOutput },
  ListAccessKeys: { name: 'ListAccessKeys', input: ListAccessKeysInput, output: ListAccessKeysOutput },
  UpdateAccessKey: { name: 'UpdateAccessKey', input: UpdateAccessKeyInput },
  DeleteAccessKey: { name: 'DeleteAccessKey', input: DeleteAccessKeyInput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
