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

interface CachedKey {
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly key: Buffer;
}

/** Scopes kept per secret: a day rollover and a second region or service, at most. */
const SCOPES_PER_SECRET = 4;

/**
 * A bounded cache of derived signing keys, least recently used secret evicted first.
 *
 * Keyed by the secret itself, then by the scope's three parts compared one by one: a
 * server hands the same secret string for every request of one credential (its own
 * caches keep them), so the lookup reuses that string's hash instead of building and
 * hashing a new key string per request. The map holds secrets and keys derived from
 * them; like them, it lives only in this process's memory and never prints.
 *
 * @example
 *   const cache = new SigningKeyCache(100);
 *   const key = cache.get(secret, { date: '20150830', region: 'us-east-1', service: 'sts' });
 */
export class SigningKeyCache {
  readonly #bySecret = new Map<string, CachedKey[]>();
  readonly #maxEntries: number;
  #size = 0;
  #hits = 0;
  #misses = 0;

  constructor(maxEntries: number = DEFAULT_SIGNING_KEY_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('A signing key cache holds at least one key');
    this.#maxEntries = maxEntries;
  }

  /** The signing key for a secret and scope, derived on a miss. */
  get(secretAccessKey: string, scope: CredentialScope): Buffer {
    let scopes = this.#bySecret.get(secretAccessKey);
    if (scopes !== undefined) {
      for (let i = 0; i < scopes.length; i++) {
        const c = scopes[i] as CachedKey;
        if (c.date === scope.date && c.region === scope.region && c.service === scope.service) {
          this.#touch(secretAccessKey, scopes);
          this.#hits++;
          return c.key;
        }
      }
    } else {
      scopes = [];
      this.#bySecret.set(secretAccessKey, scopes);
    }
    this.#misses++;
    const key = deriveSigningKey(secretAccessKey, scope);
    if (scopes.length === SCOPES_PER_SECRET) {
      scopes.shift();
      this.#size--;
    }
    scopes.push({ date: scope.date, region: scope.region, service: scope.service, key });
    this.#size++;
    this.#touch(secretAccessKey, scopes);
    // Past the bound, the least recently used secret goes; if that is this one (the only
    // one), its oldest scope goes.
    while (this.#size > this.#maxEntries) {
      const [oldestSecret, oldestScopes] = this.#bySecret.entries().next().value as [string, CachedKey[]];
      if (oldestSecret === secretAccessKey) {
        oldestScopes.shift();
        this.#size--;
      } else {
        this.#bySecret.delete(oldestSecret);
        this.#size -= oldestScopes.length;
      }
    }
    return key;
  }

  /** Makes a secret the most recently used. */
  #touch(secretAccessKey: string, scopes: CachedKey[]): void {
    this.#bySecret.delete(secretAccessKey);
    this.#bySecret.set(secretAccessKey, scopes);
  }

  /** How many derived keys are held. */
  get size(): number {
    return this.#size;
  }

  /** Lookups answered from the cache and lookups that derived a key, since it was made (for metrics). */
  get counts(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /** Forgets every key, e.g. when an access key is deleted or rotated. */
  clear(): void {
    this.#bySecret.clear();
    this.#size = 0;
  }

  /** Derived keys are secrets: a cache never prints them. */
  toJSON(): { size: number } {
    return { size: this.size };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SigningKeyCache { size: ${this.size} }`;
  }
}
