/**
 * Issuing temporary credentials: a fresh `ASIA…` key id and secret, and the session
 * sealed into its token under the ring's active key. The one place that produces the
 * Credentials structure STS returns.
 */
import { accessKeyId, sealSession, secretAccessKey, type Session } from '../../tokens/index.js';
import type { ServiceContext } from '../context.js';

export interface Credentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: Date;
}

export type SessionDraft = Omit<Session, 'accessKeyId' | 'secretAccessKey'>;

export async function mint(draft: SessionDraft, ctx: Pick<ServiceContext, 'deps' | 'keyRings'>): Promise<{ credentials: Credentials; session: Session }> {
  const session: Session = {
    ...draft,
    accessKeyId: accessKeyId('ASIA', draft.accountId, ctx.deps.random(5)),
    secretAccessKey: secretAccessKey(ctx.deps.random(30)),
  };
  const token = sealSession(session, await ctx.keyRings.sealingKey(), ctx.deps.random(12));
  return {
    session,
    credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: token,
      Expiration: new Date(session.expiresAt),
    },
  };
}
