/**
 * SigV4 task 3, the signing key: an HMAC-SHA256 chain from the secret through the
 * scope, `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
 * "aws4_request")`, and the signature `hex(HMAC(kSigning, stringToSign))`.
 *
 * The derived key is valid for one day, region and service, so a server verifying many
 * requests from one key pair can reuse it: `SigningKeyCache` is a bounded LRU owned by
 * whoever creates it (never a module global), keyed by a SHA-256 over the secret and the
 * scope so the map never holds a secret in its keys.
 */
import { createHmac } from 'node:crypto';
import { SCOPE_TERMINATOR, type CredentialScope } from './string-to-sign.js';

function hmac(key: Uint8Array | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Derives the 32-byte signing key for one secret and scope. */
export function deriveSigningKey(secretAccessKey: string, scope: CredentialScope): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, scope.date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, SCOPE_TERMINATOR);
}

/** The hex signature of a string to sign under a signing key. */
export function signatureHex(signingKey: Uint8Array, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** Smithy's signer keeps 50; one entry is one (key pair, day, region, service). */
export const DEFAULT_SIGNING_KEY_CACHE_SIZE = 50;

/**
 * A bounded cache of derived signing keys, least recently used evicted first.
 *
 * @example
 *   const cache = new SigningKeyCache(100);
 *   const key = cache.get(secret, { date: '20150830', region: 'us-east-1', service: 'sts' });
 */
export class SigningKeyCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #maxEntries: number;

  constructor(maxEntries: number = DEFAULT_SIGNING_KEY_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('A signing key cache holds at least one key');
    this.#maxEntries = maxEntries;
  }

  /** The signing key for a secret and scope, derived on a miss. */
  get(secretAccessKey: string, scope: CredentialScope): Buffer {
    const id = cacheKey(secretAccessKey, scope);
    const hit = this.#entries.get(id);
    if (hit !== undefined) {
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }
    const key = deriveSigningKey(secretAccessKey, scope);
    this.#entries.set(id, key);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return key;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every key, e.g. when an access key is deleted or rotated. */
  clear(): void {
    this.#entries.clear();
  }

  /** Derived keys are secrets: a cache never prints them. */
  toJSON(): { size: number } {
    return { size: this.size };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SigningKeyCache { size: ${this.size} }`;
  }
}

/**
 * The secret and the scope, joined with a separator no part can contain (NUL): hashing
 * them on every lookup cost nearly as much as deriving the key. The map holds keys derived
 * from secrets either way; like them, it lives only in this process's memory.
 */
function cacheKey(secretAccessKey: string, scope: CredentialScope): string {
  return `${secretAccessKey}\u0000${scope.date}\u0000${scope.region}\u0000${scope.service}`;
}
