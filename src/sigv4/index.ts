export { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js';
export { parseAuthorizationHeader } from './authorization-header.js';
export type { AuthorizationComponents } from './authorization-header.js';
export {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  normalizePath,
  parseQuery,
  trimHeaderValue,
} from './canonical-request.js';
export type { CanonicalParts, QueryParam } from './canonical-request.js';
export { parseCredential } from './credential.js';
export type { Credential } from './credential.js';
export { EMPTY_SHA256, sha256Hex, uriEncode, uriEncodeString } from './encoding.js';
export { HeaderIndex, indexHeaders } from './http-request.js';
export type { HeaderList, HttpRequest } from './http-request.js';
export {
  HEADERS_NOT_SIGNED,
  INVALID_CLIENT_TOKEN,
  MISSING_AUTHENTICATION_TOKEN,
  REQUEST_EXPIRED,
  REQUEST_NOT_YET_VALID,
  SIGNATURE_MISMATCH,
} from './messages.js';
export { DEFAULT_MAX_SKEW_MINUTES, ParsedSignedRequest, parseSignedRequest } from './parse-signed-request.js';
export type { AuthKind, ParseOptions } from './parse-signed-request.js';
export { isPresigned, MAX_PRESIGN_EXPIRES_SECONDS, parsePresignedParams, PRESIGN_PARAMS } from './presigned.js';
export type { PresignedComponents } from './presigned.js';
export { presign, sign } from './sign.js';
export type { PresignOptions, SigningCredentials, SignOptions } from './sign.js';
export { DEFAULT_SIGNING_KEY_CACHE_SIZE, deriveSigningKey, signatureHex, SigningKeyCache } from './signing-key.js';
export { ALGORITHM, SCOPE_TERMINATOR, scopeString, stringToSign } from './string-to-sign.js';
export type { CredentialScope } from './string-to-sign.js';
export { canonicalRequestFor, stringToSignFor, verifySignature } from './verify.js';
