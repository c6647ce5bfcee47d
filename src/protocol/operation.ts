/**
 * Which operation a Query request names: its `Action` and `Version` parameters against
 * the operations a service serves. The texts are AWS's:
 *
 * - no `Action`: `MissingAction`, "The request is missing an action or a required
 *   parameter." (AWS Common Errors; no raw capture found).
 * - an unknown `Action`, or one asked of another `Version`: `InvalidAction`, "Could not
 *   find operation X for version Y" (real IAM, fog/fog-aws#368; real SES, aws/aws-cli#37).
 * - no `Version`: `MissingParameter`, "The request must contain the parameter Version"
 *   (the wording of AWS's Query `MissingParameter`; AWS's own answer is not on record).
 */
import { AwsError } from '../errors.js';
import type { QueryParams } from './form.js';
import type { StructureShape } from './schema.js';
import type { ValidationStyle } from './validation.js';

export interface QueryOperation {
  readonly name: string;
  /** Absent for operations without input members (GetCallerIdentity). */
  readonly input?: StructureShape;
  /** Absent for operations whose response carries only ResponseMetadata (DeleteRole). */
  readonly output?: StructureShape;
}

export interface QueryService {
  /** The API version the service answers to, e.g. `2011-06-15`. */
  readonly version: string;
  readonly xmlNamespace: string;
  readonly validationStyle: ValidationStyle;
  readonly operations: ReadonlyMap<string, QueryOperation>;
}

/**
 * The operation a request asks for, or the AWS error saying why there is none.
 *
 * @example
 *   resolveOperation(params, stsService).name // 'AssumeRole'
 */
export function resolveOperation(params: QueryParams, service: QueryService): QueryOperation {
  const action = params.get('Action');
  if (action === undefined || action === '') {
    throw new AwsError('MissingAction', 'The request is missing an action or a required parameter.');
  }
  const version = params.get('Version');
  if (version === undefined || version === '') {
    throw new AwsError('MissingParameter', 'The request must contain the parameter Version');
  }
  const operation = version === service.version ? service.operations.get(action) : undefined;
  if (operation === undefined) {
    throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${version}`);
  }
  return operation;
}
