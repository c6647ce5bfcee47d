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

/** The two seconds formatted last, and which of them was written longer ago. */
const seconds = [Number.NaN, Number.NaN];
const texts = ['', ''];
let older = 0;

/**
 * ISO 8601 to the second, as AWS writes aws:CurrentTime and aws:TokenIssueTime (and the
 * metadata endpoints their times). Formatting a date costs more than the rest of building
 * a request's context, and a request asks for the current second and its session's issue
 * time, the same two over and over, so the last two are kept.
 */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === seconds[0]) return texts[0] as string;
  if (second === seconds[1]) return texts[1] as string;
  const text = new Date(second * 1000).toISOString().replace(/\.000Z$/, 'Z');
  seconds[older] = second;
  texts[older] = text;
  older = 1 - older;
  return text;
}

/**
 * aws:CurrentTime and aws:EpochTime at `now`: the context every request carries, for the
 * principals that have no caller of ours to build the rest from (a web identity, a service).
 */
export function timeContext(now: number): [string, string][] {
  return [
    ['aws:CurrentTime', isoSeconds(now)],
    ['aws:EpochTime', String(Math.floor(now / 1000))],
  ];
}

export function globalContext(caller: Caller, facts: RequestFacts, now: number): Map<string, ContextValue> {
  const context = new Map<string, ContextValue>();
  put(context, 'aws:CurrentTime', isoSeconds(now));
  put(context, 'aws:EpochTime', String(Math.floor(now / 1000)));
  put(context, 'aws:SourceIp', facts.sourceIp);
  put(context, 'aws:UserAgent', facts.userAgent);
  put(context, 'aws:SecureTransport', String(facts.secureTransport));
  put(context, 'aws:RequestedRegion', facts.region);
  put(context, 'aws:PrincipalAccount', caller.accountId);
  put(context, 'aws:PrincipalIsAWSService', 'false');
  put(context, 'aws:ViaAWSService', 'false');

  let tags: readonly Tag[] = [];
  if (caller.kind === 'root') {
    put(context, 'aws:PrincipalArn', caller.arn);
    put(context, 'aws:PrincipalType', 'Account');
    put(context, 'aws:userid', caller.accountId);
  } else if (caller.kind === 'user') {
    put(context, 'aws:PrincipalArn', caller.arn);
    put(context, 'aws:PrincipalType', 'User');
    put(context, 'aws:username', caller.user.name);
    put(context, 'aws:userid', caller.user.id);
    tags = caller.user.tags;
  } else {
    const { session } = caller;
    put(context, 'aws:TokenIssueTime', isoSeconds(session.issuedAt));
    put(context, 'aws:SourceIdentity', session.sourceIdentity);
    if (session.mfaAuthenticatedAt !== undefined) {
      put(context, 'aws:MultiFactorAuthPresent', 'true');
      put(context, 'aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((now - session.mfaAuthenticatedAt) / 1000))));
    } else {
      put(context, 'aws:MultiFactorAuthPresent', 'false');
    }
    if (session.kind === 'AssumedRole') {
      put(context, 'aws:PrincipalArn', session.roleArn);
      put(context, 'aws:PrincipalType', 'AssumedRole');
      put(context, 'aws:userid', `${session.principalId}:${session.sessionName}`);
      // Session tags override the role's tags of the same key (case-insensitively).
      tags = mergeTags(caller.role?.tags ?? [], session.tags?.map((t) => ({ Key: t.key, Value: t.value })) ?? []);
    } else if (session.kind === 'FederatedUser') {
      put(context, 'aws:PrincipalArn', session.arn);
      put(context, 'aws:PrincipalType', 'FederatedUser');
      put(context, 'aws:userid', `${session.accountId}:${session.sessionName}`);
      // Session tags override the federated IAM user's tags of the same key (STS API
      // reference, GetFederationToken, Tags).
      tags = mergeTags(caller.user?.tags ?? [], session.tags?.map((t) => ({ Key: t.key, Value: t.value })) ?? []);
    } else if (caller.user !== undefined) {
      put(context, 'aws:PrincipalArn', session.arn);
      put(context, 'aws:PrincipalType', 'User');
      put(context, 'aws:username', caller.user.name);
      put(context, 'aws:userid', caller.user.id);
      tags = caller.user.tags;
    } else {
      put(context, 'aws:PrincipalArn', session.arn);
      put(context, 'aws:PrincipalType', 'Account');
      put(context, 'aws:userid', session.accountId);
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

/** Sets a key the request has; a key without a value is left out, as AWS leaves it. */
function put(context: Map<string, ContextValue>, key: string, value: ContextValue | undefined): void {
  if (value !== undefined) context.set(key, value);
}
