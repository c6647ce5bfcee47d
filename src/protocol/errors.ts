/**
 * An `AwsError` → AWS's Query error envelope and HTTP status:
 *
 *   <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
 *     <Error><Type>Sender</Type><Code>ValidationError</Code><Message>…</Message></Error>
 *     <RequestId>…</RequestId>
 *   </ErrorResponse>
 *
 * Both IAM and STS put their service namespace on `ErrorResponse` (IAM: raw responses
 * quoted in NixOS/nixops#328 and legion-platform/legion#530; STS: the parsed
 * `ErrorResponseAttrs` in cognitect-labs/aws-api#27). Anything that is not an `AwsError`
 * becomes a 500 `InternalFailure` whose text says nothing about the cause.
 */
import { AwsError } from '../errors.js';
import { XmlWriter } from './xml.js';

export interface ErrorEnvelope {
  readonly xmlNamespace: string;
  readonly requestId: string;
}

export interface WireError {
  readonly status: number;
  readonly body: string;
}

const INTERNAL_MESSAGE = 'The request processing has failed because of an unknown error, exception or failure.';

/** Any thrown value as the `AwsError` a client may see. */
export function toAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  return new AwsError('InternalFailure', INTERNAL_MESSAGE, { fault: 'Receiver' });
}

/**
 * Writes the error envelope.
 *
 * @example
 *   serializeError(new AwsError('NoSuchEntity', 'The role with name r cannot be found.'),
 *                  { xmlNamespace: IAM_NS, requestId })
 *   // { status: 404, body: '<ErrorResponse xmlns="…"><Error><Type>Sender</Type>…' }
 */
export function serializeError(error: unknown, envelope: ErrorEnvelope): WireError {
  const e = toAwsError(error);
  const w = new XmlWriter();
  w.open('ErrorResponse', [['xmlns', envelope.xmlNamespace]]);
  w.open('Error');
  w.leaf('Type', e.fault);
  w.leaf('Code', e.code);
  w.leaf('Message', e.message);
  w.close();
  w.leaf('RequestId', envelope.requestId);
  w.close();
  return { status: e.status, body: w.toString() };
}
