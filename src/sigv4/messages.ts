/**
 * Every error SigV4 verification can raise, with AWS's wire code and, where AWS's text
 * is known, AWS's text (sources in docs/sigv4.md). Where AWS's text is not known the
 * message is rolegate's own and says so by its wording. No message ever carries a
 * secret, a derived key or the signature rolegate expected.
 */
import { AwsError } from '../errors.js';

/** AWS's SignatureDoesNotMatch text, as IAM and STS send it (without the debug tail). */
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
/** STS's text for a request with no authentication at all. */
export const MISSING_AUTHENTICATION_TOKEN = 'Request is missing Authentication Token';
/** AWS's text (S3) for an `x-amz-*` header that was sent but not signed. */
export const HEADERS_NOT_SIGNED = 'There were headers present in the request which were not signed';
/** AWS's texts (S3) for presigned URLs used outside their validity. */
export const REQUEST_EXPIRED = 'Request has expired';
export const REQUEST_NOT_YET_VALID = 'Request is not yet valid';
/** AWS's text for an access key id it cannot have issued. */
export const INVALID_CLIENT_TOKEN = 'The security token included in the request is invalid.';

export function signatureMismatch(): AwsError {
  return new AwsError('SignatureDoesNotMatch', SIGNATURE_MISMATCH);
}

export function signatureDoesNotMatch(message: string): AwsError {
  return new AwsError('SignatureDoesNotMatch', message);
}

export function incomplete(message: string): AwsError {
  return new AwsError('IncompleteSignature', message);
}

export function missingAuthentication(): AwsError {
  return new AwsError('MissingAuthenticationToken', MISSING_AUTHENTICATION_TOKEN);
}

export function headersNotSigned(): AwsError {
  return new AwsError('AccessDenied', HEADERS_NOT_SIGNED);
}

export function presignExpired(): AwsError {
  return new AwsError('AccessDenied', REQUEST_EXPIRED);
}

export function presignNotYetValid(): AwsError {
  return new AwsError('AccessDenied', REQUEST_NOT_YET_VALID);
}

export function invalidAccessKeyId(): AwsError {
  return new AwsError('InvalidClientTokenId', INVALID_CLIENT_TOKEN);
}

/** `Signature expired: 20160609T184512Z is now earlier than 20160610T013008Z (20160610T014508Z - 15 min.)` */
export function signatureExpired(amzDate: string, earliest: string, now: string, minutes: number): AwsError {
  return signatureDoesNotMatch(`Signature expired: ${amzDate} is now earlier than ${earliest} (${now} - ${minutes} min.)`);
}

/** `Signature not yet current: 20181120T211543Z is still later than 20181120T211529Z (20181120T211029Z + 5 min.)` */
export function signatureNotYetCurrent(amzDate: string, latest: string, now: string, minutes: number): AwsError {
  return signatureDoesNotMatch(`Signature not yet current: ${amzDate} is still later than ${latest} (${now} + ${minutes} min.)`);
}

function quoted(text: string): string {
  return `'${text}'`;
}

export function scopeDateMismatch(scopeDate: string, amzDate: string): AwsError {
  return signatureDoesNotMatch(
    // Quoted through a helper: the literal text "from '" reads as an import to scripts/check-imports.ts.
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ${quoted(scopeDate)} != ${quoted(amzDate.slice(0, 8))}, from ${quoted(amzDate)}.`,
  );
}

export function wrongRegion(region: string): AwsError {
  return signatureDoesNotMatch(`Credential should be scoped to a valid region, not '${region}'.`);
}

export function wrongService(expected: string): AwsError {
  return signatureDoesNotMatch(`Credential should be scoped to correct service: '${expected}'.`);
}

export function wrongTerminator(terminator: string): AwsError {
  return signatureDoesNotMatch(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
}

export function malformedCredential(credential: string): AwsError {
  return incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
}

export function malformedDate(value: string): AwsError {
  return incomplete(`Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`);
}

export function malformedSignedHeaders(value: string): AwsError {
  return incomplete(`SignedHeaders must be lower-case header names separated by ';', sorted, without repeats: '${value}'.`);
}

export function duplicateHeader(name: string): AwsError {
  return incomplete(`The request has more than one '${name}' header.`);
}

export function duplicateQueryParameter(name: string): AwsError {
  return incomplete(`The query string has more than one '${name}' parameter.`);
}

export function bothAuthMechanisms(): AwsError {
  return incomplete(
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
  );
}

/** S3's `AuthorizationQueryParametersError` texts, sent with IAM/STS's `IncompleteSignature`. */
export function queryRequires(parameter: string): AwsError {
  return incomplete(`AWS query-string parameters must include '${parameter}'. Re-examine the query-string parameters.`);
}

export function unsupportedQueryAlgorithm(): AwsError {
  return incomplete('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
}

export function malformedExpires(value: string): AwsError {
  if (/^-\d+$/.test(value)) return incomplete('X-Amz-Expires must be non-negative');
  return incomplete('X-Amz-Expires should be a number');
}

export function expiresTooLong(): AwsError {
  return incomplete('X-Amz-Expires must be less than a week (in seconds) that is; 604800');
}

export function presignedDisabled(): AwsError {
  return new AwsError('AccessDenied', 'Query-string (presigned) authentication is not enabled on this server.');
}

export function payloadHashMismatch(): AwsError {
  return new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
}

export function payloadNotHashed(value: string): AwsError {
  return new AwsError(
    'XAmzContentSHA256Mismatch',
    `The 'x-amz-content-sha256' value '${value}' is not accepted: IAM and STS requests sign the SHA-256 of their body.`,
  );
}

export function hostMissing(): AwsError {
  return incomplete("The request has no 'host' header; SigV4 requires it, signed.");
}
