/**
 * CloudTrail's userIdentity element for a verified caller (CloudTrail User Guide,
 * "CloudTrail userIdentity element"), and the name LookupEvents lists as its user.
 * Session attributes are strings ("true"/"false", ISO 8601), as CloudTrail writes them.
 */
import type { Caller } from '../../auth/caller.js';
import { isoSeconds } from '../../auth/request-context.js';
import type { Session } from '../../tokens/index.js';
import type { JsonObject } from './json.js';

/** A caller is kept across its requests (auth's caches), so its identity is built once. */
const identities = new WeakMap<Caller, JsonObject>();

export function userIdentity(caller: Caller): JsonObject {
  let identity = identities.get(caller);
  if (identity === undefined) {
    identity = identityOf(caller);
    identities.set(caller, identity);
  }
  return identity;
}

function identityOf(caller: Caller): JsonObject {
  switch (caller.kind) {
    case 'root':
      return { type: 'Root', principalId: caller.accountId, arn: caller.arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId };
    case 'user':
      return { type: 'IAMUser', principalId: caller.user.id, arn: caller.arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId, userName: caller.user.name };
    case 'session':
      return sessionIdentity(caller.session, caller.user?.name);
  }
}

function sessionIdentity(session: Session, userName: string | undefined): JsonObject {
  const attributes = { creationDate: isoSeconds(session.issuedAt), mfaAuthenticated: String(session.mfaAuthenticatedAt !== undefined) };
  const base = { arn: session.arn, accountId: session.accountId, accessKeyId: session.accessKeyId };
  if (session.kind === 'AssumedRole') {
    const roleArn = session.roleArn ?? '';
    const sessionContext: JsonObject = {
      sessionIssuer: { type: 'Role', principalId: session.principalId ?? '', arn: roleArn, accountId: session.accountId, userName: roleArn.slice(roleArn.lastIndexOf('/') + 1) },
      webIdFederationData: {},
      attributes,
      ...(session.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }),
    };
    return { type: 'AssumedRole', principalId: `${session.principalId ?? ''}:${session.sessionName ?? ''}`, ...base, sessionContext };
  }
  if (session.kind === 'FederatedUser') {
    // Who called GetFederationToken: an IAM user, or the account's root user.
    const issuer: JsonObject =
      session.sourceArn.endsWith(':root')
        ? { type: 'Root', principalId: session.accountId, arn: session.sourceArn, accountId: session.accountId }
        : { type: 'IAMUser', principalId: session.principalId ?? '', arn: session.sourceArn, accountId: session.accountId, userName: userName ?? session.sourceArn.slice(session.sourceArn.lastIndexOf('/') + 1) };
    return { type: 'FederatedUser', principalId: `${session.accountId}:${session.sessionName ?? ''}`, ...base, sessionContext: { sessionIssuer: issuer, attributes } };
  }
  // GetSessionToken: the user (or root) itself, on temporary keys.
  if (session.principalId === undefined) return { type: 'Root', principalId: session.accountId, ...base, sessionContext: { attributes } };
  return { type: 'IAMUser', principalId: session.principalId, ...base, userName: userName ?? session.arn.slice(session.arn.lastIndexOf('/') + 1), sessionContext: { attributes } };
}

/** LookupEvents' Username: a user's name, `root`, or a session's name. */
export function lookupUsername(caller: Caller): string {
  switch (caller.kind) {
    case 'root':
      return 'root';
    case 'user':
      return caller.user.name;
    case 'session': {
      const s = caller.session;
      if (s.kind !== 'SessionToken') return s.sessionName ?? '';
      return s.principalId === undefined ? 'root' : s.arn.slice(s.arn.lastIndexOf('/') + 1);
    }
  }
}
