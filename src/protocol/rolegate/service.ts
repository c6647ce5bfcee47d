/**
 * rolegate's own Query service (signing name `rolegate`): the compute credentials that
 * `rolegate run` serves to the programs it starts. Validation messages read as STS's.
 */
import type { QueryOperation, QueryService } from '../operation.js';
import { STS_VALIDATION_STYLE } from '../validation.js';
import { rolegateOperations } from './shapes.js';

export const ROLEGATE_API_VERSION = '2026-12-01';

export const rolegateService: QueryService = {
  version: ROLEGATE_API_VERSION,
  xmlNamespace: `urn:rolegate:api:${ROLEGATE_API_VERSION}`,
  validationStyle: STS_VALIDATION_STYLE,
  operations: new Map<string, QueryOperation>(Object.values(rolegateOperations).map((op) => [op.name, op])),
};
