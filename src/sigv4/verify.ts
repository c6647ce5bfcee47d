/**
 * Step two of verification: with the secret the caller looked up for
 * `parsed.accessKeyId`, rebuild the canonical request from the bytes that arrived,
 * derive the signing key, and compare signatures in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalHeaders, canonicalQuery, canonicalRequest, canonicalUri, parseQuery } from './canonical-request.js';
import type { HttpRequest } from './http-request.js';
import { signatureMismatch } from './messages.js';
import { ParsedSignedRequest } from './parse-signed-request.js';
import { PRESIGN_PARAMS } from './presigned.js';
import { deriveSigningKey, type SigningKeyCache } from './signing-key.js';
import { stringToSign } from './string-to-sign.js';

/** The canonical request the client must have signed, rebuilt from what arrived. */
export function canonicalRequestFor(parsed: ParsedSignedRequest, request: HttpRequest): string {
  return canonicalRequest({
    method: request.method,
    uri: canonicalUri(request.path),
    query: canonicalQuery(parseQuery(request.query), parsed.kind === 'query' ? PRESIGN_PARAMS.signature : undefined),
    headers: canonicalHeaders(parsed.headers, parsed.signedHeaders),
    signedHeaders: parsed.signedHeaders,
    // Always the hash of the body received, never the client's x-amz-content-sha256.
    payloadHash: parsed.payloadHash,
  });
}

/** The string to sign the client must have signed. */
export function stringToSignFor(parsed: ParsedSignedRequest, request: HttpRequest): string {
  return stringToSign(parsed.amzDate, parsed.scope, canonicalRequestFor(parsed, request));
}

/**
 * Throws SignatureDoesNotMatch unless the request's signature is the one `secretAccessKey`
 * makes. `request` must be the one `parsed` came from.
 *
 * @example verifySignature(parseSignedRequest(request, { now }), request, secret, cache);
 */
export function verifySignature(
  parsed: ParsedSignedRequest,
  request: HttpRequest,
  secretAccessKey: string,
  cache?: SigningKeyCache,
): void {
  if (!ParsedSignedRequest.isParsed(parsed)) throw new TypeError('verifySignature takes the result of parseSignedRequest');
  const key = cache !== undefined ? cache.get(secretAccessKey, parsed.scope) : deriveSigningKey(secretAccessKey, parsed.scope);
  const expected = createHmac('sha256', key).update(stringToSignFor(parsed, request), 'utf8').digest();
  // parseSignedRequest admitted only 64 lower-case hex digits, so this is 32 bytes; the
  // length test is for safety, as timingSafeEqual throws on unequal lengths.
  const provided = Buffer.from(parsed.signature, 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) throw signatureMismatch();
}
