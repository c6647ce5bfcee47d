/**
 * The user an operation with an optional `UserName` is about (GetUser and the access-key
 * operations): the named user, or without a name the caller itself — its own user, or
 * for the account's root user the root identity. A role session has no user to default
 * to. Authorizes the action on that user before saying whether it exists.
 */
import { rootArn } from '../../policy/index.js';
import { users, type UserRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { userResource } from './arns.js';
import { noSuchUser, nonUserCredentials } from './errors.js';

export type Subject = { readonly kind: 'root' } | { readonly kind: 'user'; readonly user: UserRecord };

export async function authorizeSubject(userName: string | undefined, action: string, ctx: ServiceContext): Promise<Subject> {
  const account = ctx.caller.accountId;
  if (userName === undefined) {
    const self = callerSelf(ctx);
    if (self === 'root') {
      await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: rootArn(account) });
      return { kind: 'root' };
    }
    const user = await users.byId(ctx.deps.db, self.id);
    await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: userResource(account, self.path, self.name) });
    if (user === undefined) throw noSuchUser(self.name);
    return { kind: 'user', user };
  }
  const user = await users.byName(ctx.deps.db, account, userName);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action, resource: userResource(account, user?.path ?? '/', user?.name ?? userName) });
  if (user === undefined) throw noSuchUser(userName);
  return { kind: 'user', user };
}

function callerSelf(ctx: ServiceContext): 'root' | UserRecord {
  const { caller } = ctx;
  if (caller.kind === 'root') return 'root';
  if (caller.kind === 'user') return caller.user;
  // A GetSessionToken session acts as its user, or as root when root asked for it.
  if (caller.session.kind === 'SessionToken') {
    if (caller.user !== undefined) return caller.user;
    if (caller.session.principalId === undefined) return 'root';
  }
  throw nonUserCredentials();
}
