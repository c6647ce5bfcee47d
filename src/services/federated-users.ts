/**
 * What a federated user (GetFederationToken) may not call, whatever its policies allow.
 * STS API reference, GetFederationToken, "Permissions": no IAM operation through the API,
 * and no STS operation but GetCallerIdentity. Checked before the operation runs, so an
 * operation added later is refused to federated users until it is listed here.
 */
import type { Caller } from '../auth/caller.js';
import { invalidToken } from '../auth/key-ring-source.js';
import { AwsError } from '../errors.js';

/**
 * STS operations a federated user reaches: GetCallerIdentity, and the two that refuse any
 * session credentials themselves with AWS's own text ("Cannot call … with session credentials").
 */
const STS_OPEN: ReadonlySet<string> = new Set(['GetCallerIdentity', 'GetSessionToken', 'GetFederationToken']);

export function refuseFederatedUser(caller: Caller, service: string, operation: string): void {
  if (caller.kind !== 'session' || caller.session.kind !== 'FederatedUser') return;
  // not seen for federated users: IAM's answer to temporary credentials it does not take
  // (seen for GetSessionToken credentials without MFA, 99designs/aws-vault#15).
  if (service === 'iam') throw invalidToken();
  if (service === 'sts' && STS_OPEN.has(operation)) return;
  // not seen
  throw new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: ${service}:${operation}`);
}
