/**
 * The signer: what an SDK does, for rolegate's tests and CLI. `sign` adds `X-Amz-Date`,
 * `X-Amz-Security-Token` (signed) and `Authorization`; `presign` adds the `X-Amz-*`
 * query parameters instead. Both sign every header present except hop-by-hop ones and
 * `user-agent`, and always sign the SHA-256 of the body.
 */
import { formatAmzDate } from './amz-date.js';
import { canonicalHeaders, canonicalQuery, canonicalRequest, canonicalUri, parseQuery } from './canonical-request.js';
import { sha256Hex, uriEncodeString } from './encoding.js';
import { indexHeaders, type HttpRequest } from './http-request.js';
import { MAX_PRESIGN_EXPIRES_SECONDS, PRESIGN_PARAMS } from './presigned.js';
import { deriveSigningKey, signatureHex, type SigningKeyCache } from './signing-key.js';
import { ALGORITHM, scopeString, stringToSign, type CredentialScope } from './string-to-sign.js';

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface SignOptions {
  /** The signing time, milliseconds since the epoch. */
  readonly now: number;
  readonly region: string;
  readonly service: string;
  /** Also send and sign `x-amz-content-sha256` (S3 style; IAM/STS SDKs do not). */
  readonly contentSha256Header?: boolean;
  /** Header names (any case) to leave out of the signature. */
  readonly unsignedHeaders?: readonly string[];
  readonly cache?: SigningKeyCache;
}

export interface PresignOptions extends SignOptions {
  /** `X-Amz-Expires`, 1 to 604800 seconds. */
  readonly expiresSeconds: number;
}

/** Headers SDK signers never sign: hop-by-hop, changed by proxies, or the signature itself. */
const UNSIGNABLE: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'expect',
  'keep-alive',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

function headersToSign(request: HttpRequest, options: SignOptions): string[] {
  const skip = new Set((options.unsignedHeaders ?? []).map((n) => n.toLowerCase()));
  const names = new Set(request.headers.map(([n]) => n.toLowerCase()).filter((n) => !UNSIGNABLE.has(n) && !skip.has(n)));
  return [...names].sort();
}

function signingKey(secretAccessKey: string, scope: CredentialScope, cache: SigningKeyCache | undefined): Buffer {
  return cache !== undefined ? cache.get(secretAccessKey, scope) : deriveSigningKey(secretAccessKey, scope);
}

function without(request: HttpRequest, names: readonly string[]): [string, string][] {
  return request.headers.filter(([n]) => !names.includes(n.toLowerCase())).map(([n, v]) => [n, v]);
}

/**
 * Signs a request with an `Authorization` header.
 *
 * @example
 *   const signed = sign(
 *     { method: 'POST', path: '/', query: '', headers: [['Host', 'localhost:4555'], ['Content-Type', 'application/x-www-form-urlencoded']], body },
 *     { accessKeyId, secretAccessKey },
 *     { now: Date.now(), region: 'us-east-1', service: 'sts' },
 *   );
 */
export function sign(request: HttpRequest, credentials: SigningCredentials, options: SignOptions): HttpRequest {
  const amzDate = formatAmzDate(options.now);
  const scope: CredentialScope = { date: amzDate.slice(0, 8), region: options.region, service: options.service };
  const payloadHash = sha256Hex(request.body);
  const replaced = ['authorization', 'x-amz-date'];
  if (credentials.sessionToken !== undefined) replaced.push('x-amz-security-token');
  if (options.contentSha256Header === true) replaced.push('x-amz-content-sha256');
  const headers = without(request, replaced);
  headers.push(['X-Amz-Date', amzDate]);
  if (credentials.sessionToken !== undefined) headers.push(['X-Amz-Security-Token', credentials.sessionToken]);
  if (options.contentSha256Header === true) headers.push(['x-amz-content-sha256', payloadHash]);
  const withDate: HttpRequest = { ...request, headers };
  const signedHeaders = headersToSign(withDate, options);
  const canonical = canonicalRequest({
    method: request.method,
    uri: canonicalUri(request.path),
    query: canonicalQuery(parseQuery(request.query)),
    headers: canonicalHeaders(indexHeaders(headers), signedHeaders),
    signedHeaders,
    payloadHash,
  });
  const signature = signatureHex(signingKey(credentials.secretAccessKey, scope, options.cache), stringToSign(amzDate, scope, canonical));
  const authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scopeString(scope)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { ...withDate, headers: [...headers, ['Authorization', authorization]] };
}

/**
 * Signs a request in its query string (a presigned URL) valid for `expiresSeconds`.
 *
 * @example
 *   presign({ method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: [['Host', 'sts.amazonaws.com']], body: new Uint8Array() },
 *           credentials, { now: Date.now(), region: 'us-east-1', service: 'sts', expiresSeconds: 60 });
 */
export function presign(request: HttpRequest, credentials: SigningCredentials, options: PresignOptions): HttpRequest {
  if (!Number.isInteger(options.expiresSeconds) || options.expiresSeconds < 1 || options.expiresSeconds > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw new RangeError('expiresSeconds is 1 to 604800');
  }
  const amzDate = formatAmzDate(options.now);
  const scope: CredentialScope = { date: amzDate.slice(0, 8), region: options.region, service: options.service };
  const signedHeaders = headersToSign(request, options);
  const auth: [string, string][] = [
    [PRESIGN_PARAMS.algorithm, ALGORITHM],
    [PRESIGN_PARAMS.credential, `${credentials.accessKeyId}/${scopeString(scope)}`],
    [PRESIGN_PARAMS.date, amzDate],
    [PRESIGN_PARAMS.signedHeaders, signedHeaders.join(';')],
    [PRESIGN_PARAMS.expires, String(options.expiresSeconds)],
  ];
  if (credentials.sessionToken !== undefined) auth.push([PRESIGN_PARAMS.securityToken, credentials.sessionToken]);
  const encoded = auth.map(([k, v]) => `${uriEncodeString(k)}=${uriEncodeString(v)}`).join('&');
  const query = request.query === '' ? encoded : `${request.query}&${encoded}`;
  const canonical = canonicalRequest({
    method: request.method,
    uri: canonicalUri(request.path),
    query: canonicalQuery(parseQuery(query)),
    headers: canonicalHeaders(indexHeaders(request.headers), signedHeaders),
    signedHeaders,
    payloadHash: sha256Hex(request.body),
  });
  const signature = signatureHex(signingKey(credentials.secretAccessKey, scope, options.cache), stringToSign(amzDate, scope, canonical));
  return { ...request, query: `${query}&${PRESIGN_PARAMS.signature}=${signature}` };
}
