/**
 * STS as rolegate serves it: AssumeRole, GetCallerIdentity, GetSessionToken and
 * GetAccessKeyInfo, API version 2011-06-15, answered in STS's namespace with STS's
 * validation messages (values echoed).
 */
import type { QueryOperation, QueryService } from '../operation.js';
import { STS_VALIDATION_STYLE } from '../validation.js';
import { stsOperations } from './shapes.js';

/** Every STS operation served, by name, with its shapes' types kept for typed dispatch. */
export const STS_OPERATIONS = stsOperations;

export type StsOperationName = keyof typeof STS_OPERATIONS;

/**
 * @example
 *   resolveOperation(readQueryParams('Action=GetCallerIdentity&Version=2011-06-15', ''), stsService).name
 *   // 'GetCallerIdentity'
 */
export const stsService: QueryService = {
  version: '2011-06-15',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  validationStyle: STS_VALIDATION_STYLE,
  operations: new Map<string, QueryOperation>(Object.values(STS_OPERATIONS).map((op) => [op.name, op])),
};
