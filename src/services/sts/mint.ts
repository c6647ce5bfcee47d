/**
 * Issuing temporary credentials: a fresh `ASIA…` key id and secret, and the session
 * sealed into its token under the ring's active key. The one place that produces the
 * Credentials structure STS returns.
 */
import { assumedRoleArn } from '../../arn/index.js';
import { roleArn } from '../../auth/caller.js';
import type { RoleRecord } from '../../store/index.js';
import { accessKeyId, sealSession, secretAccessKey, type Session } from '../../tokens/index.js';
import type { ServiceContext } from '../context.js';
import type { SessionTags } from './session-limits.js';

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

/** What varies between the calls that issue a role session (AssumeRole, web identity, compute). */
export interface RoleSessionRequest {
  readonly role: RoleRecord;
  readonly sessionName: string;
  /** Who asked: the caller's ARN, the identity provider's, the instance's or task's. */
  readonly sourceArn: string;
  readonly issuedAt: number;
  readonly seconds: number;
  readonly policy?: string | undefined;
  readonly policyArns?: readonly string[] | undefined;
  readonly tags?: SessionTags | undefined;
  readonly sourceIdentity?: string | undefined;
  readonly mfaAuthenticatedAt?: number | undefined;
  readonly chainDepth: number;
}

export interface RoleSession {
  readonly Credentials: Credentials;
  readonly AssumedRoleUser: { readonly AssumedRoleId: string; readonly Arn: string };
}

/** A session of `role`, named `sessionName`: its credentials and the AssumedRoleUser STS answers with. */
export async function mintRoleSession(r: RoleSessionRequest, ctx: Pick<ServiceContext, 'deps' | 'keyRings'>): Promise<RoleSession> {
  const { role } = r;
  const arn = assumedRoleArn(role.accountId, role.name, r.sessionName);
  const nonEmpty = <T>(list: readonly T[] | undefined): readonly T[] | undefined => (list !== undefined && list.length > 0 ? list : undefined);
  const { credentials } = await mint(
    {
      kind: 'AssumedRole',
      accountId: role.accountId,
      arn,
      roleArn: roleArn(role),
      principalId: role.id,
      sessionName: r.sessionName,
      sourceArn: r.sourceArn,
      issuedAt: r.issuedAt,
      expiresAt: r.issuedAt + r.seconds * 1000,
      policy: r.policy,
      policyArns: nonEmpty(r.policyArns),
      tags: nonEmpty(r.tags?.tags),
      transitiveTagKeys: nonEmpty(r.tags?.transitiveTagKeys),
      sourceIdentity: r.sourceIdentity,
      mfaAuthenticatedAt: r.mfaAuthenticatedAt,
      chainDepth: r.chainDepth,
    },
    ctx,
  );
  return { Credentials: credentials, AssumedRoleUser: { AssumedRoleId: `${role.id}:${r.sessionName}`, Arn: arn } };
}
