/**
 * Step one of verification: everything that can be checked without the secret. It reads
 * the request's authentication (header or presigned query), checks its shape, binds the
 * credential scope to the signing date and to the server's regions and services, checks
 * the clock, requires `host` and every `x-amz-*` header to be signed, and checks a
 * declared payload hash against the body actually received. The result names the access
 * key, so the caller can look its secret up and call `verifySignature`.
 *
 * Nothing here trusts the client's description of the request: the canonical request is
 * rebuilt later from the bytes that arrived, and the declared `SignedHeaders` are
 * compared with the headers actually present.
 */
import { parseAmzDate, parseHttpDate, formatAmzDate } from './amz-date.js';
import { parseAuthorizationHeader } from './authorization-header.js';
import { parseQuery, type QueryParam } from './canonical-request.js';
import { parseCredential, type Credential } from './credential.js';
import { sha256Hex } from './encoding.js';
import { indexHeaders, type HeaderIndex, type HttpRequest } from './http-request.js';
import {
  bothAuthMechanisms,
  duplicateHeader,
  headersNotSigned,
  hostMissing,
  incomplete,
  malformedDate,
  malformedSignedHeaders,
  missingAuthentication,
  payloadHashMismatch,
  payloadNotHashed,
  presignedDisabled,
  presignExpired,
  presignNotYetValid,
  scopeDateMismatch,
  signatureExpired,
  signatureMismatch,
  signatureNotYetCurrent,
  wrongRegion,
  wrongService,
} from './messages.js';
import { hasAuthParameter, isPresigned, parsePresignedParams } from './presigned.js';
import type { CredentialScope } from './string-to-sign.js';

export type AuthKind = 'header' | 'query';

export interface ParseOptions {
  /** The current time, milliseconds since the epoch. */
  readonly now: number;
  /** How far the signing time may be from `now`, either way; AWS uses 15 minutes. */
  readonly maxSkewMinutes?: number;
  /** When given, the credential scope's region must be one of these. */
  readonly regions?: readonly string[];
  /** When given, the credential scope's service must be one of these. */
  readonly services?: readonly string[];
  /** Accept presigned (query-string) authentication; true unless set false. */
  readonly allowPresigned?: boolean;
}

export const DEFAULT_MAX_SKEW_MINUTES = 15;

/**
 * `x-amz-*` headers a client may leave unsigned. Only the payload hash: it is checked
 * against the body received, so signing it adds nothing. The session token, the date and
 * everything else must be signed.
 */
const MAY_BE_UNSIGNED: ReadonlySet<string> = new Set(['x-amz-content-sha256']);
const SIGNED_HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

interface Fields {
  readonly kind: AuthKind;
  readonly accessKeyId: string;
  readonly scope: CredentialScope;
  readonly amzDate: string;
  readonly signedAt: number;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly sessionToken: string | undefined;
  readonly expiresAt: number | undefined;
  readonly headers: HeaderIndex;
  readonly payloadHash: string;
}

const CONSTRUCT = Symbol('ParsedSignedRequest');

/**
 * A request whose authentication passed every check but the signature itself. Only
 * `parseSignedRequest` makes one, and `verifySignature` accepts nothing else, so the
 * scope, clock and header checks cannot be skipped on the way to a signature compare.
 */
export class ParsedSignedRequest implements Fields {
  readonly #parsed = true;
  /** `header` for an `Authorization` header, `query` for a presigned URL. */
  readonly kind: AuthKind;
  /** The access key id the client named; not yet authenticated. */
  readonly accessKeyId: string;
  readonly scope: CredentialScope;
  /** The signing time as it enters the string to sign, `YYYYMMDDTHHMMSSZ`. */
  readonly amzDate: string;
  /** The signing time, milliseconds since the epoch. */
  readonly signedAt: number;
  /** Lower-case, sorted, as the client declared and the request carries them. */
  readonly signedHeaders: readonly string[];
  /** 64 lower-case hex digits. */
  readonly signature: string;
  /** `X-Amz-Security-Token`, signed, when the credentials are temporary. */
  readonly sessionToken: string | undefined;
  /** Presigned only: the last instant (ms) at which the URL is accepted. */
  readonly expiresAt: number | undefined;
  /** Every header that arrived, by lower-case name (signed or not). */
  readonly headers: HeaderIndex;
  /** Hex SHA-256 of the body that arrived: what the canonical request carries. */
  readonly payloadHash: string;

  constructor(token: symbol, fields: Fields) {
    if (token !== CONSTRUCT) throw new TypeError('Only parseSignedRequest makes a ParsedSignedRequest');
    this.kind = fields.kind;
    this.accessKeyId = fields.accessKeyId;
    this.scope = fields.scope;
    this.amzDate = fields.amzDate;
    this.signedAt = fields.signedAt;
    this.signedHeaders = fields.signedHeaders;
    this.signature = fields.signature;
    this.sessionToken = fields.sessionToken;
    this.expiresAt = fields.expiresAt;
    this.headers = fields.headers;
    this.payloadHash = fields.payloadHash;
  }

