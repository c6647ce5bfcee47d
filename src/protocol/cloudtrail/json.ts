/**
 * The AWS JSON 1.1 protocol as CloudTrail speaks it: `POST /` with the operation named
 * by `X-Amz-Target` (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Op>`, the
 * target botocore and the JavaScript SDK send, or the short `CloudTrail_20131101.<Op>`
 * older clients send), a JSON body, and errors as `{"__type": code, "message": text}`
 * with the code also in `x-amzn-ErrorType` (botocore reads either).
 */
import { Buffer } from 'node:buffer';
import { AwsError, type AwsErrorCode } from '../../errors.js';
import { toAwsError } from '../errors.js';

export const CLOUDTRAIL_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
const SHORT_PREFIX = 'CloudTrail_20131101.';
const LONG_PREFIX = `com.amazonaws.cloudtrail.v20131101.${SHORT_PREFIX}`;

/** The operation an `X-Amz-Target` names, or UnknownOperationException. */
export function cloudTrailOperation(target: string, served: ReadonlySet<string>): string {
  const name = target.startsWith(LONG_PREFIX) ? target.slice(LONG_PREFIX.length) : target.startsWith(SHORT_PREFIX) ? target.slice(SHORT_PREFIX.length) : undefined;
  if (name === undefined || !served.has(name)) throw new AwsError('UnknownOperationException', 'The requested operation is not supported by this endpoint.');
  return name;
}

/** The request body as a JSON object; an empty body is `{}`, as SDKs send for no input. */
export function readJsonBody(body: Uint8Array): Record<string, unknown> {
  const text = Buffer.from(body).toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AwsError('SerializationException', 'The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

/**
 * The JSON protocol's names for the Query codes a request can fail with before it reaches
 * an operation (signature, credentials, permissions, rate).
 */
const JSON_CODES: Partial<Record<AwsErrorCode, string>> = {
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  AccessDenied: 'AccessDeniedException',
  Throttling: 'ThrottlingException',
  ExpiredToken: 'ExpiredTokenException',
  ValidationError: 'ValidationException',
  InternalFailure: 'InternalFailure',
};

export interface JsonWireError {
  readonly status: number;
  readonly code: string;
  readonly body: string;
}

export function serializeJsonError(error: unknown): JsonWireError {
  const e = toAwsError(error);
  const code = JSON_CODES[e.code] ?? e.code;
  // JSON-protocol services answer every fault of the caller with 400 (DynamoDB's and
  // KMS's AccessDeniedException and UnrecognizedClientException alike).
  return { status: e.fault === 'Sender' ? 400 : e.status, code, body: JSON.stringify({ __type: code, message: e.message }) };
}
