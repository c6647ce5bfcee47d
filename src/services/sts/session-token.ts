/**
 * GetSessionToken: temporary credentials for the caller itself, from long-term keys
 * only. No permission is needed (STS API reference); the session acts with the same
 * policies as its user. Durations: 900 to 129,600 s (12 h by default); 900 to 3,600 s
 * for the root user. With SerialNumber and TokenCode, the session carries MFA (mfa.ts).
 */
import { AwsError } from '../../errors.js';
import type { ServiceContext } from '../context.js';
import { checkMfa } from './mfa.js';
import { mint, type Credentials } from './mint.js';

export async function getSessionToken(
  input: { readonly DurationSeconds?: number | undefined; readonly SerialNumber?: string | undefined; readonly TokenCode?: string | undefined },
  ctx: ServiceContext,
): Promise<{ Credentials: Credentials }> {
  const { caller } = ctx;
  if (caller.kind === 'session') throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
  const max = caller.kind === 'root' ? 3600 : 129_600;
  const seconds = input.DurationSeconds ?? (caller.kind === 'root' ? 3600 : 43_200);
  if (seconds > max) {
    throw new AwsError('ValidationError', `1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
  const mfaAuthenticatedAt = await checkMfa(input, ctx);
  const now = ctx.deps.clock.now();
  const { credentials } = await mint(
    {
      kind: 'SessionToken',
      accountId: caller.accountId,
      arn: caller.arn,
      principalId: caller.kind === 'user' ? caller.user.id : undefined,
      sourceArn: caller.arn,
      issuedAt: now,
      expiresAt: now + seconds * 1000,
      mfaAuthenticatedAt,
      chainDepth: 0,
    },
    ctx,
  );
  return { Credentials: credentials };
}
