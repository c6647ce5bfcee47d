/**
 * IAM service-specific credentials on the wire: CreateServiceSpecificCredential,
 * ListServiceSpecificCredentials, UpdateServiceSpecificCredential,
 * ResetServiceSpecificCredential, DeleteServiceSpecificCredential.
 */
import { list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { dateType, userNameType } from './common.js';
import { statusType } from './access-keys.js';

/** The model leaves the service name unconstrained; IAM answers an unknown one itself. */
export const serviceNameType = string();
export const serviceSpecificCredentialIdType = string({ min: 20, max: 128, pattern: /[\w]+/u });
const serviceUserNameType = string({ min: 17, max: 200, pattern: /[\w+=,.@-]+/u });
const servicePasswordType = string({ sensitive: true });

/** The one structure that carries the password: Create's and Reset's answer. */
export const ServiceSpecificCredential = structure({
  CreateDate: dateType,
  ServiceName: serviceNameType,
  ServiceUserName: serviceUserNameType,
  ServicePassword: servicePasswordType,
  ServiceSpecificCredentialId: serviceSpecificCredentialIdType,
  UserName: userNameType,
  Status: statusType,
});

export const ServiceSpecificCredentialMetadata = structure({
  UserName: userNameType,
  Status: statusType,
  ServiceUserName: serviceUserNameType,
  CreateDate: dateType,
  ServiceSpecificCredentialId: serviceSpecificCredentialIdType,
  ServiceName: serviceNameType,
});

export const CreateServiceSpecificCredentialInput = structure(
  { UserName: userNameType, ServiceName: serviceNameType },
  { required: ['UserName', 'ServiceName'] },
);
export type CreateServiceSpecificCredentialInput = Infer<typeof CreateServiceSpecificCredentialInput>;
export const ServiceSpecificCredentialOutput = structure({ ServiceSpecificCredential });

export const ListServiceSpecificCredentialsInput = structure({ UserName: userNameType, ServiceName: serviceNameType });
export type ListServiceSpecificCredentialsInput = Infer<typeof ListServiceSpecificCredentialsInput>;
export const ListServiceSpecificCredentialsOutput = structure({ ServiceSpecificCredentials: list(ServiceSpecificCredentialMetadata) });

export const UpdateServiceSpecificCredentialInput = structure(
  { UserName: userNameType, ServiceSpecificCredentialId: serviceSpecificCredentialIdType, Status: statusType },
  { required: ['ServiceSpecificCredentialId', 'Status'] },
);
export type UpdateServiceSpecificCredentialInput = Infer<typeof UpdateServiceSpecificCredentialInput>;

/** Reset and Delete take the same members. */
export const ServiceSpecificCredentialIdInput = structure(
  { UserName: userNameType, ServiceSpecificCredentialId: serviceSpecificCredentialIdType },
  { required: ['ServiceSpecificCredentialId'] },
);
export type ServiceSpecificCredentialIdInput = Infer<typeof ServiceSpecificCredentialIdInput>;

export const serviceCredentialOperations = {
  CreateServiceSpecificCredential: { name: 'CreateServiceSpecificCredential', input: CreateServiceSpecificCredentialInput, output: ServiceSpecificCredentialOutput },
  ListServiceSpecificCredentials: { name: 'ListServiceSpecificCredentials', input: ListServiceSpecificCredentialsInput, output: ListServiceSpecificCredentialsOutput },
  UpdateServiceSpecificCredential: { name: 'UpdateServiceSpecificCredential', input: UpdateServiceSpecificCredentialInput },
  ResetServiceSpecificCredential: { name: 'ResetServiceSpecificCredential', input: ServiceSpecificCredentialIdInput, output: ServiceSpecificCredentialOutput },
  DeleteServiceSpecificCredential: { name: 'DeleteServiceSpecificCredential', input: ServiceSpecificCredentialIdInput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
