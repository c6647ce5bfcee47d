/**
 * From the access key id of a signed request to the secret that must have signed it,
 * and, once the signature holds, to the caller. Long-term keys (`AKIA…`) are read from
 * the store and must be Active; temporary keys (`ASIA…`) are opened from their sealed
 * session token without a store read. Every failure is AWS's InvalidClientTokenId, the
 * same whatever was wrong, except a genuine token past its expiry (ExpiredToken).
 */
import { AwsError } from '../errors.js';
import { accessKeys, roles, users } from '../store/index.js';
import { openSession, TokenError, tokenKeyId, unwrap, type Session } from '../tokens/index.js';
import { rootCaller, sessionCaller, userCaller, type Caller } from './caller.js';
import type { CoreDeps } from './deps.js';
import type { KeyRingSource } from './key-ring-source.js';

export const INVALID_TOKEN = 'The security token included in the request is invalid.';
export const EXPIRED_TOKEN = 'The security token included in the request is expired';

export const invalidToken = (): AwsError => new AwsError('InvalidClientTokenId', INVALID_TOKEN);

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
  deps: CoreDeps,
  keyRings: KeyRingSource,
): Promise<ResolvedCredentials> {
  if (accessKeyId.startsWith('ASIA')) {
    if (sessionToken === undefined) throw invalidToken();
    const session = await openToken(sessionToken, accessKeyId, deps, keyRings);
    return {
      secretAccessKey: session.secretAccessKey,
      caller: async () => {
        const role = session.kind === 'AssumedRole' && session.principalId !== undefined ? await roles.byId(deps.db, session.principalId) : undefined;
        const user = session.kind === 'SessionToken' && session.principalId !== undefined ? await users.byId(deps.db, session.principalId) : undefined;
        return sessionCaller(session, role, user);
      },
    };
  }
  // A long-term key never comes with a session token.
  if (!accessKeyId.startsWith('AKIA') || sessionToken !== undefined) throw invalidToken();
  const key = await accessKeys.byId(deps.db, accessKeyId);
  if (key === undefined || key.status !== 'Active') throw invalidToken();
  const secret = Buffer.from(unwrap(deps.masterKey, key.wrappedSecret, accessKeyPurpose(key.id))).toString('utf8');
  return {
    secretAccessKey: secret,
    caller: async () => {
      if (key.userId === undefined) return rootCaller(key.accountId, key.id);
      const user = await users.byId(deps.db, key.userId);
      if (user === undefined) throw invalidToken();
      return userCaller(user, key.id);
    },
  };
}

async function openToken(token: string, accessKeyId: string, deps: CoreDeps, keyRings: KeyRingSource): Promise<Session> {
  const keyId = tokenKeyId(token);
  if (keyId === undefined || !(await keyRings.knows(keyId))) throw invalidToken();
  try {
    return openSession(token, accessKeyId, await keyRings.ring(), deps.clock.now());
  } catch (e) {
    if (e instanceof TokenError) throw e.reason === 'expired' ? new AwsError('ExpiredToken', EXPIRED_TOKEN) : invalidToken();
    throw e;
  }
}
