/**
 * From the access key id of a signed request to the secret that must have signed it,
 * and, once the signature holds, to the caller. Long-term keys (`AKIA…`) are read from
 * the store (cached per store generation) and must be Active; temporary keys (`ASIA…`)
 * are opened from their sealed session token without a store read. Every failure is AWS's InvalidClientTokenId, the
 * same whatever was wrong, except a genuine token past its expiry (ExpiredToken).
 */
import { rootCaller, sessionCaller, userCaller, type Caller } from './caller.js';
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
    return {
      secretAccessKey: session.secretAccessKey,
      caller: async () => {
        const owner = session.principalId;
        const role = session.kind === 'AssumedRole' && owner !== undefined ? await entities.role(owner) : undefined;
        const user = session.kind === 'SessionToken' && owner !== undefined ? await entities.user(owner) : undefined;
        return sessionCaller(session, role, user);
      },
    };
  }
  // A long-term key never comes with a session token.
  if (!accessKeyId.startsWith('AKIA') || sessionToken !== undefined) throw invalidToken();
  const found = await entities.accessKey(accessKeyId, accessKeyPurpose);
  if (found === undefined || found.key.status !== 'Active') throw invalidToken();
  const { key } = found;
  return {
    secretAccessKey: found.secretAccessKey,
    caller: async () => {
      if (key.userId === undefined) return rootCaller(key.accountId, key.id);
      const user = await entities.user(key.userId);
      if (user === undefined) throw invalidToken();
      return userCaller(user, key.id);
    },
  };
}
