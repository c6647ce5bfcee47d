export { ACCOUNT_ID, assumedRoleArn, federatedUserArn, formatArn, iamArn, parseArn, parseIamEntityArn } from './arn.js';
export type { Arn, IamEntityArn } from './arn.js';
export { UNIQUE_ID_PREFIX, uniqueId, uniqueIdKind } from './unique-id.js';
export type { UniqueIdKind } from './unique-id.js';
