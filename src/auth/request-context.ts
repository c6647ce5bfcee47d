/**
 * The global condition keys of a request, as AWS fills them for the caller (IAM User
 * Guide, "AWS global condition context keys" and the table of principal key values):
 * who the principal is, its tags, its session's facts, and the request's own facts.
 * Operation-specific keys (sts:ExternalId, aws:RequestTag/…) are added by the service.
 */
import type { ContextValue } from '../policy/index.js';
import type { Tag } from '../store/index.js';
import type { Caller } from './caller.js';

/** What the HTTP layer knows about the request. */
export interface RequestFacts {
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly secureTransport: boolean;
  readonly region: string;
}

export function globalContext(caller: Caller, facts: RequestFacts, now: number): Map<string, ContextValue> {
  const context = new Map<string, ContextValue>();
  const set = (key: string, value: ContextValue | undefined): void => {
    if (value !== undefined) context.set(key, value);
  };
  set('aws:CurrentTime', new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  set('aws:EpochTime', String(Math.floor(now / 1000)));
  set('aws:SourceIp', facts.sourceIp);
  set('aws:UserAgent', facts.userAgent);
  set('aws:SecureTransport', String(facts.secureTransport));
  set('aws:RequestedRegion', facts.region);
  set('aws:PrincipalAccount', caller.accountId);
  set('aws:PrincipalIsAWSService', 'false');
  set('aws:ViaAWSService', 'false');

  let tags: readonly Tag[] = [];
  if (caller.kind === 'root') {
    set('aws:PrincipalArn', caller.arn);
    set('aws:PrincipalType', 'Account');
    set('aws:userid', caller.accountId);
  } else if (caller.kind === 'user') {
    set('aws:PrincipalArn', caller.arn);
    set('aws:PrincipalType', 'User');
    set('aws:username', caller.user.name);
    set('aws:userid', caller.user.id);
    tags = caller.user.tags;
  } else {
    const { session } = caller;
    set('aws:TokenIssueTime', new Date(session.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    set('aws:SourceIdentity', session.sourceIdentity);
    if (session.mfaAuthenticatedAt !== undefined) {
      set('aws:MultiFactorAuthPresent', 'true');
      set('aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((now - session.mfaAuthenticatedAt) / 1000))));
    } else {
      set('aws:MultiFactorAuthPresent', 'false');
    }
    if (session.kind === 'AssumedRole') {
      set('aws:PrincipalArn', session.roleArn);
      set('aws:PrincipalType', 'AssumedRole');
      set('aws:userid', `${session.principalId}:${session.sessionName}`);
      // Session tags override the role's tags of the same key (case-insensitively).
      tags = mergeTags(caller.role?.tags ?? [], session.tags?.map((t) => ({ Key: t.key, Value: t.value })) ?? []);
    } else if (session.kind === 'FederatedUser') {
      set('aws:PrincipalArn', session.arn);
      set('aws:PrincipalType', 'FederatedUser');
      set('aws:userid', `${session.accountId}:${session.sessionName}`);
    } else if (caller.user !== undefined) {
      set('aws:PrincipalArn', session.arn);
      set('aws:PrincipalType', 'User');
      set('aws:username', caller.user.name);
      set('aws:userid', caller.user.id);
      tags = caller.user.tags;
    } else {
      set('aws:PrincipalArn', session.arn);
      set('aws:PrincipalType', 'Account');
      set('aws:userid', session.accountId);
    }
  }
  for (const tag of tags) context.set(`aws:PrincipalTag/${tag.Key}`, tag.Value);
  return context;
}

function mergeTags(base: readonly Tag[], override: readonly Tag[]): Tag[] {
  const byKey = new Map<string, Tag>();
  for (const t of [...base, ...override]) byKey.set(t.Key.toLowerCase(), t);
  return [...byKey.values()];
}
