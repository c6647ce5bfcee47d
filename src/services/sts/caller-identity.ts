/**
 * GetCallerIdentity needs no permission and cannot be denied, not even by an explicit
 * Deny (STS API reference); GetAccessKeyInfo reads the account out of the key id.
 */
import { AwsError } from '../../errors.js';
import { accountOfAccessKeyId } from '../../tokens/index.js';
import type { Caller } from '../../auth/caller.js';
import type { ServiceContext } from '../context.js';

export async function getCallerIdentity(
  _input: Record<string, never>,
  ctx: ServiceContext,
): Promise<{ UserId: string; Account: string; Arn: string }> {
  return { UserId: userIdOf(ctx.caller), Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}

/** AWS's UserId: the account for root, the AIDA id for users, `AROA…:session` for role sessions. */
function userIdOf(caller: Caller): string {
  switch (caller.kind) {
    case 'root':
      return caller.accountId;
    case 'user':
      return caller.user.id;
    case 'session': {
      const s = caller.session;
      if (s.kind === 'AssumedRole') return `${s.principalId}:${s.sessionName}`;
      if (s.kind === 'FederatedUser') return `${s.accountId}:${s.sessionName}`;
      return s.principalId ?? s.accountId;
    }
  }
}

export async function getAccessKeyInfo(
  input: { readonly AccessKeyId: string },
  ctx: ServiceContext,
): Promise<{ Account: string }> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'sts:GetAccessKeyInfo', resource: '*' });
  const account = accountOfAccessKeyId(input.AccessKeyId);
  // AWS's exact answer for an id it cannot read is not documented; rolegate refuses it.
  if (account === undefined) throw new AwsError('InvalidParameterValue', `The access key ID ${input.AccessKeyId} is not valid.`);
  return { Account: account };
}
