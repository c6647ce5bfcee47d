/**
 * IAM as rolegate serves it: the operations of the assume-role flow, API version
 * 2010-05-08, answered in IAM's namespace with IAM's validation messages.
 */
import type { QueryOperation, QueryService } from '../operation.js';
import { IAM_VALIDATION_STYLE } from '../validation.js';
import { accessKeyOperations } from './access-keys.js';
import { authorizationDetailsOperations } from './authorization-details.js';
import { groupOperations } from './groups.js';
import { instanceProfileOperations } from './instance-profiles.js';
import { accountOperations } from './account.js';
import { policyOperations } from './policies.js';
import { roleOperations } from './roles.js';
import { simulateOperations } from './simulate.js';
import { serviceLinkedRoleOperations } from './service-linked-roles.js';
import { userOperations } from './users.js';
import { serviceCredentialOperations } from './service-credentials.js';
import { oidcProviderOperations } from './oidc-providers.js';
import { mfaDeviceOperations } from './mfa-devices.js';

/** Every IAM operation served, by name, with its shapes' types kept for typed dispatch. */
export const IAM_OPERATIONS = {
  ...userOperations,
  ...accessKeyOperations,
  ...roleOperations,
  ...policyOperations,
  ...groupOperations,
  ...instanceProfileOperations,
  ...authorizationDetailsOperations,
  ...accountOperations,
  ...simulateOperations,
  ...serviceLinkedRoleOperations,
  ...serviceCredentialOperations,
  ...oidcProviderOperations,
  ...mfaDeviceOperations,
} as const satisfies Readonly<Record<string, QueryOperation>>;

export type IamOperationName = keyof typeof IAM_OPERATIONS;

/**
 * @example
 *   resolveOperation(readQueryParams('Action=GetRole&Version=2010-05-08&RoleName=demo', ''), iamService).name
 *   // 'GetRole'
 */
export const iamService: QueryService = {
  version: '2010-05-08',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  validationStyle: IAM_VALIDATION_STYLE,
  operations: new Map<string, QueryOperation>(Object.values(IAM_OPERATIONS).map((op) => [op.name, op])),
};
