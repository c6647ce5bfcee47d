/**
 * Query-string ("presigned") authentication: the signature travels in the URL.
 *
 *   ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fsts%2Faws4_request
 *   &X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host
 *   [&X-Amz-Security-Token=…]&X-Amz-Signature=<64 hex>
 *
 * Each parameter at most once; all but the token required; `X-Amz-Expires` a whole
 * number of seconds from 1 to 604800 (7 days, the life of a signing key).
 */
import type { QueryParam } from './canonical-request.js';
import { duplicateQueryParameter, incomplete, expiresTooLong, malformedExpires, queryRequires, unsupportedQueryAlgorithm } from './messages.js';
import { ALGORITHM } from './string-to-sign.js';

export const PRESIGN_PARAMS = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
  securityToken: 'X-Amz-Security-Token',
} as const;

/** The longest a presigned URL may live: 7 days, in seconds. */
export const MAX_PRESIGN_EXPIRES_SECONDS = 604_800;

/** Any of these in the query string makes the request a presigned one. */
const MARKERS: readonly string[] = [PRESIGN_PARAMS.algorithm, PRESIGN_PARAMS.credential, PRESIGN_PARAMS.signedHeaders, PRESIGN_PARAMS.signature];
const ALL: readonly string[] = Object.values(PRESIGN_PARAMS);

export interface PresignedComponents {
  readonly credential: string;
  readonly amzDate: string;
  readonly expiresSeconds: number;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly securityToken: string | undefined;
}

/** Whether the query string carries presigned-URL authentication. */
export function isPresigned(params: readonly QueryParam[]): boolean {
  return params.some((p) => MARKERS.includes(p.name));
}

/** Whether the query string carries any SigV4 authentication parameter at all. */
export function hasAuthParameter(params: readonly QueryParam[]): boolean {
  return params.some((p) => ALL.includes(p.name));
}

function single(params: readonly QueryParam[], name: string): string | undefined {
  const found = params.filter((p) => p.name === name);
  if (found.length > 1) throw duplicateQueryParameter(name);
  return found[0]?.value;
}

function required(params: readonly QueryParam[], name: string): string {
  const value = single(params, name);
  if (value === undefined) throw queryRequires(name);
  return value;
}

/**
 * Reads the authentication parameters of a presigned request, or throws
 * IncompleteSignature.
 */
export function parsePresignedParams(params: readonly QueryParam[]): PresignedComponents {
  for (const name of ALL) single(params, name);
  const algorithm = required(params, PRESIGN_PARAMS.algorithm);
  const credential = required(params, PRESIGN_PARAMS.credential);
  const amzDate = required(params, PRESIGN_PARAMS.date);
  const expires = required(params, PRESIGN_PARAMS.expires);
  const signedHeaders = required(params, PRESIGN_PARAMS.signedHeaders);
  const signature = required(params, PRESIGN_PARAMS.signature);
  if (algorithm !== ALGORITHM) throw unsupportedQueryAlgorithm();
  if (!/^\d+$/.test(expires)) throw malformedExpires(expires);
  const expiresSeconds = Number(expires);
  if (expiresSeconds > MAX_PRESIGN_EXPIRES_SECONDS) throw expiresTooLong();
  if (expiresSeconds < 1) throw incomplete('X-Amz-Expires must be at least 1 second');
  return { credential, amzDate, expiresSeconds, signedHeaders, signature, securityToken: single(params, PRESIGN_PARAMS.securityToken) };
}
