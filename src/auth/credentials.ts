/**
 * From the access key id of a signed request to the secret that must have signed it,
 * and, once the signature holds, to the caller. Long-term keys (`AKIA…`) are read from
 * the store (cached per store generation) and must be Active; temporary keys (`ASIA…`)
 * are opened from their sealed session token without a store read. Every failure is AWS's InvalidClientTokenId, the
 * same whatever was wrong, except a genuine token past its expiry (ExpiredToken).
 */
import type { Session } from '../tokens/index.js';
import type { Caller } from './caller.js';
import type { AccessKeyRecord } from '../store/index.js';
import type { EntityCache } from './entity-cache.js';
import { invalidToken, type KeyRingSource } from './key-ring-source.js';

/**
 * What a long-term secret is wrapped for (the associated data of tokens/wrap.ts): the
 * key's own id, so a wrapped secret copied to another key's row does not unwrap.
 * CreateAccessKey wraps with it and credential resolution unwraps with it.
 */
export const accessKeyPurpose = (accessKeyId: string): string => `access-key:${accessKeyId}`;

export interface ResolvedCredentials {
  readonly secretAccessKey: string;
  /** Builds the caller; call it only after the signature has been verified. */
  caller(): Promise<Caller>;
}

export async function resolveCredentials(
  accessKeyId: string,
  sessionToken: string | undefined,
  keyRings: KeyRingSource,
  entities: EntityCache,
): Promise<ResolvedCredentials> {
  if (accessKeyId.startsWith('ASIA')) {
    if (sessionToken === undefined) throw invalidToken();
    const session = await keyRings.openToken(sessionToken, accessKeyId);
    return new Resolved(session.secretAccessKey, { session }, entities);
  }
  // A long-term key never comes with a session token.
  if (!accessKeyId.startsWith('AKIA') || sessionToken !== undefined) throw invalidToken();
  const found = await entities.accessKey(accessKeyId, accessKeyPurpose);
  if (found === undefined || found.key.status !== 'Active') throw invalidToken();
  return new Resolved(found.secretAccessKey, { key: found.key }, entities);
}

/**
 * A class rather than an object with a closure: one is made on every request, and a
 * method costs nothing per instance where a closure is a new function each time.
 */
class Resolved implements ResolvedCredentials {
  readonly secretAccessKey: string;
  readonly #owner: { readonly session: Session } | { readonly key: AccessKeyRecord };
  readonly #entities: EntityCache;

  constructor(secretAccessKey: string, owner: { readonly session: Session } | { readonly key: AccessKeyRecord }, entities: EntityCache) {
    this.secretAccessKey = secretAccessKey;
    this.#owner = owner;
    this.#entities = entities;
  }

  caller(): Promise<Caller> {
    return 'session' in this.#owner ? this.#entities.sessionCaller(this.#owner.session) : this.#entities.keyCaller(this.#owner.key);
  }
}
