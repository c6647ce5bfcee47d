/**
 * The one error type of rolegate. It carries AWS's wire code, the HTTP status AWS
 * answers with, and whether the fault is the caller's or ours; `protocol/` turns it
 * into AWS's error envelope. The message is AWS's text and goes to the client as is,
 * so it must never contain a secret.
 */
export type AwsErrorCode =
  | 'MalformedPolicyDocument'
  | 'LimitExceeded'
  | 'ValidationError'
  | 'AccessDenied'
  | 'InvalidClientTokenId'
  | 'ExpiredToken'
  | 'NoSuchEntity'
  | 'EntityAlreadyExists'
  | 'DeleteConflict'
  | 'InvalidInput'
  | 'InvalidParameterValue'
  | 'PackedPolicyTooLarge'
  | 'RegionDisabledException'
  | 'ServiceUnavailable'
  | 'InternalFailure';

export type Fault = 'Sender' | 'Receiver';

const DEFAULT_STATUS: Readonly<Record<AwsErrorCode, number>> = {
  MalformedPolicyDocument: 400,
  LimitExceeded: 409,
  ValidationError: 400,
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  ExpiredToken: 403,
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  InvalidInput: 400,
  InvalidParameterValue: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  ServiceUnavailable: 503,
  InternalFailure: 500,
};

export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly code: AwsErrorCode;
  readonly status: number;
  readonly fault: Fault;

  constructor(code: AwsErrorCode, message: string, options: { status?: number; fault?: Fault } = {}) {
    super(message);
    this.code = code;
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.fault = options.fault ?? 'Sender';
  }
}

/** `MalformedPolicyDocument` with IAM's wording; the policy engine's only error. */
export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message);
}