  static isParsed(value: unknown): value is ParsedSignedRequest {
    return typeof value === 'object' && value !== null && #parsed in value;
  }
}

function singleHeader(headers: HeaderIndex, name: string): string | undefined {
  const values = headers.get(name);
  if (values === undefined) return undefined;
  if (values.length > 1) throw duplicateHeader(name);
  return values[0];
}

function parseSignedHeaders(value: string): string[] {
  const names = value.split(';');
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!SIGNED_HEADER_NAME.test(name) || name === 'authorization') throw malformedSignedHeaders(value);
    if (i > 0 && names[i - 1]! >= name) throw malformedSignedHeaders(value);
  }
  return names;
}

function checkSignatureFormat(signature: string): void {
  // Upper-case or short hex is not "another spelling" of a signature: refused before
  // any comparison, so the compare only ever sees 32 well-formed bytes.
  if (!isSignatureHex(signature)) throw signatureMismatch();
}

function isSignatureHex(signature: string): boolean {
  if (signature.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = signature.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function checkScope(scope: CredentialScope, amzDate: string, options: ParseOptions): void {
  if (scope.date !== amzDate.slice(0, 8)) throw scopeDateMismatch(scope.date, amzDate);
  if (options.regions !== undefined && !options.regions.includes(scope.region)) throw wrongRegion(scope.region);
  if (options.services !== undefined && !options.services.includes(scope.service)) {
    throw wrongService(options.services[0] ?? scope.service);
  }
}

function skewMinutes(options: ParseOptions): number {
  const minutes = options.maxSkewMinutes ?? DEFAULT_MAX_SKEW_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('maxSkewMinutes is a whole number of minutes');
  return minutes;
}

/** Signing times have whole seconds, and so does AWS's comparison (and its messages). */
function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function checkClock(amzDate: string, signedAt: number, options: ParseOptions): void {
  const minutes = skewMinutes(options);
  const skew = minutes * 60_000;
  const now = wholeSeconds(options.now);
  // AWS's window is inclusive: a request exactly 15 minutes old is still current.
  if (signedAt < now - skew) throw signatureExpired(amzDate, formatAmzDate(now - skew), formatAmzDate(now), minutes);
  if (signedAt > now + skew) throw signatureNotYetCurrent(amzDate, formatAmzDate(now + skew), formatAmzDate(now), minutes);
}

/** `host` and every `x-amz-*` header that arrived must be signed; every signed header must have arrived. */
function checkHeaders(headers: HeaderIndex, signedHeaders: readonly string[]): void {
  if (singleHeader(headers, 'host') === undefined) throw hostMissing();
  for (const name of headers.names()) {
    const mustSign = name === 'host' || (name.startsWith('x-amz-') && !MAY_BE_UNSIGNED.has(name));
    if (mustSign && !signedHeaders.includes(name)) throw headersNotSigned();
  }
  // A signed header that is absent would canonicalize as an empty value; no SDK does
  // that, and accepting it would let a proxy drop a header the client meant to send.
  for (const name of signedHeaders) if (!headers.has(name)) throw signatureMismatch();
}

/**
 * The payload hash is always computed from the body; a declared one must agree with it.
 * Returns the computed hash, which the canonical request carries.
 */
function checkPayload(headers: HeaderIndex, body: Uint8Array): string {
  const declared = singleHeader(headers, 'x-amz-content-sha256');
  if (declared !== undefined && (declared === 'UNSIGNED-PAYLOAD' || declared.startsWith('STREAMING-'))) throw payloadNotHashed(declared);
  const computed = sha256Hex(body);
  if (declared !== undefined && declared !== computed) throw payloadHashMismatch();
  return computed;
}

interface AuthorizationParts {
  readonly credential: Credential;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const SIGNATURE_COMPONENT = 'Signature=';

/**
 * The last Authorization header read, up to its signature. A client sends the same
 * credential and SignedHeaders on request after request, and only the signature
 * changes; when the text before it is the very same, its reading is too. This caches a
 * pure function of that text (the reading was checked in full when it was stored) and
 * holds one entry, frozen.
 */
let lastPrefix: string | undefined;
let lastParts: Omit<AuthorizationParts, 'signature'> | undefined;

function readAuthorization(header: string, hasDate: boolean): AuthorizationParts {
  const at = header.length - SIGNATURE_COMPONENT.length - 64;
  const prefix = at > 0 && header.startsWith(SIGNATURE_COMPONENT, at) ? header.slice(0, at) : undefined;
  if (hasDate && prefix !== undefined && prefix === lastPrefix && lastParts !== undefined) {
    // Anything but 64 lower-case hex digits takes the full reading, and its error.
    const signature = header.slice(at + SIGNATURE_COMPONENT.length);
    if (isSignatureHex(signature)) return { ...lastParts, signature };
  }
  const components = parseAuthorizationHeader(header, hasDate);
  const credential = parseCredential(components.credential);
  const signedHeaders = Object.freeze(parseSignedHeaders(components.signedHeaders));
  checkSignatureFormat(components.signature);
  if (prefix !== undefined && components.signature === header.slice(at + SIGNATURE_COMPONENT.length)) {
    lastPrefix = prefix;
    lastParts = Object.freeze({ credential: Object.freeze({ ...credential, scope: Object.freeze({ ...credential.scope }) }), signedHeaders });
  }
  return { credential, signedHeaders, signature: components.signature };
}

function parseHeaderAuth(request: HttpRequest, headers: HeaderIndex, authorization: string, options: ParseOptions): ParsedSignedRequest {
  const amzDateHeader = singleHeader(headers, 'x-amz-date');
  const dateHeader = amzDateHeader === undefined ? singleHeader(headers, 'date') : undefined;
  const components = readAuthorization(authorization, amzDateHeader !== undefined || dateHeader !== undefined);
  const { credential, signedHeaders } = components;

  const rawDate = amzDateHeader ?? dateHeader ?? '';
  const signedAt = amzDateHeader !== undefined ? parseAmzDate(rawDate) : parseHttpDate(rawDate);
  if (signedAt === undefined) throw malformedDate(rawDate);
  const amzDate = amzDateHeader ?? formatAmzDate(signedAt);
  // `x-amz-date` falls under the x-amz-* rule below; a `Date` header needs saying.
  if (amzDateHeader === undefined && !signedHeaders.includes('date')) throw headersNotSigned();

  checkScope(credential.scope, amzDate, options);
  checkClock(amzDate, signedAt, options);
  checkHeaders(headers, signedHeaders);
  const payloadHash = checkPayload(headers, request.body);
  return new ParsedSignedRequest(CONSTRUCT, {
    kind: 'header',
    accessKeyId: credential.accessKeyId,
    scope: credential.scope,
    amzDate,
    signedAt,
    signedHeaders,
    signature: components.signature,
    sessionToken: singleHeader(headers, 'x-amz-security-token'),
    expiresAt: undefined,
    headers,
    payloadHash,
  });
}

function parseQueryAuth(request: HttpRequest, headers: HeaderIndex, params: readonly QueryParam[], options: ParseOptions): ParsedSignedRequest {
  if (options.allowPresigned === false) throw presignedDisabled();
  const components = parsePresignedParams(params);
  const credential = parseCredential(components.credential);
  const signedHeaders = parseSignedHeaders(components.signedHeaders);
  checkSignatureFormat(components.signature);
  const signedAt = parseAmzDate(components.amzDate);
  if (signedAt === undefined) throw malformedDate(components.amzDate);

  checkScope(credential.scope, components.amzDate, options);
  const expiresAt = signedAt + components.expiresSeconds * 1000;
  const now = wholeSeconds(options.now);
  if (signedAt > now + skewMinutes(options) * 60_000) throw presignNotYetValid();
  // Valid through the last second of X-Amz-Expires, refused from the next one on.
  if (now > expiresAt) throw presignExpired();
  checkHeaders(headers, signedHeaders);
  const payloadHash = checkPayload(headers, request.body);

  const headerToken = singleHeader(headers, 'x-amz-security-token');
  if (headerToken !== undefined && components.securityToken !== undefined) {
    throw incomplete("The session token may be sent as the 'X-Amz-Security-Token' parameter or header, not both.");
  }
  return new ParsedSignedRequest(CONSTRUCT, {
    kind: 'query',
    accessKeyId: credential.accessKeyId,
    scope: credential.scope,
    amzDate: components.amzDate,
    signedAt,
    signedHeaders,
    signature: components.signature,
    sessionToken: components.securityToken ?? headerToken,
    expiresAt,
    headers,
    payloadHash,
  });
}

/**
 * Reads and checks a request's SigV4 authentication, up to but not including the
 * signature compare. Throws AwsError with AWS's code: MissingAuthenticationToken when
 * there is no authentication, IncompleteSignature when it is malformed,
 * SignatureDoesNotMatch for scope and clock errors, AccessDenied for unsigned headers and
 * expired presigned URLs, XAmzContentSHA256Mismatch for a wrong declared payload hash.
 *
 * @example
 *   const parsed = parseSignedRequest(request, { now: Date.now(), regions: ['us-east-1'], services: ['iam', 'sts'] });
 *   const secret = await store.secretOf(parsed.accessKeyId); // InvalidClientTokenId if none
 *   verifySignature(parsed, request, secret, cache);
 */
/** `headers` is the request's header index when the caller has built it already (it is built once per request). */
export function parseSignedRequest(request: HttpRequest, options: ParseOptions, headers: HeaderIndex = indexHeaders(request.headers)): ParsedSignedRequest {
  const params = parseQuery(request.query);
  const authorization = singleHeader(headers, 'authorization');
  if (authorization !== undefined) {
    // An Authorization header can never be combined with (and so widen) a presigned URL.
    if (hasAuthParameter(params)) throw bothAuthMechanisms();
    return parseHeaderAuth(request, headers, authorization, options);
  }
  if (isPresigned(params)) return parseQueryAuth(request, headers, params, options);
  throw missingAuthentication();
}
