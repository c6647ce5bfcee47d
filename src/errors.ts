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
  | 'UnmodifiableEntity'
  | 'PolicyNotAttachable'
  | 'InvalidParameterValue'
  | 'PackedPolicyTooLarge'
  | 'RegionDisabledException'
  | 'ServiceUnavailable'
  | 'InternalFailure'
  | 'RequestEntityTooLarge'
  | 'RequestHeaderSectionTooLarge'
  | 'MissingAction'
  | 'InvalidAction'
  | 'MissingParameter'
  | 'MalformedQueryString'
  | 'InvalidQueryParameter'
  | 'SignatureDoesNotMatch'
  | 'IncompleteSignature'
  | 'MissingAuthenticationToken'
  | 'XAmzContentSHA256Mismatch'
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'IDPCommunicationError'
  | 'InvalidAuthenticationCode'
  | 'Throttling'
  // CloudTrail's LookupEvents, and the AWS JSON protocol's own codes.
  | 'InvalidLookupAttributesException'
  | 'InvalidTimeRangeException'
  | 'InvalidMaxResultsException'
  | 'InvalidNextTokenException'
  | 'InvalidEventCategoryException'
  | 'SerializationException'
  | 'UnknownOperationException';

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
  UnmodifiableEntity: 400,
  PolicyNotAttachable: 400,
  InvalidParameterValue: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  ServiceUnavailable: 503,
  InternalFailure: 500,
  RequestEntityTooLarge: 413,
  // S3's code for headers over the limit (S3 answers 400); sent with HTTP's own 431, as 413 above.
  RequestHeaderSectionTooLarge: 431,
  MissingAction: 400,
  InvalidAction: 400,
  MissingParameter: 400,
  // AWS's Common Errors page documents 404 for this code, odd as it is.
  MalformedQueryString: 404,
  InvalidQueryParameter: 400,
  // SigV4 (sources in docs/sigv4.md): AWS's Common Errors pages give 403 for
  // SignatureDoesNotMatch and MissingAuthenticationToken and 400 for IncompleteSignature;
  // XAmzContentSHA256Mismatch is S3's code and status.
  SignatureDoesNotMatch: 403,
  IncompleteSignature: 400,
  MissingAuthenticationToken: 403,
  XAmzContentSHA256Mismatch: 400,
  // AssumeRoleWithWebIdentity: statuses from STS's API model.
  InvalidIdentityToken: 400,
  ExpiredTokenException: 400,
  IDPCommunicationError: 400,
  // IAM's API model: EnableMFADevice's InvalidAuthenticationCodeException is a 403.
  InvalidAuthenticationCode: 403,
  // seen: IAM's and STS's answer past their rate ("Rate exceeded"), jlevers/selling-partner-api#278, legion-platform/legion#807.
  Throttling: 400,
  // CloudTrail's model gives its exceptions no status: the JSON protocol's 400.
  InvalidLookupAttributesException: 400,
  InvalidTimeRangeException: 400,
  InvalidMaxResultsException: 400,
  InvalidNextTokenException: 400,
  InvalidEventCategoryException: 400,
  SerializationException: 400,
  UnknownOperationException: 400,
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
