/**
 * The authenticated caller of a request: who signed it, in which account, with which
 * credentials, and the principal the policy engine sees. Built only after the signature
 * has been verified (see pipeline.ts); nothing here is trusted before that.
 */
import { requestPrincipal, type RequestPrincipal } from '../policy/index.js';
import type { Session } from '../tokens/index.js';
import type { RoleRecord, UserRecord } from '../store/index.js';
import { rootArn } from '../policy/index.js';

export type Caller =
  | { readonly kind: 'root'; readonly accountId: string; readonly accessKeyId: string; readonly arn: string; readonly principal: RequestPrincipal }
  | { readonly kind: 'user'; readonly accountId: string; readonly accessKeyId: string; readonly arn: string; readonly principal: RequestPrincipal; readonly user: UserRecord }
  | {
      readonly kind: 'session';
      readonly accountId: string;
      readonly accessKeyId: string;
      readonly arn: string;
      readonly principal: RequestPrincipal;
      readonly session: Session;
      /** The role of an assumed-role session, when it still exists. */
      readonly role: RoleRecord | undefined;
      /** The user of a GetSessionToken or federated-user session, when it still exists. */
      readonly user: UserRecord | undefined;
    };

export function userArn(user: UserRecord): string {
  return `arn:aws:iam::${user.accountId}:user${user.path}${user.name}`;
}

export function roleArn(role: RoleRecord): string {
  return `arn:aws:iam::${role.accountId}:role${role.path}${role.name}`;
}

export function rootCaller(accountId: string, accessKeyId: string): Caller {
  const arn = rootArn(accountId);
  return { kind: 'root', accountId, accessKeyId, arn, principal: requestPrincipal({ type: 'Account', arn, accountId }) };
}

export function userCaller(user: UserRecord, accessKeyId: string): Caller {
  const arn = userArn(user);
  return {
    kind: 'user',
    accountId: user.accountId,
    accessKeyId,
    arn,
    user,
    principal: requestPrincipal({ type: 'User', arn, accountId: user.accountId, uniqueId: user.id }),
  };
}

/**
 * A caller on temporary credentials. A GetSessionToken session acts as its user (or
 * root); an assumed-role session as the role, named by its session ARN.
 */
export function sessionCaller(session: Session, role: RoleRecord | undefined, user: UserRecord | undefined): Caller {
  let principal: RequestPrincipal;
  if (session.kind === 'AssumedRole') {
    principal = requestPrincipal({
      type: 'AssumedRole',
      arn: session.arn,
      accountId: session.accountId,
      uniqueId: session.principalId,
      roleArn: session.roleArn,
    });
  } else if (session.kind === 'FederatedUser') {
    principal = requestPrincipal({ type: 'FederatedUser', arn: session.arn, accountId: session.accountId });
  } else if (session.principalId === undefined) {
    principal = requestPrincipal({ type: 'Account', arn: session.arn, accountId: session.accountId });
  } else {
    principal = requestPrincipal({ type: 'User', arn: session.arn, accountId: session.accountId, uniqueId: session.principalId });
  }
  return { kind: 'session', accountId: session.accountId, accessKeyId: session.accessKeyId, arn: session.arn, principal, session, role, user };
}
