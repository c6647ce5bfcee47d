/**
 * SigV4 task 2, the string to sign:
 *
 *   AWS4-HMAC-SHA256 \n 20150830T123600Z \n 20150830/us-east-1/iam/aws4_request \n hex(SHA-256(canonical request))
 */
import { sha256Hex } from './encoding.js';

/** The only algorithm rolegate accepts. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The last element of every credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';

/** What a signature is bound to: a day, a region and a service. */
export interface CredentialScope {
  /** `YYYYMMDD`, the UTC day of the signing time. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

/** @example scopeString({ date: '20150830', region: 'us-east-1', service: 'iam' }) // '20150830/us-east-1/iam/aws4_request' */
export function scopeString(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${SCOPE_TERMINATOR}`;
}

/** The string to sign for a canonical request signed at `amzDate` within `scope`. */
export function stringToSign(amzDate: string, scope: CredentialScope, canonicalRequest: string): string {
  return [ALGORITHM, amzDate, scopeString(scope), sha256Hex(canonicalRequest)].join('\n');
}
